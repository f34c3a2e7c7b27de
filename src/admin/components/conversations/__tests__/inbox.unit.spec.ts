import { linkKeyword } from "../../../lib/sms-link"
import { faqProblems, lines } from "../../faq/faq-problems"
import { filtersOf, isInboxView } from "../inbox-views"

describe("the inbox's views", () => {
  it("each view is one filter of the list API, the search on top", () => {
    expect(filtersOf("all", "")).toEqual({ q: undefined })
    expect(filtersOf("waiting", "0612")).toEqual({ q: "0612", status: "waiting" })
    expect(filtersOf("closed", "")).toEqual({ q: undefined, status: "closed" })
    expect(filtersOf("mine", "")).toEqual({ q: undefined, mine: true })
    expect(filtersOf("unread", "Camille")).toEqual({ q: "Camille", unread: true })
  })

  it("an address with an unknown view shows them all", () => {
    expect(isInboxView("waiting")).toBe(true)
    expect(isInboxView("spam")).toBe(false)
    expect(isInboxView(null)).toBe(false)
    expect(isInboxView("constructor")).toBe(false)
  })
})

describe("the text an sms: link writes", () => {
  it("reads the body, decoded", () => {
    expect(linkKeyword("sms:+33612345678?body=JOIN")).toBe("JOIN")
    expect(linkKeyword("sms:+33612345678?body=OUI%20MERCI&foo=1")).toBe("OUI MERCI")
    expect(linkKeyword("sms:+33612345678?body=caf%C3%A9")).toBe("café")
  })

  it("gives null for a link without a body or a broken one", () => {
    expect(linkKeyword("sms:+33612345678")).toBeNull()
    expect(linkKeyword("sms:+33612345678?body=")).toBeNull()
    expect(linkKeyword("sms:+33612345678?body=%E0%A4%A")).toBeNull()
  })
})

describe("an automatic answer's draft", () => {
  const draft = { locale: "en", keywords: ["parking"], postbacks: [], answer: "Behind the shop." }

  it("takes one keyword or phrase a line, blank lines and repeats dropped", () => {
    expect(lines(" parking \n\ncar park\nparking\n")).toEqual(["parking", "car park"])
  })

  it("needs a keyword and an answer, within the API's limits", () => {
    expect(faqProblems(draft)).toEqual([])
    expect(faqProblems({ ...draft, keywords: [], answer: " " })).toEqual(["keywords", "answer"])
    expect(faqProblems({ ...draft, keywords: Array.from({ length: 21 }, (_, i) => `k${i}`) })).toEqual(["tooManyKeywords"])
    expect(faqProblems({ ...draft, keywords: ["x".repeat(41)] })).toEqual(["keywordTooLong"])
    // 40 emoji are 40 characters, not 80
    expect(faqProblems({ ...draft, keywords: ["📦".repeat(40)] })).toEqual([])
    expect(faqProblems({ ...draft, answer: "a".repeat(1601) })).toEqual(["answerTooLong"])
  })
})
