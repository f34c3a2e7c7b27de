export * from "./keywords"
export * from "./ledger"
