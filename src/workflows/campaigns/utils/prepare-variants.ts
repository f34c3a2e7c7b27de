import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { type PreparedVariant, type RenderContext } from "../../../lib/campaigns"
import type { RcsPayload } from "../../../lib/rcs/payload"
import { defaultRcsTemplate, defaultSmsTemplate, formatVariables } from "../../../lib/templates"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { CampaignVariant } from "../../../modules/messaging/campaigns/types"
import { commonVariables, fallbackLocale } from "../../utils/store-facts"

/**
 * The texts of a campaign's variants, resolved once per run: a variant written in the campaign, or the
 * store's template for its key and the campaign's language (else the one shipped).
 */
export async function prepareVariants(
  container: MedusaContainer,
  campaign: { id: string; locale: string | null; variants: CampaignVariant[] }
): Promise<{ variants: PreparedVariant[]; context: RenderContext }> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const options = messaging.getOptions()
  const locale = campaign.locale || (await fallbackLocale(container, options.defaultLocale))
  const language = locale.toLowerCase().split(/[-_]/)[0]
  const settings = messaging.composeSettings()
  const context: RenderContext = {
    campaign_id: campaign.id,
    locale,
    common: formatVariables(await commonVariables(container, options), locale),
    optOutText: settings.optOutText,
    smartEncoding: settings.smartEncoding,
    trackingBaseUrl: settings.trackingBaseUrl,
    trackableHosts: settings.trackableHosts,
    maxVariableLength: settings.maxVariableLength,
    rcsChannel: settings.rcs.available,
    pricing: settings.pricing,
  }
  const variants: PreparedVariant[] = []
  for (const variant of campaign.variants) {
    let sms = variant.sms_body ?? null
    let rcs = (variant.rcs_payload as RcsPayload | null | undefined) ?? null
    if (!sms && variant.template_key) {
      const stored = await messaging.listTemplates({ key: variant.template_key, locale: [locale, language], enabled: true }, { take: 2 })
      const own = stored.find((t) => t.locale === locale) ?? stored[0]
      sms = own?.sms_body ?? defaultSmsTemplate(variant.template_key, locale) ?? null
      rcs = own ? ((own.rcs_payload as RcsPayload | null) ?? null) : defaultRcsTemplate(variant.template_key, locale) ?? null
    }
    if (!sms) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variant "${variant.id}" of campaign ${campaign.id} has no text`)
    }
    variants.push({
      id: variant.id,
      template_key: variant.template_key ?? "campaign",
      sms_body: sms,
      rcs_payload: rcs,
    })
  }
  return { variants, context }
}
