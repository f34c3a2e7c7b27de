import path from "path"
import type { Browser, Page } from "playwright-core"
import type { RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp, type BrowserApp } from "../helpers/browser-app"
import { placeOrder } from "../helpers/storefront"
import { eventually, waitFor } from "../helpers/wait-for"

jest.setTimeout(900_000)

// its own database, queues and port range (14000+): see browserSpecPlace
const place = browserSpecPlace("messages", 14000)

/** A number the sandbox refuses for good (SANDBOX_FAILING_SUFFIXES.permanent): its message fails. */
const FAILING_PHONE = "+33612340002"
const GOOD_PHONE = "+33612345678"

describe("admin: the Messaging overview and the Messages page, as the owner sees them", () => {
  let started: BrowserApp | undefined
  let app: RunningApp
  let browser: Browser
  let admin: { authorization: string }
  let http: BrowserApp["http"]
  let orderId: string
  let failedId: string
  let campaignId: string

  const text = async (page: Page, testId: string) => (await page.locator(`[data-testid="${testId}"]`).first().innerText()).trim()
  const money = (page: Page, amount: number, currency: string, locale: string) =>
    page.evaluate(([a, c, l]) => new Intl.NumberFormat(l as string, { style: "currency", currency: c as string }).format(a as number), [amount, currency, locale] as const)
  /** A time as Intl writes it in Paris (the browser's ICU decides commas and spaces; the hour is asserted apart). */
  const parisTime = (page: Page, iso: string, locale: string) =>
    page.evaluate(([d, l]) => new Intl.DateTimeFormat(l, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(d)), [iso, locale] as const)
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `messages-${name}.png`), fullPage: true })

  beforeAll(async () => {
    started = await startBrowserApp(place, { SMS_RCS_DEFAULT_TIME_ZONE: "Europe/Paris" })
    ;({ app, browser, admin, http } = started)
    const { store } = started
    const checkout = { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id }

    // an order whose confirmation is delivered, and one whose phone the gateway refuses
    const order = await placeOrder(http, { ...checkout, email: store.customer.email, customer: { first_name: "Camille" }, phone: "+33 6 12 34 56 78" })
    orderId = order.id
    await placeOrder(http, { ...checkout, email: "refused@example.com", customer: { first_name: "Luc" }, phone: "+33 6 12 34 00 02" })
    await waitFor(
      async () => {
        const { messages } = await http.get(`/admin/messaging/messages?order_id=${orderId}`, admin)
        return messages.find((m: any) => m.status === "delivered")
      },
      { what: "the confirmation to be delivered", attempts: 300 }
    )
    failedId = await waitFor(
      async () => {
        const { messages } = await http.get(`/admin/messaging/messages?to=${encodeURIComponent(FAILING_PHONE)}&status=failed`, admin)
        return messages[0]?.id
      },
      { what: "the refused phone's message to fail", attempts: 300 }
    )
    // a provider test send: shown apart, never counted as sent
    await http.post("/admin/messaging/providers/test-send", { phone: "+33 6 99 88 77 66", channel: "sms" }, admin)
    // a customer who opts out this week
    await http.post("/admin/messaging/consents", { phone: "+33 6 55 44 33 22", purpose: "marketing", action: "revoke", note: "Asked at the till to stop offers" }, admin)
    // the next campaign, at 10:00 Paris time
    const { segment } = await http.post("/admin/messaging/segments", { name: "Everyone", definition: { match: "all", rules: [] } }, admin)
    const { campaign } = await http.post(
      "/admin/messaging/campaigns",
      { name: "Soldes d'hiver", segment_id: segment.id, variants: [{ id: "a", name: "A", weight: 100, sms_body: "{{store_name}}: les soldes commencent" }] },
      admin
    )
    campaignId = campaign.id
    await http.post(`/admin/messaging/campaigns/${campaignId}/schedule`, { at: "2031-01-14T10:00", time_zone: "Europe/Paris" }, admin)
  })

  afterAll(async () => {
    await stopBrowserApp(place, started)
  })

  it("shows the store's state on the overview: sent today, failures and why, opt-outs, spend, the next campaign, providers", async () => {
    // what was seeded, read from the messages themselves (not from the overview route), once the test send went out
    const messages: any[] = await waitFor(
      async () => {
        const { messages } = await http.get("/admin/messaging/messages?limit=500", admin)
        return messages.some((m: any) => m.metadata?.test === true && m.sent_at) ? messages : undefined
      },
      { what: "the test send to go out", attempts: 300 }
    )
    const sent = messages.filter((m: any) => m.metadata?.test !== true && m.sent_at)
    const spend = Math.round(sent.reduce((sum: number, m: any) => sum + (m.cost_amount ?? 0), 0) * 1e6) / 1e6
    expect(sent.length).toBeGreaterThanOrEqual(1)

    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    try {
      await page.goto(`${app.url}/app/messaging`)
      await page.locator('[data-testid="overview-tiles"]').waitFor({ timeout: 120_000 })
      expect(await text(page, "overview-zone")).toContain("Europe/Paris")
      expect(await text(page, "overview-sent-today-value")).toBe(String(sent.length))
      expect(await text(page, "overview-sent-month-value")).toBe(String(sent.length))
      expect(await text(page, "overview-sent-today")).toContain("plus 1 test send today, not counted")
      expect(await text(page, "overview-failures-value")).toBe("1")
      expect(await text(page, "overview-opt-outs-value")).toBe("1")
      expect(await text(page, "overview-spend-value")).toBe(await money(page, spend, "EUR", "en"))

      const reason = page.locator('[data-testid="overview-failure-reason"]')
      expect(await reason.count()).toBe(1)
      expect(await reason.getAttribute("data-code")).toBe("SBX_INVALID_DESTINATION")
      expect(await reason.innerText()).toContain("the destination cannot receive messages")
      expect(await text(page, "overview-failure-count")).toBe("1 message")

      const provider = page.locator('[data-testid="overview-provider"]')
      expect(await provider.getAttribute("data-provider")).toBe("sandbox")
      expect(await text(page, "overview-provider-status")).toBe("Connected")

      expect(await text(page, "overview-next-campaign-name")).toBe("Soldes d'hiver")
      expect(await text(page, "overview-next-campaign-at")).toBe(`starts ${await parisTime(page, "2031-01-14T09:00:00Z", "en")} (Europe/Paris)`)
      expect(await text(page, "overview-next-campaign-at")).toContain("10:00")
      expect(await page.getAttribute('[data-testid="overview-next-campaign-link"]', "href")).toBe(`/app/messaging/campaigns/${campaignId}`)
      for (const key of ["conversations", "campaigns", "analytics", "messages", "consents", "settings"]) {
        expect(await page.locator(`[data-testid="messaging-link-${key}"]`).count()).toBe(1)
      }
      await shot(page, "1-overview")

      // the failures lead to the Messages page, filtered on failed
      await page.locator('[data-testid="overview-failures-link"]').click()
      await page.waitForURL((url) => url.pathname === "/app/messaging/messages" && url.searchParams.get("status") === "failed")
      const rows = page.locator('[data-testid="messages-row"]')
      await eventually(() => rows.count(), (n) => n === 1, "one failed message listed")
      expect(await rows.first().getAttribute("data-message-id")).toBe(failedId)
      expect(await text(page, "messages-row-to")).toBe(FAILING_PHONE)
      expect((await rows.first().locator('[data-testid="sms-rcs-status"]').innerText()).trim()).toBe("failed")
    } finally {
      await page.close()
    }
  })

  it("finds messages by the phone as the owner types it, opens one with its timeline, and resends a failed one once", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    try {
      await page.goto(`${app.url}/app/messaging/messages`)
      await page.locator('[data-testid="messages-table"]').waitFor({ timeout: 120_000 })
      expect((await page.locator('aside a[href="/app/messaging/messages"], nav a[href="/app/messaging/messages"]').first().innerText()).trim()).toBe("Messages")

      await page.fill('[data-testid="messages-filter-to"]', "06 12 34 56 78")
      await page.locator('[data-testid="messages-filter-apply"]').click()
      await page.waitForURL((url) => url.searchParams.get("to") === "06 12 34 56 78")
      const rows = page.locator('[data-testid="messages-row"]')
      const { count: expected } = await http.get(`/admin/messaging/messages?to=${encodeURIComponent(GOOD_PHONE)}`, admin)
      expect(expected).toBeGreaterThanOrEqual(1)
      await eventually(async () => (await page.locator('[data-testid="messages-row-to"]').allInnerTexts()).map((s) => s.trim()), (tos) => tos.length === expected && tos.every((to) => to === GOOD_PHONE), "only that phone's messages")
      expect(await page.getAttribute('[data-testid="messages-count"]', "data-count")).toBe(String(expected))
      await shot(page, "2-list-by-phone")

      // status filter on top: nothing of that phone failed
      await page.locator('[data-testid="messages-filter-status"]').click()
      await page.getByRole("option", { name: "failed" }).click()
      await page.locator('[data-testid="messages-empty"]').waitFor()
      expect(await text(page, "messages-empty")).toBe("No message matches these filters.")
      await page.locator('[data-testid="messages-filter-clear"]').click()
      await page.waitForURL((url) => !url.search)

      // the order's confirmation: body, timeline, links to order and customer
      const { messages } = await http.get(`/admin/messaging/messages?order_id=${orderId}`, admin)
      const confirmation = messages[0]
      await page.goto(`${app.url}/app/messaging/messages/${confirmation.id}`)
      await page.locator('[data-testid="message-timeline"]').waitFor({ timeout: 60_000 })
      expect(await text(page, "message-body")).toBe(confirmation.body)
      const steps = await page.locator('[data-testid="message-timeline-step"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-step")))
      expect(steps).toEqual(["created", "sent", "delivered"])
      expect(await text(page, "message-segments")).toBe(`${confirmation.segments} segment${confirmation.segments === 1 ? "" : "s"} (${confirmation.encoding})`)
      expect(await text(page, "message-provider")).toBe("sandbox")
      expect(await text(page, "message-provider-id")).toBe(confirmation.provider_message_id)
      expect(await text(page, "message-cost")).toBe(await money(page, confirmation.cost_amount, "EUR", "en"))
      expect(await page.getAttribute('[data-testid="message-order-link"]', "href")).toBe(`/app/orders/${orderId}`)
      expect(await page.getAttribute('[data-testid="message-customer-link"]', "href")).toBe(`/app/customers/${confirmation.customer_id}`)
      expect(await page.locator('[data-testid="message-resend"]').count()).toBe(0)
      await shot(page, "3-message")

      // the failed one: its reason, and Resend after a confirmation
      await page.goto(`${app.url}/app/messaging/messages/${failedId}`)
      await page.locator('[data-testid="message-timeline"]').waitFor({ timeout: 60_000 })
      const failedSteps = await page.locator('[data-testid="message-timeline-step"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-step")))
      expect(failedSteps).toEqual(["created", "failed"])
      expect(await text(page, "message-status-reason")).toBe("SBX_INVALID_DESTINATION: sandbox: the destination cannot receive messages")
      await page.locator('[data-testid="message-resend"]').click()
      await page.getByRole("alertdialog").waitFor()
      expect(await page.getByRole("alertdialog").innerText()).toContain(`A new message with the same text goes to ${FAILING_PHONE} on SMS`)
      await shot(page, "4-resend-confirm")
      await page.locator('[data-testid="message-resend-confirm"]').click()
      await page.waitForURL((url) => url.pathname.startsWith("/app/messaging/messages/") && !url.pathname.endsWith(failedId))
      const newId = page.url().split("/").pop()!.split("?")[0]
      await page.locator('[data-testid="message-resend-of"]').waitFor()
      expect(await text(page, "message-resend-of")).toBe(failedId)
      const { message: resent } = await http.get(`/admin/messaging/messages/${newId}`, admin)
      const { message: original } = await http.get(`/admin/messaging/messages/${failedId}`, admin)
      expect(resent).toMatchObject({ body: original.body, to: FAILING_PHONE, channel: original.channel, purpose: "transactional" })
      // the same number is refused again by the gateway: the new message fails in turn, shown as such
      await eventually(() => text(page, "message-timeline-now"), (s) => s.includes("failed"), "the resent message's own status")
      await shot(page, "5-resent")

    } finally {
      await page.close()
    }
  })

  it("speaks French when the admin does (dark theme): overview, Messages and a message", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    try {
      await setAdminLanguage(page, app.url, "fr")
      await setAdminTheme(page, "dark")
      await page.goto(`${app.url}/app/messaging`)
      await page.locator('[data-testid="overview-tiles"]').waitFor({ timeout: 120_000 })
      expect(await text(page, "overview-sent-today")).toContain("Envoyés aujourd'hui")
      expect(await text(page, "overview-opt-outs")).toContain("Désinscriptions cette semaine")
      expect(await text(page, "overview-next-campaign-at")).toBe(`départ le ${await parisTime(page, "2031-01-14T09:00:00Z", "fr")} (Europe/Paris)`)
      expect(await text(page, "overview-next-campaign-at")).toContain("10:00")
      expect(await text(page, "overview-provider-status")).toBe("Connecté")
      await shot(page, "1-overview-fr-dark")

      await page.goto(`${app.url}/app/messaging/messages?status=failed`)
      await page.locator('[data-testid="messages-table"]').waitFor({ timeout: 60_000 })
      expect((await page.locator('[data-testid="messages-table"] th').allInnerTexts()).map((s) => s.trim())).toEqual(["Créé le", "Téléphone", "Canal", "Modèle", "Texte", "Statut", "Segments", "Coût"])
      expect((await page.locator('[data-testid="messages-row"] [data-testid="sms-rcs-status"]').first().innerText()).trim()).toBe("échec")
      await shot(page, "2-list-fr-dark")

      await page.goto(`${app.url}/app/messaging/messages/${failedId}`)
      await page.locator('[data-testid="message-timeline"]').waitFor({ timeout: 60_000 })
      expect(await page.locator('[data-testid="sms-rcs-message-page"]').innerText()).toContain("Historique du statut")
      expect(await text(page, "message-resend")).toBe("Renvoyer")
      await shot(page, "3-message-fr-dark")

      // the order page's widgets, in French
      await page.goto(`${app.url}/app/orders/${orderId}`)
      const widget = page.locator('[data-testid="sms-rcs-order-messages"]')
      await widget.locator('[data-testid="sms-rcs-message"]').first().waitFor({ timeout: 120_000 })
      expect(await widget.innerText()).toContain("SMS et RCS")
      expect((await widget.locator('[data-testid="sms-rcs-status"]').first().innerText()).trim()).toBe("distribué")
      const attribution = page.locator('[data-testid="sms-rcs-order-attribution"]')
      await attribution.locator('[data-testid="attribution-timeline"]').waitFor({ timeout: 60_000 })
      expect(await attribution.innerText()).toContain("Attribution aux messages")
      expect(await attribution.innerText()).toContain("Messages du client")
      await shot(page, "6-order-widgets-fr-dark")
    } finally {
      await page.close()
    }
  })

  it("says so when the server fails, instead of showing zeros or an empty list", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    try {
      const fail = (route: any) => route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ message: "database unavailable" }) })
      await page.route("**/admin/messaging/overview*", fail)
      await page.route("**/admin/messaging/messages?*", fail)
      await page.goto(`${app.url}/app/messaging`)
      await page.locator('[data-testid="overview-error"]').waitFor({ timeout: 120_000 })
      expect(await text(page, "overview-error")).toContain("Could not load the figures")
      expect(await page.locator('[data-testid="overview-tiles"]').count()).toBe(0)

      await page.goto(`${app.url}/app/messaging/messages`)
      await page.locator('[data-testid="messages-error"]').waitFor({ timeout: 60_000 })
      expect(await text(page, "messages-error")).toContain("Could not load the messages")
      expect(await page.locator('[data-testid="messages-empty"]').count()).toBe(0)
      await shot(page, "7-error")
    } finally {
      await page.close()
    }
  })
})
