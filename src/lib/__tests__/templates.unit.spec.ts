import { defaultSmsTemplate, formatVariables, renderTemplate, SAMPLE_VARIABLES, templateVariables, validateTemplate } from "../templates"
import { formatAmount } from "../format"
import { countSegments } from "../sms-encoding"

describe("renderTemplate", () => {
  it("fills variables without HTML-escaping them", () => {
    expect(renderTemplate("Hi {{name}} & co <3", { name: "Zoë & \"Max\"" })).toBe('Hi Zoë & "Max" & co <3')
  })

  it("renders optional parts only when the value exists", () => {
    const template = "Thanks{{#first_name}} {{first_name}}{{/first_name}}!"
    expect(renderTemplate(template, { first_name: "Camille" })).toBe("Thanks Camille!")
    expect(renderTemplate(template, { first_name: null })).toBe("Thanks!")
  })

  it("cannot run code: a lambda-looking string is plain text", () => {
    expect(renderTemplate("{{x}}", { x: "{{constructor.constructor('return 1')()}}" })).toBe(
      "{{constructor.constructor('return 1')()}}"
    )
  })

  it("lists the variables a template uses", () => {
    expect(templateVariables("{{a}} {{{b}}} {{#c}}{{d}}{{/c}} {{^e}}x{{/e}}").sort()).toEqual(["a", "b", "c", "d", "e"])
  })
})

describe("default templates", () => {
  it("picks the locale, then its language, then English", () => {
    expect(defaultSmsTemplate("order_confirmation", "fr-FR")).toContain("merci")
    expect(defaultSmsTemplate("order_confirmation", "fr")).toContain("merci")
    expect(defaultSmsTemplate("order_confirmation", "de")).toContain("thank you")
    expect(defaultSmsTemplate("nope", "en")).toBeUndefined()
  })

  it.each(["en", "fr"])("the %s order confirmation is one GSM-7 segment with typical values", (locale) => {
    const body = renderTemplate(
      defaultSmsTemplate("order_confirmation", locale)!,
      formatVariables(
        {
          store_name: "Maison Demo",
          customer_first_name: "Camille",
          order_display_id: 1042,
          order_total: { amount: 54.9, currency_code: "eur" },
        },
        locale
      )
    )
    expect(countSegments(body)).toMatchObject({ encoding: "GSM-7", segments: 1 })
  })
})

describe("formatAmount", () => {
  it("formats in the locale with plain spaces, so French amounts stay GSM-7", () => {
    expect(formatAmount(1234.5, "eur", "fr")).toBe("1 234,50 €")
    expect(formatAmount(54.9, "EUR", "en")).toBe("€54.90")
    expect(formatAmount(10, "usd", "en-US")).toBe("$10.00")
    expect(countSegments(formatAmount(1234.5, "eur", "fr")).encoding).toBe("GSM-7")
  })

  it("falls back to the code when the currency is unknown to Intl", () => {
    expect(formatAmount(5, "zz", "en")).toBe("5.00 ZZ")
  })
})

describe("every default template", () => {
  const { DEFAULT_TEMPLATES } = jest.requireActual("../templates/defaults")
  for (const [key, template] of Object.entries(DEFAULT_TEMPLATES) as [string, any][]) {
    for (const locale of ["en", "fr"]) {
      it(`${key} (${locale}) exists, uses only its documented variables, and stays GSM-7`, () => {
        const text = template.sms[locale]
        const rcs = template.rcs?.[locale] ?? null
        expect(text).toBeTruthy()
        expect(validateTemplate({ sms_body: text, rcs_payload: rcs }, template.variables).problems).toEqual([])
        const body = renderTemplate(text, formatVariables(SAMPLE_VARIABLES, locale))
        expect(body).not.toMatch(/{{|}}/)
        expect(countSegments(body).encoding).toBe("GSM-7")
        if (template.rcs) expect(rcs).not.toBeNull()
      })
    }
  }
})
