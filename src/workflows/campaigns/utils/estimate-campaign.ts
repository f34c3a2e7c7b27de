import type { MedusaContainer } from "@medusajs/framework/types"
import { renderForRecipient, type AudienceDefinition } from "../../../lib/campaigns"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { CampaignRow } from "../../../modules/messaging/campaigns/types"
import { prepareVariants } from "./prepare-variants"

/**
 * What a campaign will cost before it is sent: eligible recipients now, each variant's text rendered for
 * a sample recipient (segments, encoding, price in the store's default country) and the totals split by
 * the variants' shares. Names change lengths a little: the figure is an estimate, and says so.
 */
export async function estimateCampaign(container: MedusaContainer, campaign: CampaignRow) {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const options = messaging.getOptions()
  const segment = await messaging.retrieveAudience(campaign.segment_id)
  const recipients = await messaging.campaigns.store.count(segment.definition as AudienceDefinition)
  const { variants, context } = await prepareVariants(container, campaign)
  const totalWeight = campaign.variants.reduce((sum, v) => sum + v.weight, 0)
  const perVariant = variants.map((variant) => {
    const weight = campaign.variants.find((v) => v.id === variant.id)!.weight
    const sample = renderForRecipient(variant, { first_name: "Camille", last_name: "Martin", country: options.defaultCountry ?? null }, context)
    const share = campaign.ab_test ? (campaign.ab_test.test_share / 100) * (weight / totalWeight) : weight / totalWeight
    return {
      id: variant.id,
      body: sample.body,
      channel: sample.channel,
      encoding: sample.encoding,
      segments: sample.segments,
      cost_per_message: sample.cost?.amount ?? null,
      /** Why the sample text cannot be sent (too long once filled in), or null. */
      problem: sample.problem,
      recipients: Math.round(recipients * share),
    }
  })
  const sum = (f: (v: (typeof perVariant)[number]) => number) => perVariant.reduce((s, v) => s + f(v), 0)
  // with an A/B test the rest gets the winner, unknown yet: priced at the dearest variant
  const rest = campaign.ab_test ? Math.round(recipients * (1 - campaign.ab_test.test_share / 100)) : 0
  const dearest = perVariant.reduce((a, b) => ((b.cost_per_message ?? 0) > (a.cost_per_message ?? 0) ? b : a), perVariant[0])
  const priced = perVariant.every((v) => v.cost_per_message !== null)
  return {
    recipients,
    variants: perVariant,
    segments: sum((v) => v.recipients * v.segments) + rest * (dearest?.segments ?? 0),
    cost: priced ? Math.round((sum((v) => v.recipients * v.cost_per_message!) + rest * (dearest?.cost_per_message ?? 0)) * 100) / 100 : null,
    currency: options.pricing?.currency ?? null,
  }
}
