import {
  marketingRules,
  nextAllowedTime,
  ruleFor,
  type MarketingRule,
  type QuietHoursOverrides,
} from "../../../lib/sending-rules"
import { consentAllows, type ConsentState } from "../../../lib/consent"
import type { ClaimedMessage } from "../messages/message-states"

export type GuardDecision =
  | { action: "send" }
  | { action: "defer"; until: Date; reason: string }
  | { action: "skip"; reason: string }
  | { action: "suppress"; reason: string }

export type SendingGuardsOptions = {
  quietHours?: QuietHoursOverrides
  frequencyCap?: { max: number; hours: number }
  defaultTimeZone: string
}

/**
 * Consent, quiet hours and frequency caps, checked when a worker holds a message, just before it is
 * sent (not when it was queued: consent may have changed since). A message the recipient did not agree
 * to is suppressed; transactional messages skip the hours and caps; a marketing message in quiet hours
 * is deferred to the next allowed minute (never dropped), and one over a cap is skipped with the reason.
 */
export class SendingGuards {
  private readonly rules: Record<string, MarketingRule>

  constructor(
    private readonly options: SendingGuardsOptions,
    /** Skips the message if a cap is reached (and says why), atomically per phone; null: it may go. */
    private readonly skipIfOverCap: (message: ClaimedMessage, caps: { max: number; hours: number; label: string }[]) => Promise<string | null>,
    private readonly consentOf: (phone: string) => Promise<ConsentState>
  ) {
    this.rules = marketingRules(options.quietHours)
  }

  async decide(message: ClaimedMessage, now: Date = new Date()): Promise<GuardDecision> {
    const consent = await this.consent(message)
    return consent.action === "send" ? this.hoursAndCaps(message, now) : consent
  }

  /**
   * Consent alone, read fresh. The worker asks it last, right before the provider call, so a STOP that
   * arrives while the message waits for its rate-limit slot or an RCS capability check still stops it.
   */
  async consent(message: ClaimedMessage): Promise<GuardDecision> {
    const consent = consentAllows(message, await this.consentOf(message.to))
    return consent.allowed ? { action: "send" } : { action: "suppress", reason: consent.reason }
  }

  /** Quiet hours and frequency caps (marketing only). */
  async hoursAndCaps(message: ClaimedMessage, now: Date = new Date()): Promise<GuardDecision> {
    if (message.purpose !== "marketing") {
      return { action: "send" }
    }
    const region = message.rule_region ?? "default"
    const rule = ruleFor(message.rule_region, this.rules)
    const zones = message.time_zones?.length ? message.time_zones : [this.options.defaultTimeZone]

    const allowedAt = nextAllowedTime(now, rule.window, zones)
    if (allowedAt.getTime() > now.getTime()) {
      return {
        action: "defer",
        until: allowedAt,
        reason: `quiet_hours: ${region} allows ${rule.window.start}–${rule.window.end} in ${zones.join(", ")}`,
      }
    }

    const caps = [
      ...(rule.maxPer24h ? [{ max: rule.maxPer24h, hours: 24, label: `${region} limit` }] : []),
      ...(this.options.frequencyCap ? [{ ...this.options.frequencyCap, label: "store limit" }] : []),
    ]
    const skipped = caps.length ? await this.skipIfOverCap(message, caps) : null
    return skipped ? { action: "skip", reason: skipped } : { action: "send" }
  }
}
