export * from "./personal-data"
export * from "./steps"
