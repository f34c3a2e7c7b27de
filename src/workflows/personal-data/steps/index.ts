export * from "./erase-personal-data"
export * from "./export-personal-data"
export * from "./resolve-data-subject"
