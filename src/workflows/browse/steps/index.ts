export * from "./record-product-view"
