export * from "./channel"
export * from "./compose"
export * from "./ids"
