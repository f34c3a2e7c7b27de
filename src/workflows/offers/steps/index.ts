export * from "./prepare-offer-code"
export * from "./fill-offer-code"
export * from "./list-expired-offer-codes"
