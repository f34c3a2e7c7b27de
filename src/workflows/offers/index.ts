export * from "./issue-offer-code"
export * from "./clean-up-offer-codes"
