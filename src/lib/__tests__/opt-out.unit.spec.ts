import { DEFAULT_OPT_OUT_TEXT } from "../options"
import { withOptOutMention } from "../consent/opt-out"
import { countSegments } from "../sms-encoding"

describe("opt-out mention", () => {
  it("appends the locale's mention when the text has none", () => {
    expect(withOptOutMention("-20% this weekend!", "-20% this weekend!", "en-US", DEFAULT_OPT_OUT_TEXT)).toBe("-20% this weekend!\nReply STOP to opt out")
    expect(withOptOutMention("-20 % ce week-end !", "-20 % ce week-end !", "fr", DEFAULT_OPT_OUT_TEXT)).toBe("-20 % ce week-end !\nSTOP SMS : répondez STOP")
    expect(withOptOutMention("Sale!", "Sale!", "de", DEFAULT_OPT_OUT_TEXT)).toBe("Sale!\nReply STOP to opt out")
  })

  it("leaves a text that already says STOP alone", () => {
    expect(withOptOutMention("Sale! Text stop to end", "Sale! Text stop to end", "en", DEFAULT_OPT_OUT_TEXT)).toBe("Sale! Text stop to end")
  })

  it("looks at the text as the store wrote it: a shopper named Stop does not remove the mention", () => {
    expect(withOptOutMention("Hi Stop, -20% this weekend!", "Hi {{first_name}}, -20% this weekend!", "en", DEFAULT_OPT_OUT_TEXT)).toBe(
      "Hi Stop, -20% this weekend!\nReply STOP to opt out"
    )
  })

  it("is counted: a 150-character offer plus the mention is two segments", () => {
    const offer = "a".repeat(150)
    expect(countSegments(offer).segments).toBe(1)
    expect(countSegments(withOptOutMention(offer, offer, "en", DEFAULT_OPT_OUT_TEXT)).segments).toBe(2)
  })
})
