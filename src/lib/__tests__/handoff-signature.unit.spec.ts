import { createHmac } from "crypto"
import { handoffEventId, maskPhone, signHandoff, verifyHandoff } from "../conversations/handoff-signature"

const secret = "a-secret-of-32-characters-at-least"
const body = JSON.stringify({ type: "conversation.handoff_requested", id: "evt_1", data: { text: "un humain svp" } })
const t = 1_764_000_000

describe("hand-off webhook signature", () => {
  it("signs HMAC-SHA256 of '<t>.<raw body>' in hex, as the docs tell receivers to compute", () => {
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")
    expect(signHandoff(secret, body, t)).toBe(`t=${t},v1=${expected}`)
  })

  it("verifies its own signature within 5 minutes, either side", () => {
    const header = signHandoff(secret, body, t)
    expect(verifyHandoff(secret, body, header, { now: t })).toEqual({ valid: true })
    expect(verifyHandoff(secret, body, header, { now: t + 300 })).toEqual({ valid: true })
    expect(verifyHandoff(secret, body, header, { now: t - 300 })).toEqual({ valid: true })
  })

  it("refuses an old or future signature, a changed body, another secret, a changed time", () => {
    const header = signHandoff(secret, body, t)
    expect(verifyHandoff(secret, body, header, { now: t + 301 })).toEqual({ valid: false, reason: "expired" })
    expect(verifyHandoff(secret, body, header, { now: t - 301 })).toEqual({ valid: false, reason: "expired" })
    expect(verifyHandoff(secret, body.replace("humain", "robot"), header, { now: t })).toEqual({ valid: false, reason: "mismatch" })
    expect(verifyHandoff(`${secret}!`, body, header, { now: t })).toEqual({ valid: false, reason: "mismatch" })
    // the time is signed: moving it to pass the tolerance breaks the signature
    expect(verifyHandoff(secret, body, header.replace(`t=${t}`, `t=${t + 1000}`), { now: t + 1000 })).toEqual({ valid: false, reason: "mismatch" })
  })

  it("refuses malformed headers without throwing", () => {
    for (const header of [undefined, null, "", "v1=abc", `t=${t}`, `t=now,v1=${"0".repeat(64)}`, `t=${t},v1=${"z".repeat(64)}`, `t=${t},v1=${"0".repeat(63)}`, "x".repeat(2000)]) {
      expect(verifyHandoff(secret, body, header, { now: t })).toEqual({ valid: false, reason: "malformed" })
    }
  })

  it("accepts any of several v1 values (a secret being rotated)", () => {
    const old = signHandoff("the-old-secret-0123456789", body, t).split(",")[1]
    const header = `${signHandoff(secret, body, t)},${old}`
    expect(verifyHandoff(secret, body, header, { now: t })).toEqual({ valid: true })
    expect(verifyHandoff("the-old-secret-0123456789", body, header, { now: t })).toEqual({ valid: true })
  })

  it("signs with every secret of a rotation, and verifies with any of the receiver's", () => {
    const header = signHandoff([secret, "the-old-secret-0123456789"], body, t)
    expect(header.split(",").filter((p) => p.startsWith("v1="))).toHaveLength(2)
    expect(verifyHandoff(secret, body, header, { now: t })).toEqual({ valid: true })
    expect(verifyHandoff("the-old-secret-0123456789", body, header, { now: t })).toEqual({ valid: true })
    expect(verifyHandoff("another-secret-0123456789", body, header, { now: t })).toEqual({ valid: false, reason: "mismatch" })
    // the receiver moving first: it accepts the old and the new while the store still signs with the old
    expect(verifyHandoff(["the-new-secret-0123456789", secret], body, signHandoff(secret, body, t), { now: t })).toEqual({ valid: true })
  })
})

describe("hand-off event id", () => {
  it("is stable for one conversation and time, whatever the time's spelling, and differs otherwise", () => {
    const id = handoffEventId("smsconv_1", "2026-12-03T13:00:00.000Z")
    expect(id).toMatch(/^evt_[0-9a-f]{32}$/)
    expect(handoffEventId("smsconv_1", "2026-12-03T14:00:00+01:00")).toBe(id)
    expect(handoffEventId("smsconv_1", "2026-12-03T13:00:01.000Z")).not.toBe(id)
    expect(handoffEventId("smsconv_2", "2026-12-03T13:00:00.000Z")).not.toBe(id)
  })
})

describe("maskPhone", () => {
  it("keeps only the last 4 digits", () => {
    expect(maskPhone("+33612345678")).toBe("•••• 5678")
    expect(maskPhone("+1 415 555 0100")).toBe("•••• 0100")
    expect(maskPhone("123")).toBe("••••")
  })
})
