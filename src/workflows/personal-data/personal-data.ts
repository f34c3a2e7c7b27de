import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor } from "../../modules/messaging"
import { erasePersonalDataStep, exportPersonalDataStep, resolveDataSubjectStep, type ResolveDataSubjectInput } from "./steps"

export type PersonalDataWorkflowInput = ResolveDataSubjectInput & { actor: AuditActor }

/** GDPR access: the person's proven phones, then everything held about them. */
export const exportPersonalDataWorkflow = createWorkflow("sms-rcs-export-personal-data", (input: PersonalDataWorkflowInput) => {
  const subject = resolveDataSubjectStep({ phone: input.phone, customer_id: input.customer_id })
  return new WorkflowResponse(exportPersonalDataStep({ subject, actor: input.actor }))
})

/** GDPR erasure: the person's proven phones, then their erasure (see PersonalData). */
export const erasePersonalDataWorkflow = createWorkflow("sms-rcs-erase-personal-data", (input: PersonalDataWorkflowInput) => {
  const subject = resolveDataSubjectStep({ phone: input.phone, customer_id: input.customer_id })
  return new WorkflowResponse(erasePersonalDataStep({ subject, actor: input.actor }))
})
