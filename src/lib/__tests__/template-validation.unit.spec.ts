import { RCS_LIMITS } from "../rcs/payload"
import { findNonGsmCharacters } from "../sms-encoding"
import { ORDER_VARIABLES, renderRcsPayload, validateTemplate } from "../templates"

const card = (over: Record<string, unknown> = {}) => ({ title: "Hello {{customer_first_name}}", ...over })

describe("validateTemplate", () => {
  it("accepts a good template with an RCS card", () => {
    const result = validateTemplate(
      {
        sms_body: "{{store_name}}: hi {{customer_first_name}} {{#items}}{{title}} x{{quantity}} {{/items}}",
        rcs_payload: {
          type: "card",
          card: card({ suggestions: [{ type: "open_url", text: "Open", url: "{{{storefront_url}}}" }] }),
        },
      },
      ORDER_VARIABLES
    )
    expect(result.problems).toEqual([])
    expect(result.rcs).toMatchObject({ type: "card", card: { title: "Hello {{customer_first_name}}" } })
  })

  it("reports every problem at once, each with its path", () => {
    const { problems } = validateTemplate(
      {
        sms_body: "Hi {{nope}}",
        rcs_payload: {
          type: "carousel",
          cards: Array.from({ length: 11 }, () => card({ description: "{{#x}}" })),
          suggestions: [{ type: "dial", text: "Call", phone: "0612" }],
        },
      },
      ORDER_VARIABLES
    )
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["sms_body", "rcs_payload.cards", "rcs_payload.suggestions.0.phone"])
    )
    expect(problems.find((p) => p.path === "rcs_payload.cards")?.message).toBe("a carousel holds at most 10 cards")
  })

  it("checks the variables and syntax inside a valid RCS payload", () => {
    const { problems } = validateTemplate(
      { sms_body: "ok", rcs_payload: { type: "card", card: card({ description: "{{#x}}" }), suggestions: [{ type: "reply", text: "{{bad}}", postback_data: "p" }] } },
      ORDER_VARIABLES
    )
    expect(problems).toEqual([
      {
        path: "rcs_payload.card.description",
        message: expect.stringMatching(/^syntax error: Unclosed section "x"/),
        at: { code: "unclosed_section", name: "x", start: 0, end: 6, line: 1, column: 1 },
      },
      { path: "rcs_payload.suggestions.0.text", message: expect.stringMatching(/^unknown variable "bad"/) },
    ])
  })

  it("requires the SMS text, which is also the RCS fallback", () => {
    expect(validateTemplate({ sms_body: "", rcs_payload: { type: "card", card: card() } }, []).problems[0].path).toBe("sms_body")
    expect(validateTemplate({}, []).problems[0].path).toBe("sms_body")
  })

  it("holds RCS to RBM's limits", () => {
    const long = (n: number) => "x".repeat(n)
    const { problems } = validateTemplate(
      {
        sms_body: "ok",
        rcs_payload: {
          type: "card",
          card: {
            title: long(RCS_LIMITS.titleLength + 1),
            description: long(RCS_LIMITS.descriptionLength + 1),
            suggestions: Array.from({ length: 5 }, () => ({ type: "reply", text: "ok", postback_data: "p" })),
          },
        },
      },
      []
    )
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        "the card's title is longer than 200 characters",
        "the card's description is longer than 2000 characters",
        "a card holds at most 4 suggestions",
      ])
    )
  })

  it("refuses an unknown field or kind instead of dropping it", () => {
    const { problems } = validateTemplate({ sms_body: "ok", rcs_payload: { type: "card", card: card(), colour: "red" } }, [])
    expect(problems).toEqual([{ path: "rcs_payload", message: 'unknown field "colour"' }])
    expect(validateTemplate({ sms_body: "ok", rcs_payload: { type: "video" } }, []).problems[0].path).toBe("rcs_payload.type")
  })

  it("lets `event.*` through only when the template may use the event's data", () => {
    expect(validateTemplate({ sms_body: "{{event.return_id}}" }, ["event"]).problems).toEqual([])
    expect(validateTemplate({ sms_body: "{{event.return_id}}" }, []).problems).toHaveLength(1)
  })
})

describe("renderRcsPayload", () => {
  it("fills every text of the payload", () => {
    const rendered = renderRcsPayload(
      {
        type: "card",
        card: { title: "Hi {{n}}", media: { url: "{{{img}}}", height: "medium" }, suggestions: [{ type: "open_url", text: "Go", url: "{{{u}}}" }] },
      },
      { n: "Léa", img: "https://cdn.example.com/a.png?x=1&y=2", u: "https://shop.example.com/?a=1&b=2" }
    )
    expect(rendered).toEqual({
      type: "card",
      card: {
        title: "Hi Léa",
        media: { url: "https://cdn.example.com/a.png?x=1&y=2", height: "medium" },
        suggestions: [{ type: "open_url", text: "Go", url: "https://shop.example.com/?a=1&b=2" }],
      },
    })
  })
})

describe("findNonGsmCharacters", () => {
  it("finds each character that forces UCS-2, where it is, and its look-alike", () => {
    expect(findNonGsmCharacters("Fête “ok” 😀")).toEqual([
      { char: "ê", index: 1, replacement: "e" },
      { char: "“", index: 5, replacement: '"' },
      { char: "”", index: 8, replacement: '"' },
      { char: "😀", index: 10, replacement: null },
    ])
    expect(findNonGsmCharacters("Crème brûlée é à")).toEqual([{ char: "û", index: 8, replacement: "u" }])
    expect(findNonGsmCharacters("plain")).toEqual([])
  })
})

describe("syntax errors point at the tag at fault", () => {
  const at = (sms_body: string) => validateTemplate({ sms_body }, ORDER_VARIABLES).problems[0]

  it("an unclosed section is reported at its opening tag, with line and column, once", () => {
    const body = "Hello\n  {{#customer_first_name}} hi, your order is confirmed."
    const { problems } = validateTemplate({ sms_body: body }, ORDER_VARIABLES)
    expect(problems).toHaveLength(1)
    expect(problems[0].message).toBe(
      'syntax error: Unclosed section "customer_first_name" opened at line 2, column 3: add {{/customer_first_name}} where it ends'
    )
    expect(problems[0].at).toEqual({ code: "unclosed_section", name: "customer_first_name", start: 8, end: 32, line: 2, column: 3 })
    expect(body.slice(problems[0].at!.start, problems[0].at!.end)).toBe("{{#customer_first_name}}")
  })

  it("finds the innermost open section, past closed ones and triple mustaches", () => {
    const body = "{{#a}}x{{/a}} {{{store_name}}} {{^b}} {{#c}} y {{/c}}"
    const problem = at(body)
    expect(problem.at).toMatchObject({ code: "unclosed_section", name: "b", line: 1 })
    expect(body.slice(problem.at!.start, problem.at!.end)).toBe("{{^b}}")
  })

  it("a mismatched closing tag blames the section left open", () => {
    const body = "{{#a}} {{#b}} {{/a}}"
    const problem = at(body)
    expect(problem.at).toMatchObject({ code: "unclosed_section", name: "b", start: 7, end: 13, column: 8 })
  })

  it("a closing tag never opened, and a tag never ended", () => {
    expect(at("hi {{/a}}").at).toMatchObject({ code: "unopened_section", name: "a", start: 3, end: 9, column: 4 })
    expect(at("hi {{store_name} and more").at).toMatchObject({ code: "unclosed_tag", start: 3, column: 4 })
  })

  it("stays linear on a long hostile text", () => {
    const body = "{{#a}}".repeat(100) + "x".repeat(1_000)
    const started = Date.now()
    expect(at(body).at).toMatchObject({ code: "unclosed_section", start: 594 })
    expect(Date.now() - started).toBeLessThan(500)
  })
})
