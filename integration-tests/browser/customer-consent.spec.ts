import path from "path"
import type { Browser, Page } from "playwright-core"
import type { prepareApp, RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp } from "../helpers/browser-app"
import { placeOrder } from "../helpers/storefront"
import { eventually, waitFor } from "../helpers/wait-for"

jest.setTimeout(600_000)

// its own database, queues and port range (14200+): see browserSpecPlace
const place = browserSpecPlace("consent", 14200)

const GUEST_PHONE = "+33655440011"

describe("admin customer page: consent by every phone the customer carries", () => {
  let app: RunningApp
  let browser: Browser
  let store: ReturnType<typeof prepareApp>
  let http: Awaited<ReturnType<typeof startBrowserApp>>["http"]
  let admin: { authorization: string }

  beforeAll(async () => {
    ;({ app, browser, store, http, admin } = await startBrowserApp(place))
  })

  afterAll(async () => {
    await stopBrowserApp(place, { app, browser })
  })

  const widgetOf = (page: Page) => page.locator('[data-testid="sms-rcs-customer-consent"]')

  /** A guest who ticked the SMS box at checkout, then made an account with the same phone. */
  async function guestWhoRegistered(email: string): Promise<{ customerId: string; orderDisplayId: number }> {
    const order = await placeOrder(http, {
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email,
      customer: { first_name: "Inès" },
      phone: "06 55 44 00 11",
      metadata: { sms_opt_in: { wording: "Je veux recevoir les offres de Maison Demo par SMS", wording_version: "checkout-2026-11", locale: "fr" } },
    })
    await waitFor(
      async () => {
        const ledger = await http.get(`/admin/messaging/consents/ledger?phone=${encodeURIComponent(GUEST_PHONE)}`, admin)
        return ledger.events.find((e: any) => e.source === "checkout")
      },
      { what: "the checkout opt-in to be recorded" }
    )
    const keyHeader = { "x-publishable-api-key": store.publishable_key }
    const { token } = await http.post("/auth/customer/emailpass/register", { email, password: "secret-123" })
    const { customer } = await http.post("/store/customers", { email, first_name: "Inès", phone: GUEST_PHONE }, { ...keyHeader, authorization: `Bearer ${token}` })
    return { customerId: customer.id, orderDisplayId: order.display_id }
  }

  it("shows a guest's checkout opt-in once they registered, with its ledger and source; an admin's opt-out names the admin", async () => {
    const { customerId } = await guestWhoRegistered("ines@example.com")
    const page = await logInToAdmin(browser, app.url, store.admin, 1800)
    try {
      await page.goto(`${app.url}/app/customers/${customerId}`)
      const widget = widgetOf(page)
      const phone = widget.locator(`[data-testid="sms-rcs-consent-phone"][data-phone="${GUEST_PHONE}"]`)
      await phone.waitFor({ timeout: 120_000 })
      const text = await phone.innerText()
      expect(text).toContain("Account")
      // marketing: asked at checkout, waiting for the shopper's YES (not "No consent recorded")
      expect(await phone.locator('[data-testid="sms-rcs-consent"][data-purpose="marketing"]').innerText()).toContain("Awaiting YES")
      const events = phone.locator('[data-testid="sms-rcs-consent-event"]')
      expect(await events.count()).toBe(1)
      const checkout = await events.first().innerText()
      expect(checkout).toContain("Opt-in asked")
      expect(checkout).toContain("Marketing · Checkout")
      expect(checkout).toContain("By the number's owner (Checkout)")
      expect(checkout).toContain("Je veux recevoir les offres de Maison Demo par SMS")
      expect(await widget.innerText()).not.toContain("No consent recorded")
      await widget.scrollIntoViewIfNeeded()
      await widget.screenshot({ path: path.join(ARTIFACTS_DIR, "customer-consent-widget-checkout.png") })

      // the admin records the opt-out the shopper asked for by phone
      const form = widget.locator('[data-testid="consent-record-form"]')
      expect(await form.locator('input[name="consent-phone"]').inputValue()).toBe(GUEST_PHONE)
      await form.locator('[data-testid="consent-record-action"]').click()
      await page.getByRole("option", { name: "Opt-out" }).click()
      await form.locator('textarea[name="consent-note"]').fill("Asked by phone to stop the offers")
      await form.locator('[data-testid="consent-record-submit"]').click()
      await eventually(() => events.count(), (n) => n === 2, "the admin's opt-out in the ledger")
      const optOut = await events.first().innerText()
      expect(optOut).toContain("Opt-out")
      expect(optOut).toContain("Marketing · Admin")
      expect(optOut).toContain(`By ${store.admin.email}`)
      expect(optOut).toContain("Note: Asked by phone to stop the offers")
      expect(await phone.locator('[data-testid="sms-rcs-consent"][data-purpose="marketing"]').innerText()).toContain("Revoked")
      await widget.screenshot({ path: path.join(ARTIFACTS_DIR, "customer-consent-widget.png") })

      // in French, dark
      await setAdminLanguage(page, app.url, "fr")
      await setAdminTheme(page, "dark")
      await page.goto(`${app.url}/app/customers/${customerId}`)
      await phone.waitFor({ timeout: 120_000 })
      const fr = await widget.innerText()
      expect(fr).toContain("Consentement SMS & RCS")
      expect(fr).toContain("Retiré")
      expect(fr).toContain("Par le titulaire du numéro (Commande)")
      await widget.scrollIntoViewIfNeeded()
      await widget.screenshot({ path: path.join(ARTIFACTS_DIR, "customer-consent-widget-fr-dark.png") })
    } finally {
      await page.close()
    }
  })

  it("shows loading, then an error with a retry when the API fails — never 'No consent'", async () => {
    const page = await logInToAdmin(browser, app.url, store.admin, 1400)
    try {
      let fail = true
      await page.route("**/admin/messaging/customers/*/consents", async (route) => {
        if (!fail) return route.continue()
        await new Promise((r) => setTimeout(r, 1500))
        await route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ type: "unknown_error", message: "An unknown error occurred." }) })
      })
      await page.goto(`${app.url}/app/customers/${store.customer.id}`)
      const widget = widgetOf(page)
      await widget.locator('[data-testid="consent-loading"]').waitFor({ timeout: 120_000 })
      expect(await widget.locator('[data-testid="consent-loading"]').innerText()).toBe("Loading…")
      const error = widget.locator('[data-testid="consent-error"]')
      await error.waitFor({ timeout: 60_000 })
      expect(await error.innerText()).toContain("Could not load the consent")
      const text = await widget.innerText()
      expect(text).not.toMatch(/No consent/)
      expect(await widget.locator('[data-testid="sms-rcs-consent"]').count()).toBe(0)
      await widget.screenshot({ path: path.join(ARTIFACTS_DIR, "customer-consent-widget-error.png") })

      fail = false
      await error.locator('[data-testid="consent-retry"]').click()
      await widget.locator(`[data-testid="sms-rcs-consent-phone"][data-phone="${store.customer.phone}"]`).waitFor({ timeout: 60_000 })
      expect(await error.count()).toBe(0)
    } finally {
      await page.close()
    }
  })

  it("starts again with the next customer's phone when the admin goes from one customer straight to another", async () => {
    const { customer: a } = await http.post("/admin/customers", { email: "ana@example.com", first_name: "Ana", phone: "+33611110001" }, admin)
    const { customer: b } = await http.post("/admin/customers", { email: "bruno@example.com", first_name: "Bruno", phone: "+33622220001" }, admin)

    const page = await logInToAdmin(browser, app.url, store.admin, 1600)
    await page.goto(`${app.url}/app/customers/${a.id}`)
    const widget = widgetOf(page)
    const phone = widget.locator('input[name="consent-phone"]')
    const note = widget.locator('textarea[name="consent-note"]')
    await phone.waitFor({ timeout: 120_000 })
    expect(await phone.inputValue()).toBe("+33611110001")

    // the admin starts recording consent on A: another number, a note
    await phone.fill("+33699990001")
    await note.fill("Signed the paper form")

    // then opens B inside the dashboard (as its search or a link does: the router, no page load)
    await page.evaluate((path) => {
      window.history.pushState({}, "", path)
      window.dispatchEvent(new PopStateEvent("popstate", { state: window.history.state }))
    }, `/app/customers/${b.id}`)
    await eventually(() => page.locator("body").innerText(), (t) => t.includes("bruno@example.com"), "B's page")

    expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1) // no page load
    await eventually(() => phone.inputValue(), (v) => v !== "+33699990001", "the form to leave A's typed phone")
    expect(await phone.inputValue()).toBe("+33622220001")
    expect(await note.inputValue()).toBe("")
  })
})
