export * from "./twilio-provider"
export * from "./twilio-status"
export * from "./twilio-errors"
