import fs from "fs"
import path from "path"
import { Client } from "pg"
import type { Browser, Page } from "playwright-core"
import { atLocalTime } from "../../src/lib/sending-rules/local-time"
import { httpClient, prepareApp, type RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, recordFailedRequests, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp } from "../helpers/browser-app"
import { databaseUrl } from "../helpers/services"
import { fillCart, placeOrder } from "../helpers/storefront"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(600_000)

// its own database, queues and port range (11100+): see browserSpecPlace
const place = browserSpecPlace("analytics", 11100)

const TRACKING_BASE_URL = "https://go.maison-demo.test"
const PHONE = "+33 6 20 30 40 60"
const PHONE_E164 = "+33620304060"
const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"

/** A CSV line split on commas (the analytics CSV quotes nothing in this test: no comma in its values). */
const cells = (line: string) => line.split(",")

/** Intl's French numbers hold narrow and plain no-break spaces: compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ")

/** The Paris calendar day `days` days before today, and the day after it (`YYYY-MM-DD`). */
function parisDays(daysAgo: number) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date())
  const day = new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10)
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  return { day, next }
}

/**
 * The dashboard's Inter font has loaded and no request of the page failed (a status of 400 or more, or
 * no answer): the admin renders as in a real install, not in a fallback font after a 403.
 */
async function expectLoadedAsInstalled(page: Page, failures: string[]) {
  await page.evaluate(() => document.fonts.ready)
  const inter = await page.evaluate(() => [...document.fonts].filter((f) => /inter/i.test(f.family)).map((f) => f.status))
  expect(inter.length).toBeGreaterThan(0)
  expect(inter).toContain("loaded")
  expect(inter).not.toContain("error")
  expect(failures).toEqual([])
}

describe("admin: click-to-order analytics and the order's attribution", () => {
  let app: RunningApp
  let browser: Browser
  let store: ReturnType<typeof prepareApp>
  let admin: { authorization: string }
  let http: ReturnType<typeof httpClient>

  const logIn = (height = 1400) => logInToAdmin(browser, app.url, store.admin, height, { acceptDownloads: true })

  /** A money amount as the dashboard's browser formats it, to compare with what a tile shows. */
  const money = (page: Page, amount: number, currency: string) =>
    page.evaluate(
      ([a, c]) => new Intl.NumberFormat(undefined, { style: "currency", currency: c as string, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(a as number),
      [amount, currency] as const
    )

  beforeAll(async () => {
    ;({ app, browser, store, http, admin } = await startBrowserApp(place, {
      // tracked links on (the reminder's link becomes https://go.maison-demo.test/r/CODE), quiet hours off
      SMS_RCS_TRACKING_BASE_URL: TRACKING_BASE_URL,
      SMS_RCS_QUIET_HOURS: "off",
      // the store's zone: the page counts its days in Paris
      SMS_RCS_DEFAULT_TIME_ZONE: "Europe/Paris",
    }))
  })

  afterAll(async () => {
    await stopBrowserApp(place, { app, browser })
  })

  // Filled by the first test, read by the next ones.
  let order: { id: string; total: number; currency_code: string }
  let reminder: { id: string; body: string }
  let confirmation: { id: string }

  it("credits an order to the abandoned-cart SMS whose tracked link was tapped (through the APIs)", async () => {
    const storeHeaders = { "x-publishable-api-key": store.publishable_key }
    await http.post(
      "/admin/messaging/consents",
      { phone: PHONE, purpose: "marketing", action: "grant", note: "Loyalty card form signed in the shop" },
      admin
    )
    await http.post("/admin/messaging/automations/abandoned_cart", { delay_minutes: 0 }, admin)

    const cart = await fillCart(http, {
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email: "clicker@example.com",
      customer: { first_name: "Camille" },
      phone: PHONE,
    })

    // the cart's events reach the plugin asynchronously: run the pass until it has the cart
    const pass = await waitFor(
      async () => {
        const { run: result } = await http.post("/admin/messaging/automations/abandoned_cart/run", {}, admin)
        return result.reminded === 1 ? result : undefined
      },
      { attempts: 60, intervalMs: 500, what: "the abandoned-cart pass to remind the cart" }
    )
    expect(pass.reminded).toBe(1)

    reminder = await waitFor(
      async () => {
        const { messages } = await http.get(`/admin/messaging/messages?cart_id=${cart.id}`, admin)
        return messages[0]?.status === "delivered" ? messages[0] : undefined
      },
      { what: "the reminder to be delivered" }
    )
    expect(reminder).toMatchObject({ channel: "sms", purpose: "marketing", template_key: "abandoned_cart", to: PHONE_E164 })
    const link = reminder.body.match(/https:\/\/go\.maison-demo\.test\/r\/([0-9A-Za-z]+)/)
    expect(link).not.toBeNull()
    const code = link![1]

    // the shopper taps the link on their phone: the app redirects to the cart with the code
    const tap = await fetch(`${app.url}/r/${code}`, { redirect: "manual", headers: { "user-agent": PHONE_UA } })
    expect(tap.status).toBe(302)
    const location = new URL(tap.headers.get("location")!)
    expect(location.searchParams.get("sms_rcs_ref")).toBe(code)
    // the click is written after the redirect answered: wait until the analytics count it
    await waitFor(
      async () => {
        const report = await http.get("/admin/messaging/analytics?group_by=channel", admin)
        return report.totals.clicks === 1 ? report : undefined
      },
      { what: "the click to be recorded" }
    )

    // the storefront puts the code on the cart, and the shopper pays
    const attached = await http.post("/store/messaging/attribution", { cart_id: cart.id, code }, storeHeaders)
    expect(attached).toMatchObject({ cart_id: cart.id, code, message_id: reminder.id })
    const { payment_collection } = await http.post("/store/payment-collections", { cart_id: cart.id }, storeHeaders)
    await http.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, storeHeaders)
    const completed = await http.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders)
    expect(completed.type).toBe("order")
    order = { id: completed.order.id, total: Number(completed.order.total), currency_code: completed.order.currency_code }
    expect(order.total).toBeGreaterThan(0)

    const credit = await waitFor(
      async () => {
        const data = await http.get(`/admin/messaging/attribution?order_id=${order.id}`, admin)
        return data.attribution ? data : undefined
      },
      { what: "the order's attribution" }
    )
    expect(credit.attribution).toMatchObject({ message_id: reminder.id, channel: "sms", touch_type: "click", automation: "abandoned_cart" })
    expect(Number(credit.attribution.order_total)).toBe(order.total)

    // the order confirmation goes out too; wait for it so the totals below hold still
    confirmation = await waitFor(
      async () => {
        const { messages } = await http.get(`/admin/messaging/messages?order_id=${order.id}`, admin)
        return messages[0]?.status === "delivered" ? messages[0] : undefined
      },
      { what: "the order confirmation to be delivered" }
    )

    // the owner tries the provider from the providers page: a test send, in no figure of the analytics
    const { message: test } = await http.post("/admin/messaging/providers/test-send", { phone: "+33 6 20 30 40 99", channel: "sms" }, admin)
    await waitFor(
      async () => ((await http.get(`/admin/messaging/messages/${test.id}`, admin)).message?.status === "delivered" ? true : undefined),
      { what: "the test send to be delivered" }
    )
    const report = await http.get("/admin/messaging/analytics?group_by=channel", admin)
    expect(report).toMatchObject({ time_zone: "Europe/Paris", test_messages: 1, totals: { sent: 2 } })
  })

  it("shows the order's revenue, SMS against RCS, a chart per day and a CSV on the Analytics page", async () => {
    const page = await logIn(2200)
    const failures = recordFailedRequests(page)
    await page.goto(`${app.url}/app/settings/sms-rcs`)
    await page.locator('[data-testid="sms-rcs-link-analytics"]').click({ timeout: 120_000 })
    await page.waitForURL((url) => url.pathname.endsWith("/messaging/analytics"))

    const kpis = page.locator('[data-testid="analytics-kpis"]')
    const tile = (key: string) => kpis.locator(`[data-testid="kpi-${key}"]`)
    // the tiles hold the API's numbers once the report arrived
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-orders"]')?.getAttribute("data-value") === "1", null, {
      timeout: 120_000,
    })
    expect(await tile("orders").locator('[data-testid="kpi-value"]').innerText()).toBe("1")
    expect(Number(await tile("revenue").getAttribute("data-value"))).toBe(order.total)
    expect(await tile("revenue").locator('[data-testid="kpi-value"]').innerText()).toBe(await money(page, order.total, "EUR"))
    // the reminder and the order confirmation, both delivered; one click on the reminder
    expect(await tile("sent").getAttribute("data-value")).toBe("2")
    expect(await tile("delivered").getAttribute("data-value")).toBe("2")
    expect(await tile("clicks").getAttribute("data-value")).toBe("1")
    expect(await tile("ctr").locator('[data-testid="kpi-value"]').innerText()).toMatch(/^50(\.0)?\s?%$/)
    expect(Number(await tile("cost").getAttribute("data-value"))).toBeGreaterThan(0)
    expect(Number(await tile("roi").getAttribute("data-value"))).toBeGreaterThan(0)
    // money in cents, not "€7.8429 per message"; ROI a signed percentage with at most one decimal
    expect(await tile("cost").locator('[data-testid="kpi-value"]').innerText()).toMatch(/^€\d+\.\d{2}$/)
    expect(await tile("revenue").locator('[data-testid="kpi-hint"]').innerText()).toBe(`${await money(page, order.total / 2, "EUR")} per message`)
    const roi = Number(await tile("roi").getAttribute("data-value"))
    expect(await tile("roi").locator('[data-testid="kpi-value"]').innerText()).toBe(
      await page.evaluate((r) => new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(r), roi)
    )
    expect(await tile("roi").locator('[data-testid="kpi-value"]').innerText()).toMatch(/^\+[\d,]+(\.\d)?%$/)
    // the provider's test send is counted apart, not in the tiles
    expect(await page.locator('[data-testid="analytics-test-messages"]').innerText()).toBe(
      "1 test message not counted (test sends from the providers page and the template editor)."
    )
    // the days are the store's, and the page says so
    expect(await page.locator('[data-testid="analytics-period-hint"]').innerText()).toContain("Days run midnight to midnight in Europe/Paris, the store's time zone.")

    // SMS and RCS side by side: the SMS row holds the order, the RCS row nothing
    const smsRow = page.locator('[data-testid="analytics-channel-row"][data-channel="sms"]')
    const rcsRow = page.locator('[data-testid="analytics-channel-row"][data-channel="rcs"]')
    expect(await smsRow.locator('[data-testid="cell-sent"]').innerText()).toBe("2")
    expect(await smsRow.locator('[data-testid="cell-orders"]').innerText()).toBe("1")
    expect(Number(await smsRow.locator('[data-testid="cell-revenue"]').getAttribute("data-value"))).toBe(order.total)
    expect(await smsRow.locator('[data-testid="cell-revenue"]').innerText()).toBe(await money(page, order.total, "EUR"))
    expect(await rcsRow.locator('[data-testid="cell-sent"]').innerText()).toBe("0")
    expect(await rcsRow.locator('[data-testid="cell-orders"]').innerText()).toBe("0")
    // no revenue, no cost: no ROI to speak of
    expect(await rcsRow.locator('[data-testid="cell-roi"]').innerText()).toBe("—")
    expect(await smsRow.locator('[data-testid="cell-cost"]').innerText()).toMatch(/^€\d+\.\d{2}$/)
    expect(await smsRow.locator('[data-testid="cell-roi"]').innerText()).toBe(await tile("roi").locator('[data-testid="kpi-value"]').innerText())
    // the rate bars: one series per channel
    expect(await page.locator('[data-testid="analytics-channel-bars"] svg .recharts-bar').count()).toBe(2)

    // the charts per day: an SVG with one line per channel, the revenue line adding up to the order
    const revenueChart = page.locator('[data-testid="analytics-chart-revenue"]')
    await revenueChart.locator("svg .recharts-line-curve").first().waitFor({ timeout: 60_000 })
    expect(await revenueChart.locator("svg .recharts-line").count()).toBe(2)
    expect(Number(await revenueChart.getAttribute("data-total"))).toBe(order.total)
    const curves = await revenueChart.locator("svg path.recharts-line-curve").evaluateAll((paths) => paths.map((p) => p.getAttribute("d") ?? ""))
    expect(curves).toHaveLength(2)
    for (const d of curves) expect(d).toMatch(/^M[\d.]+,[\d.]+/)
    expect(await revenueChart.locator(".recharts-legend-item").allInnerTexts()).toEqual(["SMS", "RCS"])
    expect(Number(await page.locator('[data-testid="analytics-chart-clicks"]').getAttribute("data-total"))).toBe(1)

    // top templates and automations: the reminder's template brought the revenue
    const topTemplate = page.locator('[data-testid="analytics-templates"] [data-testid="analytics-breakdown-row"]').first()
    expect(await topTemplate.getAttribute("data-key")).toBe("abandoned_cart")
    expect(Number(await topTemplate.locator('[data-testid="cell-revenue"]').getAttribute("data-value"))).toBe(order.total)
    const automation = page.locator('[data-testid="analytics-automations"] [data-testid="analytics-breakdown-row"][data-key="abandoned_cart"]')
    expect(await automation.locator('[data-testid="cell-orders"]').innerText()).toBe("1")
    // the order confirmation cost money and sold nothing: "—", not "−100 %"
    const confirmationRow = page.locator('[data-testid="analytics-templates"] [data-testid="analytics-breakdown-row"][data-key="order_confirmation"]')
    expect(await confirmationRow.locator('[data-testid="cell-roi"]').innerText()).toBe("—")
    expect(await confirmationRow.locator('[data-testid="cell-cost"]').innerText()).toMatch(/^€\d+\.\d{2}$/)
    expect(await page.locator('[data-testid="analytics-campaigns"] [data-testid="analytics-breakdown-row"]').count()).toBeGreaterThan(0)

    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "analytics-page.png"), fullPage: true })

    // Download CSV (by channel): the file the browser saves is the API's CSV for the period
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.locator('[data-testid="analytics-download-csv"]').click()])
    expect(download.suggestedFilename()).toMatch(/^sms-rcs-analytics-by-channel-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/)
    const saved = path.join(ARTIFACTS_DIR, "analytics-by-channel.csv")
    await download.saveAs(saved)
    const lines = fs.readFileSync(saved, "utf8").trim().split("\n")
    const header = cells(lines[0])
    expect(header.slice(0, 2)).toEqual(["channel", "sent"])
    // raw numbers, each header with its unit; ROI in percent as on the page
    expect(header).toEqual(expect.arrayContaining(["revenue (EUR)", "cost (EUR)", "ctr (%)", "roi (%)"]))
    const sms = Object.fromEntries(cells(lines.find((l) => l.startsWith("sms,"))!).map((v, i) => [header[i], v]))
    expect(sms).toMatchObject({ sent: "2", delivered: "2", clicks: "1", orders: "1", "ctr (%)": "50" })
    expect(Number(sms["revenue (EUR)"])).toBe(order.total)
    expect(Number(sms["roi (%)"])).toBeCloseTo(roi * 100, 2)

    // the period filter: 7 days keeps the order; a month long ago has nothing
    await page.locator('[data-testid="analytics-preset-7"]').click()
    await page.waitForURL((url) => url.searchParams.get("days") === "7")
    await page.waitForFunction(() => document.querySelector('[data-testid="analytics-preset-7"]')?.getAttribute("aria-pressed") === "true")
    expect(await page.locator('[data-testid="analytics-preset-30"]').getAttribute("aria-pressed")).toBe("false")
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-orders"]')?.getAttribute("data-value") === "1")
    await page.locator('[data-testid="analytics-from"]').fill("2020-01-01")
    await page.locator('[data-testid="analytics-to"]').fill("2020-01-31")
    await page.waitForURL((url) => url.searchParams.get("from") === "2020-01-01" && url.searchParams.get("to") === "2020-01-31")
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-sent"]')?.getAttribute("data-value") === "0")
    expect(await tile("orders").getAttribute("data-value")).toBe("0")
    expect(await page.locator('[data-testid="analytics-templates"]').innerText()).toContain("No message was sent in this period.")
    // 31 days on the axis, each at zero
    expect(Number(await revenueChart.getAttribute("data-total"))).toBe(0)
    await expectLoadedAsInstalled(page, failures)
    await page.close()
  })

  it("shows the SMS, the click and the customer's texts on the order page, and no message for an order none drove", async () => {
    const page = await logIn(1600)
    await page.goto(`${app.url}/app/orders/${order.id}`)
    const widget = page.locator('[data-testid="sms-rcs-order-attribution"]')
    const credit = widget.locator('[data-testid="attribution-credit"]')
    await credit.waitFor({ timeout: 120_000 })

    expect(await credit.getAttribute("data-message-id")).toBe(reminder.id)
    expect(await credit.locator('[data-testid="channel-badge"]').innerText()).toBe("SMS")
    expect(await credit.locator('[data-testid="attribution-touch"]').innerText()).toBe("click")
    expect(await credit.innerText()).toContain("The shopper tapped a tracked link.")
    expect(await credit.locator('[data-testid="attribution-template"]').innerText()).toBe("abandoned_cart")
    expect(await credit.locator('[data-testid="attribution-automation"]').innerText()).toBe("abandoned_cart")
    expect(await credit.locator('[data-testid="attribution-message-body"]').innerText()).toBe(reminder.body)
    expect(await credit.locator('[data-testid="attribution-total"]').innerText()).toBe(await money(page, order.total, "EUR"))
    expect(await credit.locator('[data-testid="attribution-model"]').innerText()).toBe(
      "Model last_touch_v1 · this touch counts for 120 h · windows: click 120 h, read 24 h, delivery 24 h"
    )

    // the customer's timeline: the order confirmation (newest), then the credited reminder
    const items = widget.locator('[data-testid="attribution-timeline-item"]')
    await items.nth(1).waitFor({ timeout: 60_000 })
    expect(await items.count()).toBe(2)
    expect(await items.nth(0).innerText()).toContain("order_confirmation")
    expect(await items.nth(0).innerText()).toContain("after the order")
    expect(await items.nth(0).getAttribute("data-credited")).toBe("false")
    expect(await items.nth(1).getAttribute("data-message-id")).toBe(reminder.id)
    expect(await items.nth(1).getAttribute("data-credited")).toBe("true")
    expect(await items.nth(1).innerText()).toContain("abandoned_cart")
    for (const i of [0, 1]) {
      expect(await items.nth(i).locator('[data-testid="channel-badge"]').innerText()).toBe("SMS")
      expect(await items.nth(i).locator('[data-testid="sms-rcs-status"]').innerText()).toBe("delivered")
    }

    await widget.scrollIntoViewIfNeeded()
    await widget.screenshot({ path: path.join(ARTIFACTS_DIR, "order-attribution-widget.png") })

    // an order from a phone no message reached
    const other = await placeOrder(http, {
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email: "walk-in@example.com",
      phone: "+33 6 99 99 99 03",
    })
    // order.placed handled (its confirmation is out), and still no credit
    await waitFor(
      async () => {
        const { messages } = await http.get(`/admin/messaging/messages?order_id=${other.id}`, admin)
        return messages[0]?.status === "delivered" ? true : undefined
      },
      { what: "the other order's confirmation" }
    )
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect((await http.get(`/admin/messaging/attribution?order_id=${other.id}`, admin)).attribution).toBeNull()
    await page.goto(`${app.url}/app/orders/${other.id}`)
    const none = page.locator('[data-testid="sms-rcs-order-attribution"] [data-testid="attribution-none"]')
    await none.waitFor({ timeout: 120_000 })
    expect(await none.innerText()).toBe("No message drove this order.")
    await page.close()
  })

  it("counts a text sent at 23:30 in Paris on the Paris day, and one at 00:30 on the next (days of the store's zone)", async () => {
    // the reminder at 23:30 Paris time on a day of this month, the confirmation at 00:30 the next day
    // (23:30Z the evening before: a UTC report would count both on the first day)
    const { day, next } = parisDays(3)
    const [y, m, d] = day.split("-").map(Number)
    const lateEvening = atLocalTime(y, m, d, 23, 30, "Europe/Paris")
    const pastMidnight = new Date(lateEvening.getTime() + 3_600_000)
    const db = new Client({ connectionString: databaseUrl(place.dbName) })
    await db.connect()
    try {
      await db.query(`UPDATE sms_rcs_message SET sent_at = $1 WHERE id = $2`, [lateEvening, reminder.id])
      await db.query(`UPDATE sms_rcs_message SET sent_at = $1 WHERE id = $2`, [pastMidnight, confirmation.id])
    } finally {
      await db.end()
    }

    const page = await logIn(2200)
    const failures = recordFailedRequests(page)
    const sentOn = async (from: string, to: string) => {
      await page.goto(`${app.url}/app/messaging/analytics?from=${from}&to=${to}`)
      await page.locator('[data-testid="analytics-period-hint"]').waitFor({ timeout: 120_000 })
      await page.waitForFunction(() => document.querySelector('[data-testid="kpi-sent"]')?.getAttribute("data-value") !== "", null, { timeout: 60_000 })
      return { sent: await page.locator('[data-testid="kpi-sent"]').getAttribute("data-value"), orders: await page.locator('[data-testid="kpi-orders"]').getAttribute("data-value") }
    }
    // the Paris day of 23:30 holds the reminder (and its order); the next Paris day the 00:30 confirmation
    expect(await sentOn(day, day)).toEqual({ sent: "1", orders: "1" })
    expect(await sentOn(next, next)).toEqual({ sent: "1", orders: "0" })
    expect(await sentOn(day, next)).toEqual({ sent: "2", orders: "1" })
    // the revenue chart puts the order on the Paris day of the reminder
    const revenueChart = page.locator('[data-testid="analytics-chart-revenue"]')
    await revenueChart.locator("svg .recharts-line-curve").first().waitFor({ timeout: 60_000 })
    await page.waitForFunction((total) => Number(document.querySelector('[data-testid="analytics-chart-revenue"]')?.getAttribute("data-total")) === total, order.total, { timeout: 60_000 })
    expect(Number(await revenueChart.getAttribute("data-total"))).toBe(order.total)
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "analytics-page-paris-days.png"), fullPage: true })

    // the same page in French, light then dark: words, money and ROI as a French shop owner reads them
    await setAdminLanguage(page, app.url, "fr")
    await page.goto(`${app.url}/app/messaging/analytics?days=30`)
    const heading = page.locator('[data-testid="sms-rcs-analytics-page"] h1')
    await heading.waitFor({ timeout: 120_000 })
    expect(await heading.innerText()).toBe("Statistiques SMS & RCS")
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-orders"]')?.getAttribute("data-value") === "1", null, { timeout: 60_000 })
    const kpis = page.locator('[data-testid="analytics-kpis"]')
    expect(await kpis.locator('[data-testid="kpi-revenue"] [data-testid="kpi-value"]').innerText()).toBe(
      await page.evaluate((a) => new Intl.NumberFormat("fr", { style: "currency", currency: "EUR" }).format(a), order.total)
    )
    expect(plain(await kpis.locator('[data-testid="kpi-roi"] [data-testid="kpi-value"]').innerText())).toMatch(/^\+[\d ]+(,\d)? %$/)
    expect(await page.locator('[data-testid="analytics-test-messages"]').innerText()).toBe(
      "1 message de test non compté (envois de test depuis la page des fournisseurs et l'éditeur de modèles)."
    )
    expect(await page.locator('[data-testid="analytics-period-hint"]').innerText()).toContain("Les jours vont de minuit à minuit en Europe/Paris")
    expect(await page.locator('[data-testid="analytics-channel-row"][data-channel="rcs"] [data-testid="cell-roi"]').innerText()).toBe("—")
    expect(await page.locator('[data-testid="analytics-preset-month"]').innerText()).toBe("Ce mois-ci")
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "analytics-page-fr.png"), fullPage: true })
    await setAdminTheme(page, "dark")
    await page.reload()
    await heading.waitFor({ timeout: 120_000 })
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-orders"]')?.getAttribute("data-value") === "1", null, { timeout: 60_000 })
    await page.locator('[data-testid="analytics-chart-revenue"] svg .recharts-line-curve').first().waitFor({ timeout: 60_000 })
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "analytics-page-fr-dark.png"), fullPage: true })

    await expectLoadedAsInstalled(page, failures)
    await page.close()
  })

  it("shows the incrementality of an automation with a holdout, and 'not enough data yet' for a small one", async () => {
    // a seeded history: win_back texted 40 recipients and held out 30; 10 treated and 3 held-out ones bought
    // for €60 each. welcome: 6 and 3, too few for a verdict.
    const db = new Client({ connectionString: databaseUrl(place.dbName) })
    await db.connect()
    try {
      await db.query(
        `INSERT INTO sms_rcs_message (id, "to", purpose, channel, status, status_reason, idempotency_key, automation, template_key, sent_at, created_at)
         SELECT 'msg_inc_' || g, '+3367000' || lpad(g::text, 4, '0'), 'marketing', 'sms',
                CASE WHEN g <= 30 OR g > 76 THEN 'held_out' ELSE 'delivered' END,
                CASE WHEN g <= 30 OR g > 76 THEN 'holdout: seeded' END,
                'inc:' || g, CASE WHEN g <= 70 THEN 'win_back' ELSE 'welcome' END, 'win_back',
                CASE WHEN g <= 30 OR g > 76 THEN NULL ELSE now() - interval '2 hours' END, now() - interval '2 hours'
           FROM generate_series(1, 79) g`
      )
      await db.query(
        `INSERT INTO sms_rcs_recipient_order (id, message_id, order_id, order_total, currency_code, placed_at)
         SELECT 'smsrord_inc_' || g, 'msg_inc_' || g, 'order_inc_' || g, 60, 'eur', now() - interval '1 hour'
           FROM generate_series(1, 70) g WHERE (g > 30 AND g % 4 = 0) OR (g <= 30 AND g % 10 = 0)`
      )
    } finally {
      await db.end()
    }

    const page = await logIn(2400)
    await setAdminLanguage(page, app.url, "en")
    await page.goto(`${app.url}/app/messaging/analytics`)
    const table = page.locator('[data-testid="analytics-incrementality"]')
    await table.locator("h2").waitFor({ timeout: 120_000 })
    expect(await table.locator("h2").innerText()).toBe("Incrementality")
    const row = table.locator('[data-testid="incrementality-row"][data-key="win_back"][data-channel="all"]')
    await row.waitFor({ timeout: 60_000 })
    expect(await row.getAttribute("data-status")).toBe("enough_data")
    expect(await row.locator('[data-testid="cell-recipients"]').innerText()).toBe("40 / 30")
    expect(await row.locator('[data-testid="cell-conversion"]').innerText()).toBe("25% / 10%")
    // (€15 − €6 per recipient) × 40 texted recipients
    expect(Number(await row.locator('[data-testid="cell-incremental"]').getAttribute("data-value"))).toBe(360)
    expect(await row.locator('[data-testid="cell-incremental"]').innerText()).toContain(await money(page, 360, "EUR"))
    expect(await row.locator('[data-testid="cell-incremental"]').innerText()).toMatch(/95 %: .+ to .+/)
    expect(await row.locator('[data-testid="cell-lift"]').innerText()).toMatch(/^150%\s+p = 0\.\d+$/)
    const small = table.locator('[data-testid="incrementality-row"][data-key="welcome"][data-channel="all"]')
    expect(await small.getAttribute("data-status")).toBe("not_enough_data")
    expect(await small.locator('[data-testid="incrementality-not-enough"]').innerText()).toBe("Not enough data yet")
    await table.screenshot({ path: path.join(ARTIFACTS_DIR, "analytics-incrementality.png") })

    await setAdminLanguage(page, app.url, "fr")
    await page.reload()
    await table.locator("h2").waitFor({ timeout: 120_000 })
    expect(await table.locator("h2").innerText()).toBe("Incrémentalité")
    await small.waitFor({ timeout: 60_000 })
    expect(await small.locator('[data-testid="incrementality-not-enough"]').innerText()).toBe("Pas encore assez de données")
    await page.close()
  })
})
