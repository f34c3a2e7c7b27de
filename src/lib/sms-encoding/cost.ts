export type Pricing = {
  currency: string
  sms: Record<string, number>
  rcs: Record<string, number>
  /** Per MMS (a text with an image), whatever its length. */
  mms?: Record<string, number>
}

/**
 * What a message will cost: SMS by the segment, RCS and MMS by the message, at the country's price or the
 * "default" one. Undefined when no price applies (the cost is then unknown, not zero).
 */
export function estimateCost(
  pricing: Pricing | undefined,
  { channel, country, segments }: { channel: "sms" | "rcs" | "mms"; country?: string | null; segments: number }
): { amount: number; currency_code: string } | undefined {
  if (!pricing) return undefined
  const table = pricing[channel] ?? {}
  const price = (country ? table[country] : undefined) ?? table.default
  if (price === undefined) return undefined
  const units = channel === "sms" ? segments : 1
  return { amount: Math.round(price * units * 1e6) / 1e6, currency_code: pricing.currency }
}
