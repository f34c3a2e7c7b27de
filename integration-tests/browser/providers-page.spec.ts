import path from "path"
import type { Browser, Locator, Page } from "playwright-core"
import { httpClient, prepareApp, type RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp } from "../helpers/browser-app"
import { placeOrder } from "../helpers/storefront"
import { eventually, waitFor } from "../helpers/wait-for"

jest.setTimeout(600_000)

// its own database, queues and port range (13100+): see browserSpecPlace
const place = browserSpecPlace("prov", 13100)
const port = place.port

const text = (locator: Locator) => locator.innerText()
const attr = (locator: Locator, name: string) => locator.getAttribute(name).catch(() => null)

describe("admin settings: SMS & RCS providers", () => {
  let app: RunningApp
  let browser: Browser
  let store: ReturnType<typeof prepareApp>
  let admin: { authorization: string }

  const logIn = (height = 1400) => logInToAdmin(browser, app.url, store.admin, height)

  /** Picks SMS or RCS in the channel select (a Radix listbox: open it, then click the option). */
  async function pickChannel(page: Page, channel: "sms" | "rcs") {
    await page.locator('[data-testid="provider-test-channel"]').click()
    await page.locator(`[data-testid="provider-test-channel-${channel}"]`).click()
    await eventually(() => text(page.locator('[data-testid="provider-test-channel"]')), (t) => t.trim() === channel.toUpperCase(), `${channel} picked`)
  }

  /** Sends a test from the page and returns the id of the message it shows. */
  async function sendTest(page: Page, phone: string, channel: "sms" | "rcs", body?: string): Promise<string> {
    await page.locator('[data-testid="provider-test-phone"]').fill(phone)
    await pickChannel(page, channel)
    await page.locator('[data-testid="provider-test-body"]').fill(body ?? "")
    const id = page.locator('[data-testid="provider-test-message"] code')
    const previous = (await id.count()) ? (await text(id)).trim() : null
    await page.locator('[data-testid="provider-test-send"]').click()
    // the line of this test, not the one of the test before
    return (await eventually(() => (id.count().then((n) => (n ? text(id) : ""))), (t) => !!t.trim() && t.trim() !== previous, "the test message on the page")).trim()
  }

  /** Answers GET /admin/messaging/providers with `change` applied to the server's answer: another store's setup. */
  async function mockOverview(page: Page, change: (overview: any) => any) {
    await page.route(
      (url) => url.pathname === "/admin/messaging/providers",
      async (route) => {
        const response = await route.fetch()
        await route.fulfill({ response, json: change(await response.json()) })
      }
    )
  }

  beforeAll(async () => {
    ;({ app, browser, store, admin } = await startBrowserApp(place, {
      // RCS through the sandbox, so the RCS test runs the real capability check and its switch to SMS
      SMS_RCS_RCS_PROVIDER: "sandbox",
      // this server's public address, which the page shows (webhook URLs start with it)
      MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    }))
  })

  afterAll(async () => {
    await stopBrowserApp(place, { app, browser })
  })

  it("shows the sandbox provider, checks its connection, and follows SMS and RCS test messages live", async () => {
    const http = httpClient(app.url)
    const overview = await http.get("/admin/messaging/providers", admin)
    const sandbox = overview.providers.find((p: any) => p.id === "sandbox")
    expect(sandbox).toBeDefined()
    // Only what the page shows: no option object, hence no credential, goes out.
    expect(Object.keys(sandbox).sort()).toEqual(["can_revoke", "channels", "checks_capability", "id", "roles", "webhooks"])
    const rcsOn: boolean = overview.rcs.enabled

    const page = await logIn()

    // The SMS & RCS settings page leads to Providers.
    await page.goto(`${app.url}/app/settings/sms-rcs`)
    const link = page.locator('[data-testid="sms-rcs-link-providers"]')
    await link.waitFor({ timeout: 120_000 })
    await link.click()
    await page.waitForURL((url) => url.pathname.endsWith("/settings/sms-rcs/providers"))

    // The sandbox, with what it sends as badges, its channels and abilities.
    const card = page.locator('[data-testid="provider-card"][data-provider="sandbox"]')
    await card.waitFor({ timeout: 120_000 })
    expect(await page.locator('[data-testid="provider-card"]').count()).toBe(overview.providers.length)
    expect((await text(card.locator('[data-testid="provider-id"]'))).trim()).toBe("sandbox")
    const roles = await card.locator('[data-testid="provider-roles"] [data-testid="channel-badge"]').allInnerTexts()
    expect(roles.map((r) => r.trim())).toEqual(sandbox.roles.map((r: string) => r.toUpperCase()))
    expect(roles).toContain("SMS")
    expect(await text(card.locator('[data-testid="provider-channels"]'))).toBe("SMS, RCS")
    expect(await text(card.locator('[data-testid="provider-checks-capability"]'))).toBe(sandbox.checks_capability ? "Yes" : "No")
    expect(await text(card.locator('[data-testid="provider-can-revoke"]'))).toBe(sandbox.can_revoke ? "Yes" : "No")
    // The sandbox needs no webhook: the page says so rather than showing an empty list.
    expect(await card.locator('[data-testid="provider-webhooks-none"]').count()).toBe(1)
    expect(overview.public_url).toBe(`http://localhost:${port}`)
    expect(await text(page.locator('[data-testid="provider-public-url"]'))).toContain(`http://localhost:${port}`)

    // RCS settings as the API reports them.
    const rcsSettings = page.locator('[data-testid="rcs-settings"]')
    expect(await attr(rcsSettings, "data-enabled")).toBe(String(rcsOn))
    expect(await text(rcsSettings.locator('[data-testid="rcs-enabled"]'))).toBe(rcsOn ? "On" : "Off")
    if (rcsOn) {
      expect(roles).toContain("RCS")
      expect(await text(rcsSettings.locator('[data-testid="rcs-provider"]'))).toBe("sandbox")
      expect(await text(rcsSettings.locator('[data-testid="rcs-ttl"]'))).toContain("1 h")
      expect(await text(rcsSettings.locator('[data-testid="rcs-fallback"]'))).toMatch(/^On/)
      expect(await text(rcsSettings.locator('[data-testid="rcs-cache"]'))).toBe("168 h for RCS phones, 24 h for SMS-only phones")
    }

    // Check connection: ok, the provider's detail, and when.
    await card.locator('[data-testid="provider-check"]').click()
    const status = card.locator('[data-testid="provider-health-status"]')
    await status.waitFor({ timeout: 30_000 })
    expect(await attr(status, "data-ok")).toBe("true")
    expect(await text(status)).toBe("Connected")
    expect(await text(card.locator('[data-testid="provider-health-detail"]'))).toContain("sandbox")
    expect(await text(card.locator('[data-testid="provider-health-time"]'))).toContain("checked")
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "providers-page.png"), fullPage: true })

    // An SMS test: followed live until delivered.
    const smsId = await sendTest(page, "+33 6 12 34 56 78", "sms", "Setup page test")
    const line = page.locator('[data-testid="provider-test-message"]')
    await eventually(() => attr(line, "data-status"), (s) => s === "delivered", "the SMS test to be delivered")
    expect(await attr(line, "data-channel")).toBe("sms")
    expect(await text(line.locator('[data-testid="sms-rcs-status"]'))).toBe("delivered")
    expect(await text(line)).toContain("+33612345678")
    const { message: sms } = await http.get(`/admin/messaging/messages/${smsId}`, admin)
    expect(sms).toMatchObject({ id: smsId, to: "+33612345678", channel: "sms", status: "delivered", body: "Setup page test" })
    await page.locator('[data-testid="provider-test"]').screenshot({ path: path.join(ARTIFACTS_DIR, "providers-test-sms.png") })

    if (!rcsOn) {
      // RCS off: it cannot be picked, and the form says why.
      await page.locator('[data-testid="provider-test-channel"]').click()
      expect(await attr(page.locator('[data-testid="provider-test-channel-rcs"]'), "data-disabled")).not.toBeNull()
      await page.keyboard.press("Escape")
      expect(await text(page.locator('[data-testid="provider-test-rcs-disabled"]'))).toContain("RCS is off")
      return
    }

    // An RCS test to an RCS phone: delivered, then read (the sandbox sends a read receipt, as RCS phones do).
    const rcsId = await sendTest(page, "+33612345679", "rcs")
    await eventually(() => attr(line, "data-status"), (s) => s === "read", "the RCS test to be read")
    expect(await attr(line, "data-channel")).toBe("rcs")
    expect(await attr(page.locator('[data-testid="provider-test-result"]'), "data-outcome")).toBe("rcs")
    const { message: rcs } = await http.get(`/admin/messaging/messages/${rcsId}`, admin)
    expect(rcs).toMatchObject({ id: rcsId, channel: "rcs", status: "read" })
    expect(rcs.delivered_at).toBeTruthy()

    // An RCS test to an SMS-only phone (sandbox: ends in 0005): the capability check says no, it goes as SMS.
    const switchedId = await sendTest(page, "+33612340005", "rcs")
    expect(switchedId).not.toBe(rcsId)
    const result = page.locator('[data-testid="provider-test-result"]')
    await eventually(() => attr(result, "data-outcome"), (o) => o === "sent-as-sms", "the RCS test to go as SMS")
    await eventually(() => attr(line, "data-status"), (s) => s === "delivered", "the SMS-only phone's test to be delivered")
    expect(await attr(line, "data-channel")).toBe("sms")
    expect(await text(result.locator('[data-testid="provider-test-sent-as-sms"]'))).toContain("Sent as SMS")
    const reason = await text(line.locator('[data-testid="provider-test-message-reason"]'))
    expect(reason).toContain("cannot receive RCS")
    const { message: switched } = await http.get(`/admin/messaging/messages/${switchedId}`, admin)
    expect(switched).toMatchObject({ id: switchedId, to: "+33612340005", channel: "sms", status: "delivered" })
    expect(switched.status_reason).toBe(reason.trim())
    await page.locator('[data-testid="provider-test"]').screenshot({ path: path.join(ARTIFACTS_DIR, "providers-test-rcs-as-sms.png") })
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "providers-page-after-tests.png"), fullPage: true })
  })

  it("with RCS off, the RCS channel cannot be picked and the page says why", async () => {
    // This app runs with RCS on; the answer of GET /admin/messaging/providers is turned into an SMS-only
    // setup's to see the page as such a store does (the server's own refusal is covered by the HTTP tests).
    const page = await logIn(1000)
    await mockOverview(page, (overview) => ({
      ...overview,
      public_url: null,
      rcs: { ...overview.rcs, enabled: false, automatic: false, provider: null },
      providers: overview.providers.map((p: any) => ({ ...p, roles: p.roles.filter((r: string) => r === "sms") })),
    }))
    await page.goto(`${app.url}/app/settings/sms-rcs/providers`)
    const card = page.locator('[data-testid="provider-card"][data-provider="sandbox"]')
    await card.waitFor({ timeout: 120_000 })
    expect(await card.locator('[data-testid="provider-roles"] [data-testid="channel-badge"]').allInnerTexts()).toEqual(["SMS"])
    expect(await text(page.locator('[data-testid="rcs-enabled"]'))).toBe("Off")
    expect(await text(page.locator('[data-testid="rcs-off-explanation"]'))).toContain("rcs.provider")
    expect(await page.locator('[data-testid="rcs-ttl"]').count()).toBe(0)
    expect(await text(page.locator('[data-testid="provider-public-url-missing"]'))).toContain("MEDUSA_BACKEND_URL")

    await page.locator('[data-testid="provider-test-channel"]').click()
    const rcsOption = page.locator('[data-testid="provider-test-channel-rcs"]')
    await rcsOption.waitFor()
    expect(await attr(rcsOption, "data-disabled")).not.toBeNull()
    expect(await attr(rcsOption, "aria-disabled")).toBe("true")
    expect((await text(rcsOption)).trim()).toBe("RCS (off)")
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "providers-rcs-off-select.png") })
    await page.keyboard.press("Escape")
    expect(await text(page.locator('[data-testid="provider-test-channel"]'))).toBe("SMS")
    expect(await text(page.locator('[data-testid="provider-test-rcs-disabled"]'))).toContain("RCS is off")
    await page.locator('[data-testid="provider-test"]').screenshot({ path: path.join(ARTIFACTS_DIR, "providers-rcs-off.png") })
  })

  it("lists a provider's webhook URLs with a copy button", async () => {
    // No RBM account in tests: the answer of a store with Google RBM for RCS is drawn from the sandbox's.
    const page = await logIn(1000)
    const webhook = { label: "Agent webhook URL (client token: your rbm.clientToken)", url: "https://shop.example.com/hooks/messaging/rbm" }
    await mockOverview(page, (overview) => ({
      ...overview,
      public_url: "https://shop.example.com",
      rcs: { ...overview.rcs, provider: "rbm" },
      providers: [
        { ...overview.providers[0], roles: ["sms"] },
        { id: "rbm", channels: ["rcs"], roles: ["rcs"], checks_capability: true, can_revoke: true, webhooks: [webhook] },
      ],
    }))
    await page.goto(`${app.url}/app/settings/sms-rcs/providers`)
    const card = page.locator('[data-testid="provider-card"][data-provider="rbm"]')
    await card.waitFor({ timeout: 120_000 })
    expect(await card.locator('[data-testid="provider-roles"] [data-testid="channel-badge"]').allInnerTexts()).toEqual(["RCS"])
    expect(await text(card.locator('[data-testid="provider-channels"]'))).toBe("RCS")
    const item = card.locator('[data-testid="provider-webhook"]')
    expect(await item.count()).toBe(1)
    expect(await text(item)).toContain(webhook.label)
    expect(await text(item.locator('[data-testid="provider-webhook-url"]'))).toBe(webhook.url)
    expect(await item.locator('[data-testid="provider-webhook-copy"]').count()).toBe(1)
    expect(await text(page.locator('[data-testid="provider-public-url"]'))).toContain("https://shop.example.com")
    await card.screenshot({ path: path.join(ARTIFACTS_DIR, "providers-webhooks.png") })
  })

  it("routes an order confirmation by the phone's RCS capability, and the order page shows the card or the SMS", async () => {
    const http = httpClient(app.url)
    const order = (phone: string) =>
      placeOrder(http, {
        publishable_key: store.publishable_key,
        region_id: store.region_id,
        variant_id: store.variant_id,
        email: store.customer.email,
        customer: { first_name: "Camille" },
        phone,
      })
    const settled = (orderId: string, status: string) =>
      waitFor(async () => {
        const { messages } = await http.get(`/admin/messaging/messages?order_id=${orderId}`, admin)
        return messages.find((m: any) => m.status === status)
      }, { what: `the confirmation to be ${status}` })

    // an RCS phone: the confirmation goes as the template's RCS card, then is read
    const rcsOrder = await order("+33 6 12 34 56 77")
    const card = await settled(rcsOrder.id, "read")
    expect(card).toMatchObject({ channel: "rcs", provider: "sandbox" })
    // an SMS-only phone (sandbox: …0005): the same confirmation goes as SMS, with the reason
    const smsOrder = await order("+33 6 12 34 00 05")
    const sms = await settled(smsOrder.id, "delivered")
    // (the earlier test asked about this phone already: the answer may come from the capability cache)
    expect(sms.channel).toBe("sms")
    expect(sms.status_reason).toMatch(/^sent as SMS: the phone cannot receive RCS \(sandbox(, cached)?\)$/)

    const page = await logIn(1200)
    await page.goto(`${app.url}/app/orders/${rcsOrder.id}`)
    const widget = page.locator('[data-testid="sms-rcs-order-messages"]')
    const preview = widget.locator('[data-testid="rcs-preview"]')
    await preview.waitFor({ timeout: 120_000 })
    expect(await text(preview.locator('[data-testid="rcs-card-title"]'))).toBe(`Order #${rcsOrder.display_id} is confirmed`)
    const chips = await preview.locator('[data-testid="rcs-suggestion"]').allInnerTexts()
    expect(chips.map((c) => c.replace(/^\W+/, "").trim())).toEqual(["Thanks!"])
    expect(await text(widget.locator('[data-testid="sms-rcs-message"]'))).toContain("rich message")
    await widget.screenshot({ path: path.join(ARTIFACTS_DIR, "providers-order-rcs-widget.png") })

    await page.goto(`${app.url}/app/orders/${smsOrder.id}`)
    const smsItem = page.locator('[data-testid="sms-rcs-order-messages"] [data-testid="sms-rcs-message"]')
    await smsItem.waitFor({ timeout: 120_000 })
    expect(await smsItem.locator('[data-testid="rcs-preview"]').count()).toBe(0)
    expect(await text(smsItem)).toContain(sms.status_reason)
    expect(await text(smsItem)).toContain(`Order #${smsOrder.display_id}`)
    await page.close()
  })

  it("in French, light and dark: the settings page and Providers", async () => {
    for (const theme of ["light", "dark"] as const) {
      const page = await logIn()
      await setAdminLanguage(page, app.url, "fr")
      await setAdminTheme(page, theme)
      await page.goto(`${app.url}/app/settings/sms-rcs`)
      const link = page.locator('[data-testid="sms-rcs-link-providers"]')
      await link.waitFor({ timeout: 120_000 })
      expect(await text(page.locator('[data-testid="sms-rcs-link-templates"]'))).toContain("Modèles →")
      expect(await text(link)).toContain("Fournisseurs →")
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `sms-rcs-settings-fr-${theme}.png`), fullPage: true })
      await link.click()
      const card = page.locator('[data-testid="provider-card"][data-provider="sandbox"]')
      await card.waitFor({ timeout: 120_000 })
      expect(await text(page.locator("h1"))).toBe("Fournisseurs SMS & RCS")
      expect(await text(card)).toContain("Canaux disponibles")
      await card.locator('[data-testid="provider-check"]').click()
      await eventually(() => text(card.locator('[data-testid="provider-health-status"]')).catch(() => ""), (t) => t === "Connecté", "the French check")
      expect(await text(card.locator('[data-testid="provider-health-time"]'))).toContain("vérifié")
      expect(await text(page.locator('[data-testid="provider-test-send"]'))).toBe("Envoyer le test")
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `providers-page-fr-${theme}.png`), fullPage: true })
      await page.close()
    }
  })
})
