export * from "./render"
export * from "./defaults"
