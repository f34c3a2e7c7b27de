export * from "./links"
export * from "./bots"
export * from "./attribution"
