/**
 * Consent as a fold over its append-only events: the latest event (by when it happened) decides; a
 * pending double opt-in request never overrides a grant. The module keeps the same rule in SQL (the
 * consent row, updated in the event's transaction); this pure version is what the property tests check.
 */
export type ConsentPurpose = "transactional" | "marketing"
export type ConsentStatus = "granted" | "revoked" | "pending"
export type ConsentAction = "grant" | "revoke" | "request"

export type ConsentEventLike = { purpose: ConsentPurpose; action: ConsentAction; occurred_at: Date }
export type ConsentState = Partial<Record<ConsentPurpose, ConsentStatus>>

const STATUS_OF: Record<ConsentAction, ConsentStatus> = { grant: "granted", revoke: "revoked", request: "pending" }

export function foldConsent(events: readonly ConsentEventLike[]): ConsentState {
  const latest: Partial<Record<ConsentPurpose, { status: ConsentStatus; at: number }>> = {}
  for (const event of events) {
    const at = event.occurred_at.getTime()
    const current = latest[event.purpose]
    if (current && current.at > at) continue
    if (event.action === "request" && current?.status === "granted") continue
    latest[event.purpose] = { status: STATUS_OF[event.action], at }
  }
  return Object.fromEntries(Object.entries(latest).map(([purpose, v]) => [purpose, v!.status])) as ConsentState
}

/** Template keys of the replies the consent rules themselves require (the one confirmation after STOP, HELP). */
export const CONSENT_REPLY_TEMPLATES: ReadonlySet<string> = new Set([
  "consent_stop_confirmation",
  "consent_help",
  "consent_start_confirmation",
  // asking for consent is not marketing: it carries no offer, and goes even to a phone that never opted in
  "consent_double_opt_in",
])

/**
 * May this message go to this phone now? Marketing needs a current grant (and no "stop all");
 * transactional needs no "stop all". The replies the rules require always go.
 */
export function consentAllows(
  message: { purpose: ConsentPurpose; template_key?: string | null },
  state: ConsentState
): { allowed: true } | { allowed: false; reason: string } {
  if (message.template_key && CONSENT_REPLY_TEMPLATES.has(message.template_key)) {
    return { allowed: true }
  }
  if (state.transactional === "revoked") {
    return { allowed: false, reason: "opted_out: the recipient stopped all messages" }
  }
  if (message.purpose === "marketing" && state.marketing !== "granted") {
    return {
      allowed: false,
      reason:
        state.marketing === "revoked"
          ? "no_marketing_consent: the recipient opted out of marketing"
          : state.marketing === "pending"
            ? "no_marketing_consent: double opt-in not confirmed yet"
            : "no_marketing_consent: the recipient never opted in",
    }
  }
  return { allowed: true }
}
