import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { estimateCost } from "../../../lib/sms-encoding"
import type { PluginOptions } from "../../../providers"
import type { MessagingProvider } from "../../../providers/types"

const MESSAGES = "sms_rcs_message"

export type Capability = { rcs_capable: boolean; features: string[]; cached: boolean }

/** An RCS message past its deadline, for the expiry job. */
export type ExpiredRcs = { id: string; to: string; channel: "rcs"; body: string; provider: string | null }

/**
 * The RCS side of dispatch: which phones can receive RCS (asked once, then kept in
 * `sms_rcs_phone_capability` until it expires), turning a message to SMS when its phone cannot, and the
 * RCS messages past their deadline. The SMS that replaces one is written by messages/message-writer.ts.
 */
export class RcsChannel {
  constructor(
    private readonly knex: Knex,
    private readonly options: PluginOptions,
    readonly provider: MessagingProvider | null
  ) {}

  /**
   * Whether the phone takes RCS: the cached answer while fresh, else the provider's (stored for every
   * process). A provider that checks by itself on each send (no `capabilities`) is always tried.
   */
  async capability(phone: string): Promise<Capability> {
    const provider = this.provider!
    if (!provider.capabilities) {
      return { rcs_capable: true, features: [], cached: false }
    }
    const row = await this.knex("sms_rcs_phone_capability")
      .where({ phone, provider: provider.identifier })
      .whereNull("deleted_at")
      .where("expires_at", ">", new Date())
      .first("rcs_capable", "features")
    if (row) {
      return { rcs_capable: row.rcs_capable, features: row.features ?? [], cached: true }
    }
    const answer = await provider.capabilities(phone)
    const hours = answer.rcs_capable
      ? this.options.rcs.capabilityCacheHours.capable
      : this.options.rcs.capabilityCacheHours.notCapable
    await this.remember(phone, provider.identifier, answer.rcs_capable, answer.features, hours)
    return { ...answer, cached: false }
  }

  /** Stores a capability answer (also when a send tells us the phone is not reachable by RCS). */
  async remember(phone: string, provider: string, capable: boolean, features: string[], hours: number): Promise<void> {
    await this.knex.raw(
      `INSERT INTO sms_rcs_phone_capability (id, phone, provider, rcs_capable, features, checked_at, expires_at)
       VALUES (?, ?, ?, ?, ?, now(), now() + (? * interval '1 hour'))
       ON CONFLICT (phone, provider) WHERE deleted_at IS NULL
       DO UPDATE SET rcs_capable = excluded.rcs_capable, features = excluded.features,
                     checked_at = excluded.checked_at, expires_at = excluded.expires_at, updated_at = now()`,
      [generateEntityId(undefined, "smscap"), phone, provider, capable, features, hours]
    )
  }

  /** A claimed RCS message whose phone cannot take RCS becomes an SMS (same row: nothing was sent yet). */
  async switchToSms(id: string): Promise<void> {
    const [row] = await this.knex(MESSAGES).where({ id }).select("country_code", "segments")
    const cost = estimateCost(this.options.pricing, { channel: "sms", country: row?.country_code, segments: row?.segments ?? 0 })
    await this.knex(MESSAGES)
      .where({ id, channel: "rcs" })
      .update({
        channel: "sms",
        cost_amount: cost?.amount ?? null,
        cost_currency_code: cost?.currency_code ?? null,
        updated_at: new Date(),
      })
  }

  /** When an RCS message sent now must be delivered by (its TTL). */
  deadline(): Date {
    return new Date(Date.now() + this.options.rcs.ttlSeconds * 1000)
  }

  /** RCS messages sent but neither delivered nor read by their deadline (plus a grace for late events). */
  async pastDeadline(graceMs: number, limit: number, providers: string[]): Promise<ExpiredRcs[]> {
    if (!providers.length) return []
    return this.knex(MESSAGES)
      .whereIn("provider", providers)
      .whereNull("deleted_at")
      .where({ channel: "rcs" })
      .whereIn("status", ["sent", "unknown"])
      .where("expires_at", "<=", new Date(Date.now() - graceMs))
      .orderBy("expires_at")
      .limit(limit)
      .select("id", "to", "channel", "body", "provider")
  }
}
