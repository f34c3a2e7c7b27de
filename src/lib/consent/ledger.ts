import { ANSWERS_TO_OWNER, type ConsentReplyKind } from "./consent-reply"

/**
 * Consent as a fold over its append-only events: the latest event (by when it happened by the database's
 * clock, then by the database's sequence) of the grants and revokes decides; a double opt-in request, which anyone may
 * make for any number, never overrides either — it is "pending" only for a number with no other event. The module keeps the same rule in SQL (the
 * consent row, updated in the event's transaction); this pure version is what the property tests check.
 */
export type ConsentPurpose = "transactional" | "marketing"
export type ConsentStatus = "granted" | "revoked" | "pending"
export type ConsentAction = "grant" | "revoke" | "request"

export type ConsentEventLike = { purpose: ConsentPurpose; action: ConsentAction; occurred_at: Date; seq?: number }
export type ConsentState = Partial<Record<ConsentPurpose, ConsentStatus>>

const STATUS_OF: Record<ConsentAction, ConsentStatus> = { grant: "granted", revoke: "revoked", request: "pending" }

export function foldConsent(events: readonly ConsentEventLike[]): ConsentState {
  const latest: Partial<Record<ConsentPurpose, { status: ConsentStatus; at: number; seq: number }>> = {}
  for (const event of events) {
    const at = event.occurred_at.getTime()
    const seq = event.seq ?? 0
    const current = latest[event.purpose]
    if (event.action === "request" && current) continue
    const overridesPending = current?.status === "pending"
    if (current && !overridesPending && (current.at > at || (current.at === at && current.seq > seq))) continue
    latest[event.purpose] = { status: STATUS_OF[event.action], at, seq }
  }
  return Object.fromEntries(Object.entries(latest).map(([purpose, v]) => [purpose, v!.status])) as ConsentState
}

/**
 * May this message go to this phone now? Marketing needs a current grant (and no "stop all");
 * transactional needs no "stop all". The plugin's own answers to the owner's texts always go (the one
 * confirmation after STOP); its double opt-in ask and verification codes go unless the number stopped
 * everything. Which message is such a reply is the row's `consent_reply`, written by the plugin itself —
 * never its template key, which an admin can type into a campaign.
 */
export function consentAllows(
  message: { purpose: ConsentPurpose; consent_reply?: ConsentReplyKind | null },
  state: ConsentState
): { allowed: true } | { allowed: false; reason: string } {
  if (message.consent_reply && ANSWERS_TO_OWNER.has(message.consent_reply)) {
    return { allowed: true }
  }
  if (message.consent_reply && state.transactional !== "revoked") {
    // the ask, the code and a requested alert need no marketing opt-in: the shopper asked for this one text
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
