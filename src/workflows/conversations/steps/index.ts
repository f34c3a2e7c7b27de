export * from "./open-conversation"
export * from "./choose-answer"
export * from "./mark-waiting"
export * from "./touch-conversation"
