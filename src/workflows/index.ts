export * from "./send-message"
export * from "./send-order-message"
export * from "./steps"
export * from "./handle-inbound-message"
