export * from "./create-campaign"
export * from "./schedule-campaign"
export * from "./change-campaign-course"
export * from "./advance-campaigns"
