export * from "./sandbox-provider"
