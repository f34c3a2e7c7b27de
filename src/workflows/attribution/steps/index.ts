export * from "./attribute-order"
