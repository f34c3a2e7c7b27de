export * from "./open-conversation"
export * from "./notify-handoff"
