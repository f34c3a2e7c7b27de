import type { MedusaContainer } from "@medusajs/framework/types"
import { renderForRecipient, type AudienceDefinition } from "../../../lib/campaigns"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import type { CampaignRow } from "../../../modules/messaging/campaigns/types"
import { prepareVariants } from "./prepare-variants"

/**
 * `total` people shared by `weights` in whole people that add up to `total`: each gets the floor of its
 * share, and the ones left go to the largest remainders. Rounding each share alone gave 2 recipients
 * 1 + 1 in the test plus 1 for the rest, so an estimate of 3 texts.
 */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (!sum) return weights.map(() => 0)
  const exact = weights.map((w) => (total * w) / sum)
  const whole = exact.map(Math.floor)
  let left = total - whole.reduce((a, b) => a + b, 0)
  for (const i of exact.map((x, i) => i).sort((a, b) => exact[b] - whole[b] - (exact[a] - whole[a]) || a - b)) {
    if (left-- <= 0) break
    whole[i]++
  }
  return whole
}

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
  // with an A/B test the variants share the test group and the rest gets the winner, unknown yet
  const tested = campaign.ab_test ? Math.round((recipients * campaign.ab_test.test_share) / 100) : recipients
  const rest = recipients - tested
  const shares = allocate(tested, variants.map((variant) => campaign.variants.find((v) => v.id === variant.id)!.weight))
  const perVariant = variants.map((variant, i) => {
    const sample = renderForRecipient(variant, { first_name: "Camille", last_name: "Martin", country: options.defaultCountry ?? null }, context)
    return {
      id: variant.id,
      body: sample.body,
      channel: sample.channel,
      encoding: sample.encoding,
      segments: sample.segments,
      cost_per_message: sample.cost?.amount ?? null,
      /** Why the sample text cannot be sent (too long once filled in), or null. */
      problem: sample.problem,
      recipients: shares[i],
    }
  })
  const sum = (f: (v: (typeof perVariant)[number]) => number) => perVariant.reduce((s, v) => s + f(v), 0)
  // the rest is priced at the dearest variant
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
