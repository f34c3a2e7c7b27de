import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../modules/messaging"

/**
 * Every minute: RCS messages not delivered by their deadline (`rcs.ttlSeconds`) are revoked at the
 * provider and replaced by their SMS. RBM also revokes at the TTL by itself and says so on the webhook
 * (TTL_EXPIRATION_REVOKED); this job is the safety net when that event is late or lost.
 */
export default async function fallBackExpiredRcs(container: MedusaContainer) {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const { revoked, delivered } = await messaging.fallBackExpiredRcs()
  if (revoked || delivered) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`medusa-plugin-sms-rcs: ${revoked} expired RCS message(s) revoked and sent as SMS; ${delivered} found delivered`)
  }
}

export const config = {
  name: "sms-rcs-fall-back-expired-rcs",
  schedule: "* * * * *",
}
