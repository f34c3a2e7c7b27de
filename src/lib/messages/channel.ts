/** What the gateways in use allow: an RCS gateway at all, and whether every message with an RCS variant tries it. */
export type RcsRouting = { available: boolean; automatic: boolean }

/**
 * The channel a message is planned on, decided once, when it is composed: RCS when it has an RCS variant
 * and an RCS gateway is there, and either RCS is on for every message (`rcs.provider`) or the caller asks
 * for it; SMS otherwise, or when the caller asks for SMS. The phone's capability is a second, different
 * question, asked at send time (dispatch), where a planned RCS message may still go as SMS.
 */
export function plannedChannel(asked: "sms" | "rcs" | null | undefined, hasRcsVariant: boolean, routing: RcsRouting): "sms" | "rcs" {
  if (asked === "sms" || !hasRcsVariant || !routing.available) return "sms"
  return asked === "rcs" || routing.automatic ? "rcs" : "sms"
}
