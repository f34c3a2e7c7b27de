import { mappedIdempotencyKey, mappedResourceId } from "../event-mappings"
import { AUTOMATION_KEYS, effectiveAutomation } from "../automations"
import { cartRecoveryUrl } from "../../workflows/messages/utils/cart-message"
import { summarizeItems } from "../templates"

describe("effectiveAutomation", () => {
  it("takes the admin's choice over the options, and the options over the shipped default", () => {
    expect(effectiveAutomation("abandoned_cart", undefined, undefined)).toMatchObject({
      enabled: true,
      delay_minutes: 60,
      max_age_hours: 48,
      period_days: null,
      template_key: "abandoned_cart",
      purpose: "marketing",
    })
    expect(effectiveAutomation("abandoned_cart", { delayMinutes: 30, enabled: false }, undefined)).toMatchObject({
      enabled: false,
      delay_minutes: 30,
    })
    expect(
      effectiveAutomation("abandoned_cart", { delayMinutes: 30, enabled: false }, { enabled: true, delay_minutes: null })
    ).toMatchObject({ enabled: true, delay_minutes: 30 })
    expect(effectiveAutomation("win_back", { periodDays: 60 }, { period_days: 120 }).period_days).toBe(120)
  })

  it("holds nobody back by default, and never from a transactional text", () => {
    expect(effectiveAutomation("win_back", undefined, undefined).holdout_percent).toBe(0)
    expect(effectiveAutomation("win_back", undefined, { holdout_percent: 10 }).holdout_percent).toBe(10)
    expect(effectiveAutomation("order_placed", undefined, { holdout_percent: 10 }).holdout_percent).toBe(0)
  })

  it("ships every automation on, transactional ones without delay", () => {
    for (const key of AUTOMATION_KEYS) {
      const automation = effectiveAutomation(key, undefined, undefined)
      expect(automation.enabled).toBe(true)
      if (automation.purpose === "transactional") expect(automation.delay_minutes).toBe(0)
    }
  })
})

describe("cart recovery link", () => {
  it("uses the pattern, else the storefront's cart page, else none", () => {
    expect(cartRecoveryUrl("cart_1", { cartRecoveryUrl: "https://s.example.com/r/{cart_id}?x=1" })).toBe("https://s.example.com/r/cart_1?x=1")
    expect(cartRecoveryUrl("cart_1", { storefrontUrl: "https://s.example.com/" })).toBe("https://s.example.com/cart?cart_id=cart_1")
    expect(cartRecoveryUrl("cart_1", {})).toBeNull()
  })
})

describe("items summary", () => {
  it("names a few items with their quantities", () => {
    expect(summarizeItems([{ title: "Shirt", quantity: 2 }, { title: "Tote", quantity: 1 }])).toBe("Shirt x2, Tote")
    expect(summarizeItems([1, 2, 3, 4, 5].map((n) => ({ title: `I${n}`, quantity: 1 })))).toBe("I1, I2, I3 +2")
    expect(summarizeItems(null)).toBe("")
  })
})

describe("events mapped in the options", () => {
  const mapping = { template: "t", resource: "order" as const, purpose: "transactional" as const, delayMinutes: 0 }

  it("finds the resource's id in the event's data", () => {
    expect(mappedResourceId(mapping, { order_id: "order_1", return_id: "ret_1" })).toBe("order_1")
    expect(mappedResourceId(mapping, { id: "order_2" })).toBe("order_2")
    expect(mappedResourceId({ ...mapping, idField: "target" }, { target: "order_3", id: "x" })).toBe("order_3")
    expect(mappedResourceId(mapping, { other: 1 })).toBeNull()
  })

  it("keys a message on the event and its data, whatever the order of the fields", () => {
    const a = mappedIdempotencyKey("order.return_requested", { order_id: "o", return_id: "r1" })
    expect(mappedIdempotencyKey("order.return_requested", { return_id: "r1", order_id: "o" })).toBe(a)
    expect(mappedIdempotencyKey("order.return_requested", { order_id: "o", return_id: "r2" })).not.toBe(a)
  })
})
