import { allowedSourcesOf, canTransition, isFinal, MESSAGE_STATUSES, MessageStatus as S } from "../message-status"

describe("message status machine", () => {
  it("follows the happy path", () => {
    expect(canTransition(S.QUEUED, S.SENDING)).toBe(true)
    expect(canTransition(S.SENDING, S.SENT)).toBe(true)
    expect(canTransition(S.SENT, S.DELIVERED)).toBe(true)
    expect(canTransition(S.DELIVERED, S.READ)).toBe(true)
  })

  it("accepts a delivery report that overtakes the send result", () => {
    expect(canTransition(S.SENDING, S.DELIVERED)).toBe(true)
  })

  it("never moves backwards or out of a final status", () => {
    expect(canTransition(S.DELIVERED, S.SENT)).toBe(false)
    expect(canTransition(S.READ, S.DELIVERED)).toBe(false)
    expect(canTransition(S.FAILED, S.DELIVERED)).toBe(false)
    expect(canTransition(S.SKIPPED, S.QUEUED)).toBe(false)
    for (const status of [S.READ, S.FAILED, S.SKIPPED, S.SUPPRESSED, S.EXPIRED, S.HELD_OUT]) {
      expect(isFinal(status)).toBe(true)
      for (const to of MESSAGE_STATUSES) expect(canTransition(status, to)).toBe(false)
    }
  })

  it("never re-sends: nothing goes from sent, delivered or read back to queued or sending", () => {
    for (const from of [S.SENT, S.DELIVERED, S.READ]) {
      expect(canTransition(from, S.QUEUED)).toBe(false)
      expect(canTransition(from, S.SENDING)).toBe(false)
    }
    // unknown goes back to queued only through reconciliation, never straight to sending
    expect(canTransition(S.UNKNOWN, S.SENDING)).toBe(false)
    expect(canTransition(S.UNKNOWN, S.QUEUED)).toBe(true)
  })

  it("never sends a held-out message: nothing leads into held_out or out of it (it is written so, once)", () => {
    expect(allowedSourcesOf(S.HELD_OUT)).toEqual([])
    expect(canTransition(S.HELD_OUT, S.QUEUED)).toBe(false)
    expect(canTransition(S.HELD_OUT, S.SENDING)).toBe(false)
  })

  it("lists where a status can be reached from", () => {
    expect(allowedSourcesOf(S.SENT).sort()).toEqual([S.SENDING, S.UNKNOWN].sort())
    expect(allowedSourcesOf(S.SENDING).sort()).toEqual([S.QUEUED, S.DEFERRED].sort())
    expect(allowedSourcesOf(S.DEFERRED).sort()).toEqual([S.QUEUED, S.SENDING].sort())
  })
})
