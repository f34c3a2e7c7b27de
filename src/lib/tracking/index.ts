export * from "./short-links"
export * from "./bots"
export * from "./attribution"
export * from "./link-hosts"
