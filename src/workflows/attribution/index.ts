export * from "./attribute-order"
export * from "./steps"
