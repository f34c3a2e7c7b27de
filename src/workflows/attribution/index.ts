export * from "./attribute-order"
export * from "./steps"
export * from "./recompute-attributions"
