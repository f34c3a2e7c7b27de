import fc from "fast-check"
import { consentAllows, foldConsent, type ConsentEventLike } from "../consent/ledger"

const event = (purpose: "marketing" | "transactional", action: "grant" | "revoke" | "request", minute: number): ConsentEventLike => ({
  purpose,
  action,
  occurred_at: new Date(Date.UTC(2026, 0, 1, 0, minute)),
})

describe("consent ledger", () => {
  it("takes the latest event, whatever order the events are read in", () => {
    expect(foldConsent([event("marketing", "revoke", 5), event("marketing", "grant", 1)])).toEqual({ marketing: "revoked" })
    expect(foldConsent([event("marketing", "grant", 9), event("marketing", "revoke", 5)])).toEqual({ marketing: "granted" })
  })

  it("never lets a double opt-in request (anyone's to make) undo a grant or a revoke", () => {
    expect(foldConsent([event("marketing", "grant", 1), event("marketing", "request", 2)])).toEqual({ marketing: "granted" })
    expect(foldConsent([event("marketing", "revoke", 1), event("marketing", "request", 2)])).toEqual({ marketing: "revoked" })
    expect(foldConsent([event("marketing", "request", 2), event("marketing", "revoke", 1)])).toEqual({ marketing: "revoked" })
    expect(foldConsent([event("marketing", "request", 1)])).toEqual({ marketing: "pending" })
    expect(foldConsent([event("marketing", "request", 1), event("marketing", "grant", 2)])).toEqual({ marketing: "granted" })
  })

  it("gates marketing on a current grant and everything on 'stop all', but lets the STOP confirmation out", () => {
    expect(consentAllows({ purpose: "marketing" }, {})).toMatchObject({ allowed: false, reason: expect.stringMatching(/never opted in/) })
    expect(consentAllows({ purpose: "marketing" }, { marketing: "pending" })).toMatchObject({ allowed: false })
    expect(consentAllows({ purpose: "marketing" }, { marketing: "granted" })).toEqual({ allowed: true })
    expect(consentAllows({ purpose: "transactional" }, { marketing: "revoked" })).toEqual({ allowed: true })
    expect(consentAllows({ purpose: "transactional" }, { transactional: "revoked" })).toMatchObject({ allowed: false })
    expect(consentAllows({ purpose: "marketing" }, { marketing: "granted", transactional: "revoked" })).toMatchObject({ allowed: false })
    expect(consentAllows({ purpose: "transactional", consent_reply: "stop_confirmation" }, { transactional: "revoked" })).toEqual({
      allowed: true,
    })
  })

  it("lets the plugin's own replies through by their server-side flag, never by a template key", () => {
    // a campaign variant an admin keyed "consent_help" is an ordinary marketing text
    const typedKey = { purpose: "marketing", template_key: "consent_help" } as Parameters<typeof consentAllows>[0]
    expect(consentAllows(typedKey, {})).toMatchObject({ allowed: false })
    expect(consentAllows({ purpose: "transactional", consent_reply: "help" }, { transactional: "revoked" })).toEqual({ allowed: true })
    expect(consentAllows({ purpose: "transactional", consent_reply: "clarify" }, { transactional: "revoked" })).toEqual({ allowed: true })
    // the "reply YES" ask and a verification code: to a number that never opted in, not after STOP ALL
    expect(consentAllows({ purpose: "transactional", consent_reply: "double_opt_in" }, { marketing: "revoked" })).toEqual({ allowed: true })
    expect(consentAllows({ purpose: "transactional", consent_reply: "double_opt_in" }, { transactional: "revoked" })).toMatchObject({
      allowed: false,
    })
    expect(consentAllows({ purpose: "transactional", consent_reply: "verification_code" }, { transactional: "revoked" })).toMatchObject({
      allowed: false,
    })
  })

  it("orders events of the same instant by the database's sequence", () => {
    const at = new Date("2026-12-01T10:00:00Z")
    const events: ConsentEventLike[] = [
      { purpose: "marketing", action: "revoke", occurred_at: at, seq: 8 },
      { purpose: "marketing", action: "grant", occurred_at: at, seq: 7 },
    ]
    expect(foldConsent(events)).toEqual({ marketing: "revoked" })
    expect(foldConsent([...events].reverse())).toEqual({ marketing: "revoked" })
  })

  // The property: over any sequence of grants, revokes, requests and sends, a marketing send is allowed
  // only if the latest marketing event before it is a grant and no "stop all" is in force.
  it("never allows a marketing message to a phone whose latest marketing event is not a grant (5,000 cases)", () => {
    const step = fc.oneof(
      fc.record({
        type: fc.constant("event" as const),
        purpose: fc.constantFrom("marketing" as const, "transactional" as const),
        action: fc.constantFrom("grant" as const, "revoke" as const, "request" as const),
      }),
      fc.record({ type: fc.constant("send" as const), purpose: fc.constantFrom("marketing" as const, "transactional" as const) })
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 40 }), (steps, shuffle) => {
        const events: ConsentEventLike[] = []
        steps.forEach((s, minute) => {
          if (s.type === "event") {
            events.push(event(s.purpose, s.action, minute))
            return
          }
          // read the ledger in any order: the fold must not depend on it
          const order = [...events].sort((a, b) => (shuffle[events.indexOf(a)] ?? 0) - (shuffle[events.indexOf(b)] ?? 0))
          const decision = consentAllows({ purpose: s.purpose }, foldConsent(order))
          const lastOf = (purpose: string) =>
            [...events].reverse().find((e) => e.purpose === purpose && !(e.action === "request" && hadGrantBefore(events, e)))
          const lastMarketing = lastOf("marketing")
          const stopAll = lastOf("transactional")?.action === "revoke"
          if (decision.allowed && s.purpose === "marketing") {
            expect(lastMarketing?.action).toBe("grant")
            expect(stopAll).toBe(false)
          }
          if (decision.allowed && s.purpose === "transactional") {
            expect(stopAll).toBe(false)
          }
        })
      }),
      { numRuns: 5_000 }
    )
  })
})

/** A request that came while the purpose was granted leaves the grant in force. */
function hadGrantBefore(events: ConsentEventLike[], request: ConsentEventLike): boolean {
  let status: string | undefined
  for (const e of events) {
    if (e === request) return status === "granted"
    if (e.purpose !== request.purpose) continue
    if (e.action === "request" && status === "granted") continue
    status = e.action === "grant" ? "granted" : e.action === "revoke" ? "revoked" : "pending"
  }
  return false
}
