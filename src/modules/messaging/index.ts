import { Module } from "@medusajs/framework/utils"
import connectQueueLoader from "./loaders/connect-queue"
import MessagingModuleService from "./service"

export const MESSAGING_MODULE = "messaging"

export default Module(MESSAGING_MODULE, {
  service: MessagingModuleService,
  loaders: [connectQueueLoader],
})

export { MessagingModuleService }
export * from "./types"
export type { RecordConsentInput } from "./consent/consent-store"
export type { DataSubject } from "./personal-data/personal-data"
export type { AuditActor } from "./service"
export { AUDIT_ACTIONS, type AuditAction } from "./audit/audit-log"
