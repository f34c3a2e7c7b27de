import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../modules/messaging"

/**
 * PostgreSQL is the truth and Redis only carries ids: every minute, due messages that no job carries
 * any more (Redis restarted, a crash between insert and enqueue) are queued again, and messages left
 * `unknown` are settled (answers kept during a database fault written, the rest asked of the provider).
 */
export default async function sweepStrandedMessages(container: MedusaContainer) {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { requeued, unknown } = await messaging.sweepStranded()
  const reconciled = await messaging.reconcileUnknown()
  // hand-off webhooks recorded while Redis was away, or whose job Redis lost
  const handoffs = await messaging.requeueStrandedHandoffWebhooks()
  if (handoffs) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`medusa-plugin-sms-rcs: sweeper re-queued ${handoffs} hand-off webhook(s)`)
  }
  if (requeued || unknown || reconciled.recorded || reconciled.found || reconciled.requeued) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `medusa-plugin-sms-rcs: sweeper re-queued ${requeued} message(s), marked ${unknown} unknown; ` +
          `${reconciled.recorded} answer(s) kept during a database fault recorded; of the unknown, ` +
          `${reconciled.found} found at the provider, ${reconciled.requeued} sent again, ${reconciled.waiting} still waiting`
      )
  }
}

export const config = {
  name: "sms-rcs-sweep-stranded-messages",
  schedule: "* * * * *",
}
