import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type AuditActor, type DataSubject, type MessagingModuleService } from "../../../modules/messaging"

/**
 * The subject's erasure, committed with its audit entry in one transaction (`dry_run`: counted and
 * rolled back). No compensation: an erasure is not undone.
 */
export const erasePersonalDataStep = createStep(
  "sms-rcs-erase-subject-data",
  async ({ subject, actor, dry_run }: { subject: DataSubject; actor: AuditActor; dry_run?: boolean }, { container }) =>
    new StepResponse(await container.resolve<MessagingModuleService>(MESSAGING_MODULE).erasePersonalData(subject, actor, { dryRun: !!dry_run }))
)
