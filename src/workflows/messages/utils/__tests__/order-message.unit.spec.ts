import { buildOrderMessageInput, ORDER_NO_NOTIFICATION, pickOrderPhone } from "../order-message"

const order = {
  id: "order_1",
  display_id: 42,
  locale: null,
  currency_code: "eur",
  total: 54.9,
  customer_id: "cus_1",
  customer: { first_name: "Camille", phone: "+33 6 00 00 00 03" },
  shipping_address: { first_name: "Cam", phone: "06 00 00 00 01", country_code: "fr" },
  billing_address: { first_name: "C", phone: "07 00 00 00 02", country_code: "be" },
  items: [{ product_title: "Linen shirt", title: "M", quantity: 2 }, { title: "Tote", quantity: 1 }],
}

describe("pickOrderPhone", () => {
  it("prefers the shipping address, read in its country", () => {
    expect(pickOrderPhone(order)).toEqual({ phone: "06 00 00 00 01", country_code: "fr", province: null })
    expect(
      pickOrderPhone({ ...order, shipping_address: { phone: "(305) 555-0100", country_code: "us", province: "FL" } })
    ).toEqual({ phone: "(305) 555-0100", country_code: "us", province: "FL" })
  })

  it("falls back to the billing address, then the customer", () => {
    expect(pickOrderPhone({ ...order, shipping_address: { ...order.shipping_address, phone: " " } })).toEqual({
      phone: "07 00 00 00 02",
      country_code: "be",
      province: null,
    })
    expect(pickOrderPhone({ ...order, shipping_address: null, billing_address: null })).toEqual({
      phone: "+33 6 00 00 00 03",
      country_code: null,
      province: null,
    })
  })

  it("reports no phone, with the shipping country, when there is none", () => {
    expect(pickOrderPhone({ ...order, customer: null, billing_address: null, shipping_address: { country_code: "fr" } })).toEqual({
      phone: null,
      country_code: "fr",
      province: null,
    })
  })
})

describe("buildOrderMessageInput", () => {
  it("carries the ids, the phone and the variables of the order", () => {
    expect(buildOrderMessageInput(order, { template_key: "order_confirmation", idempotency_key: "k" })).toEqual({
      template_key: "order_confirmation",
      idempotency_key: "k",
      phone: "06 00 00 00 01",
      country_code: "fr",
      province: null,
      locale: null,
      order_id: "order_1",
      customer_id: "cus_1",
      variables: {
        customer_first_name: "Camille",
        order_display_id: 42,
        order_total: { amount: 54.9, currency_code: "eur" },
        items: [
          { title: "Linen shirt", quantity: 2 },
          { title: "Tote", quantity: 1 },
        ],
        items_count: 3,
        items_summary: "Linen shirt x2, Tote",
      },
      delay_minutes: undefined,
      metadata: null,
    })
  })

  it("silences a text about an order created with no_notification, with the reason", () => {
    const quiet = { ...order, no_notification: true }
    expect(buildOrderMessageInput(quiet, { template_key: "order_shipped", idempotency_key: "k" }).skip_reason).toBe(ORDER_NO_NOTIFICATION)
    expect(buildOrderMessageInput({ ...order, no_notification: false }, { template_key: "order_shipped", idempotency_key: "k" }).skip_reason).toBeUndefined()
    // a text that only borrows the order's details (win-back) is not about the order
    expect(buildOrderMessageInput(quiet, { template_key: "win_back", idempotency_key: "k", about_order: false }).skip_reason).toBeUndefined()
  })
})
