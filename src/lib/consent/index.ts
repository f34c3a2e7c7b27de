export * from "./keywords"
export * from "./ledger"
export * from "./opt-out"
export * from "./csv-import"
