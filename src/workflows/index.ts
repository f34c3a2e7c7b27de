// The plugin's workflows and steps, for a store's own code (package.json exports "./workflows").
export * from "./messages"
export * from "./consent"
export * from "./attribution"
export * from "./campaigns"
export * from "./personal-data"
export * from "./conversations"
export * from "./offers"
