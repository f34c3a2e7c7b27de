import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MESSAGING_MODULE, type AuditActor, type DataSubject, type MessagingModuleService } from "../../../modules/messaging"

/** Everything held about the subject's phones, read with its audit entry. */
export const exportPersonalDataStep = createStep(
  "sms-rcs-read-personal-data",
  async ({ subject, actor }: { subject: DataSubject; actor: AuditActor }, { container }) =>
    new StepResponse(await container.resolve<MessagingModuleService>(MESSAGING_MODULE).exportPersonalData(subject, actor))
)
