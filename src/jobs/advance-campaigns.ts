import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { advanceCampaignsWorkflow } from "../workflows/campaigns"

/**
 * Every minute: starts due campaigns, fans out their next pages (within their pace, 45 s of work at
 * most per run), picks A/B winners whose time has come and marks finished campaigns as sent.
 */
export default async function advanceCampaignsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { result } = await advanceCampaignsWorkflow(container).run({ input: { budgetMs: 45_000 } })
    if (result.started.length || result.planned || result.finished.length) {
      logger.info(
        `medusa-plugin-sms-rcs: campaigns: ${result.started.length} started, ${result.planned} message(s) planned, ${result.finished.length} sent`
      )
    }
  } catch (error) {
    logger.error(`medusa-plugin-sms-rcs: campaign job failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "sms-rcs-advance-campaigns",
  schedule: "* * * * *",
}
