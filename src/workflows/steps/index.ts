export * from "./check-phone"
export * from "./render-template"
export * from "./create-message"
export * from "./enqueue-message"
