import path from "path"
import type { Browser } from "playwright-core"
import { httpClient, prepareApp, type RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp } from "../helpers/browser-app"
import { placeOrder } from "../helpers/storefront"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(600_000)

// its own database, queues and port range (9100+): see browserSpecPlace
const place = browserSpecPlace("widget", 9100)

describe("admin order page", () => {
  let app: RunningApp
  let browser: Browser
  let store: ReturnType<typeof prepareApp>

  beforeAll(async () => {
    ;({ app, browser, store } = await startBrowserApp(place))
  })

  afterAll(async () => {
    await stopBrowserApp(place, { app, browser })
  })

  it("shows the order confirmation SMS and its status in the order widget", async () => {
    const http = httpClient(app.url)
    const order = await placeOrder(http, {
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email: store.customer.email,
      customer: { first_name: "Camille" },
      phone: "+33 6 12 34 56 78",
    })
    const { token } = await http.post("/auth/user/emailpass", store.admin)
    const message = await waitFor(
      async () => {
        const { messages } = await http.get(`/admin/messaging/messages?order_id=${order.id}`, {
          authorization: `Bearer ${token}`,
        })
        return messages.find((m: any) => m.status === "delivered")
      },
      { what: "the SMS to be delivered" }
    )

    const page = await logInToAdmin(browser, app.url, store.admin, 1000)

    await page.goto(`${app.url}/app/orders/${order.id}`)
    const widget = page.locator('[data-testid="sms-rcs-order-messages"]')
    await widget.waitFor({ timeout: 120_000 })
    const item = widget.locator('[data-testid="sms-rcs-message"]')
    await item.first().waitFor({ timeout: 60_000 })

    expect(await item.count()).toBe(1)
    expect(await item.first().locator('[data-testid="sms-rcs-status"]').innerText()).toBe("delivered")
    const text = await widget.innerText()
    expect(text).toContain("SMS & RCS")
    expect(text).toContain(message.body)
    expect(text).toContain("+33612345678")
    expect(text).toContain("1 segment (GSM-7)")

    await widget.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "order-widget.png"), fullPage: true })
    await widget.screenshot({ path: path.join(ARTIFACTS_DIR, "order-widget-close-up.png") })
  })

  it("shows the customer's consent, its proof and their texts on the customer page", async () => {
    const http = httpClient(app.url)
    const { token } = await http.post("/auth/user/emailpass", store.admin)
    const admin = { authorization: `Bearer ${token}` }
    await http.post(
      "/admin/messaging/consents",
      { phone: store.customer.phone, customer_id: store.customer.id, purpose: "marketing", action: "grant", note: "Signed the loyalty card form in the shop", wording: "I agree to receive offers by SMS.", wording_version: "2026-11" },
      admin
    )

    const page = await logInToAdmin(browser, app.url, store.admin, 1200)
    await page.goto(`${app.url}/app/customers/${store.customer.id}`)

    const widget = page.locator('[data-testid="sms-rcs-customer-consent"]')
    await widget.locator('[data-testid="sms-rcs-consent"]').first().waitFor({ timeout: 120_000 })
    const text = await widget.innerText()
    expect(text).toContain("Marketing · +33612345678")
    expect(text).toContain("Granted")
    expect(text).toContain("Note: Signed the loyalty card form in the shop")
    expect(text).toContain("I agree to receive offers by SMS.")
    expect(await widget.locator('[data-testid="sms-rcs-consent-event"]').count()).toBe(1)

    await widget.scrollIntoViewIfNeeded()
    await widget.screenshot({ path: path.join(ARTIFACTS_DIR, "customer-consent-widget.png") })
  })
})
