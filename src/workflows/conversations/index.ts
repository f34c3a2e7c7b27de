export * from "./steps"
export * from "./answer-inbound"
export * from "./reply-in-conversation"
