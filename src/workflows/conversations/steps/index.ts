export * from "./open-conversation"
