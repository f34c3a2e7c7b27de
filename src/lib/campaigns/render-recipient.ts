import { composeMessage, type ComposedMessage } from "../messages/compose"
import type { RcsPayload } from "../rcs/payload"
import type { Pricing } from "../sms-encoding/cost"
import { CAMPAIGN_VARIABLE_ALIASES, CAMPAIGN_VARIABLES } from "../templates/catalog"
import { templateVariables } from "../templates/render"

/** A variant's texts, ready to be filled in per recipient (its template resolved once per campaign). */
export type PreparedVariant = {
  id: string
  template_key: string
  sms_body: string
  rcs_payload: RcsPayload | null
}

export type RenderContext = {
  campaign_id: string
  locale: string
  /** Variables every text may use (store name, storefront URL, help contact …). */
  common: Record<string, unknown>
  optOutText: Record<string, string>
  smartEncoding: boolean
  trackingBaseUrl: string | null
  /** Hosts links may be tracked to (see lib/tracking/link-hosts): the storefront's, the configured ones. */
  trackableHosts: readonly string[]
  /** `templates.maxVariableLength`. */
  maxVariableLength?: number
  /** Whether an RCS provider is there: the RCS variant is used only then (capability checked at send time, its text as fallback). */
  rcsChannel: boolean
  pricing?: Pricing
}

export type RenderedRecipient = ComposedMessage

/**
 * The variables of one recipient, named as templates name them (lib/templates/catalog.ts,
 * `CAMPAIGN_VARIABLES`), plus the older campaign names (`CAMPAIGN_VARIABLE_ALIASES`) so a campaign saved
 * with `{{first_name}}` still reads the same.
 */
export function recipientVariables(
  recipient: { first_name: string | null; last_name: string | null },
  common: Record<string, unknown>
): Record<string, unknown> {
  const own: Record<string, unknown> = {
    customer_first_name: recipient.first_name ?? "",
    customer_last_name: recipient.last_name ?? "",
    customer_name: [recipient.first_name, recipient.last_name].filter(Boolean).join(" "),
  }
  const aliases = Object.fromEntries(Object.entries(CAMPAIGN_VARIABLE_ALIASES).map(([old, name]) => [old, own[name]]))
  return { ...common, ...aliases, ...own }
}

/** The names a campaign text uses that are neither in the campaign vocabulary nor an old alias. */
export function unknownCampaignVariables(text: string): string[] {
  const known = new Set<string>([...CAMPAIGN_VARIABLES, ...Object.keys(CAMPAIGN_VARIABLE_ALIASES)])
  return templateVariables(text).filter((name) => !known.has(name.split(".")[0]))
}

/** One recipient's text, composed as every message is (lib/messages/compose.ts), tagged with the campaign. */
export function renderForRecipient(
  variant: PreparedVariant,
  recipient: { first_name: string | null; last_name: string | null; country: string | null },
  context: RenderContext
): RenderedRecipient {
  const label = `variant "${variant.id}", filled in for this recipient,`
  return composeMessage(
    {
      text: variant.sms_body,
      rcs: context.rcsChannel ? variant.rcs_payload : null,
      variables: recipientVariables(recipient, context.common),
      purpose: "marketing",
      locale: context.locale,
      country: recipient.country,
      // a variant with an RCS card asks for RCS; the phone's capability decides at send time
      channel: variant.rcs_payload ? "rcs" : "sms",
      utm: { medium: "campaign", campaign: context.campaign_id },
      label: { filledIn: label, withLinks: label },
    },
    {
      smartEncoding: context.smartEncoding,
      optOutText: context.optOutText,
      maxVariableLength: context.maxVariableLength,
      trackingBaseUrl: context.trackingBaseUrl,
      trackableHosts: context.trackableHosts,
      rcs: { available: context.rcsChannel, automatic: false },
      pricing: context.pricing,
    }
  )
}
