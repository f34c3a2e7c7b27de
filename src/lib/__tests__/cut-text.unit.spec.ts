import { cutText } from "../conversations/text"

/** No lone half of a surrogate pair (String.prototype.isWellFormed is ES2024). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)

describe("cutText", () => {
  it("keeps a short text as it is", () => {
    expect(cutText("hello", 10)).toBe("hello")
    expect(cutText("hello", 5)).toBe("hello")
  })

  it("cuts at the limit, never between an emoji's two halves", () => {
    expect(cutText("abcdef", 3)).toBe("abc")
    expect(cutText("a😀b", 2)).toBe("a")
    expect(cutText("a😀b", 3)).toBe("a😀")
    expect(wellFormed(cutText("😀".repeat(10), 7))).toBe(true)
  })
})
