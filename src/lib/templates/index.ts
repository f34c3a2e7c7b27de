export * from "./render"
export * from "./defaults"
export * from "./variables"
