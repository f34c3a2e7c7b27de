import { HANDOFF_FEED_TITLE, postHandoffToFeed } from "../handoff-feed"

/** No lone half of a surrogate pair (String.prototype.isWellFormed is ES2024). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)

const input = { conversation_id: "smsconv_1", phone: "+33612340018", body: "Je voudrais parler à un conseiller" }

function logger() {
  return { warn: jest.fn(), info: jest.fn(), error: jest.fn() } as any
}

describe("postHandoffToFeed", () => {
  it("posts Medusa's admin feed format with the phone masked to its last 4 digits, keyed by the event", async () => {
    const createNotifications = jest.fn().mockResolvedValue([])
    const log = logger()
    const result = await postHandoffToFeed({ resolve: (() => ({ createNotifications })) as any }, input, "evt_1", log)
    expect(result).toBe("created")
    const [sent] = createNotifications.mock.calls[0]
    expect(sent).toMatchObject({
      to: "",
      channel: "feed",
      template: "admin-ui",
      idempotency_key: "sms-rcs-handoff:evt_1",
      resource_id: "smsconv_1",
      data: { title: HANDOFF_FEED_TITLE },
    })
    expect(sent.data.description).toContain("•••• 0018")
    expect(sent.data.description).toContain("Je voudrais parler à un conseiller")
    expect(JSON.stringify(sent)).not.toContain("612340018")
    expect(log.warn).not.toHaveBeenCalled()
  })

  it("cuts a long text", async () => {
    const createNotifications = jest.fn().mockResolvedValue([])
    await postHandoffToFeed({ resolve: (() => ({ createNotifications })) as any }, { ...input, body: "x".repeat(1000) }, "evt_1", logger())
    expect(createNotifications.mock.calls[0][0].data.description.length).toBeLessThan(300)
  })

  it("never cuts an emoji in half (a lone surrogate is refused by the notification's jsonb column)", async () => {
    const createNotifications = jest.fn().mockResolvedValue([])
    // 14 characters, then emoji: the cut at 139 falls between the two halves of the 63rd
    const body = "I want a human" + "😀".repeat(70)
    await postHandoffToFeed({ resolve: (() => ({ createNotifications })) as any }, { ...input, body }, "evt_1", logger())
    const { description } = createNotifications.mock.calls[0][0].data
    expect(wellFormed(description)).toBe(true)
    expect(description).toContain("😀…")
  })

  it("only warns when the Notification Module has no feed provider", async () => {
    const createNotifications = jest.fn().mockRejectedValue(new Error("Could not find a notification provider for channel: feed"))
    const log = logger()
    expect(await postHandoffToFeed({ resolve: (() => ({ createNotifications })) as any }, input, "evt_1", log)).toBe("skipped")
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining("feed"))
  })

  it("only warns when there is no Notification Module", async () => {
    const log = logger()
    expect(await postHandoffToFeed({ resolve: (() => undefined) as any }, input, "evt_1", log)).toBe("skipped")
    expect(log.warn).toHaveBeenCalledTimes(1)
  })
})
