export * from "./record-back-in-stock-request"
