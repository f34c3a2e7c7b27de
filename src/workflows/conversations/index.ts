export * from "./steps"
