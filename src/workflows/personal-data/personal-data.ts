import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../modules/messaging"
import { erasePersonalDataStep, exportPersonalDataStep, resolveDataSubjectStep, type ResolveDataSubjectInput } from "./steps"

export type PersonalDataWorkflowInput = ResolveDataSubjectInput & { actor: AuditActor; dry_run?: boolean }

/** GDPR access: the person's proven phones, then everything held about them. */
export const exportPersonalDataWorkflow = createWorkflow("sms-rcs-export-personal-data", (input: PersonalDataWorkflowInput) => {
  const subject = resolveDataSubjectStep({ phone: input.phone, customer_id: input.customer_id })
  return new WorkflowResponse(exportPersonalDataStep({ subject, actor: input.actor }))
})

/**
 * GDPR erasure: the person's proven phones, then their erasure (see PersonalData). `dry_run`: the phones
 * and the counts the erasure would make, so the admin confirms knowing what goes; nothing changes.
 */
export const erasePersonalDataWorkflow = createWorkflow("sms-rcs-erase-personal-data", (input: PersonalDataWorkflowInput) => {
  const subject = resolveDataSubjectStep({ phone: input.phone, customer_id: input.customer_id })
  const erased = erasePersonalDataStep({ subject, actor: input.actor, dry_run: input.dry_run })
  return new WorkflowResponse(transform({ subject, erased }, ({ subject, erased }) => ({ phones: subject.phones, erased })))
})
