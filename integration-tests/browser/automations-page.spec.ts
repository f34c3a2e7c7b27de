import path from "path"
import { Client } from "pg"
import type { Browser, Locator, Page } from "playwright-core"
import { httpClient, prepareApp, type RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp } from "../helpers/browser-app"
import { databaseUrl } from "../helpers/services"
import { eventually } from "../helpers/wait-for"

jest.setTimeout(600_000)

// its own database, queues and port range (14400+): see browserSpecPlace
const place = browserSpecPlace("automations", 14400)

const text = (locator: Locator) => locator.innerText()
const DAY = 86_400_000

/** A message row as the automation would have left it, straight into the app's database. */
async function seedMessage(db: Client, automation: string, sentAt: Date | null, n: number) {
  await db.query(
    `INSERT INTO sms_rcs_message (id, "to", channel, purpose, template_key, status, idempotency_key, automation, sent_at, segments)
     VALUES ($1, '+33612345678', 'sms', 'transactional', $2, $3, $4, $5, $6, 1)`,
    [`msg_autospec_${automation}_${n}`, automation, sentAt ? "delivered" : "queued", `autospec:${automation}:${n}`, automation, sentAt]
  )
}

/** A time as the page formats it: the admin's language, the store's zone, the zone named after it. */
const formatted = (page: Page, iso: string, locale: string, timeZone: string) =>
  page.evaluate(
    ([value, lng, zone]) => {
      const f = new Intl.DateTimeFormat(lng, { dateStyle: "medium", timeStyle: "short", timeZone: zone })
      return `${f.format(new Date(value))} (${f.resolvedOptions().timeZone})`
    },
    [iso, locale, timeZone] as const
  )

describe("admin settings: SMS & RCS automations", () => {
  let app: RunningApp
  let browser: Browser
  let store: ReturnType<typeof prepareApp>
  let admin: { authorization: string }
  let db: Client
  let latest: Date

  beforeAll(async () => {
    ;({ app, browser, store, admin } = await startBrowserApp(place))
    db = new Client({ connectionString: databaseUrl(place.dbName) })
    await db.connect()
    // order_placed: 3 texts in the last 30 days (the newest a few seconds ago), one 40 days ago, one still
    // queued (not sent: not counted); abandoned_cart: one 45 days ago only (0 in 30 days, but a last send).
    latest = new Date(Date.now() - 5_000)
    await seedMessage(db, "order_placed", latest, 1)
    await seedMessage(db, "order_placed", new Date(Date.now() - 2 * DAY), 2)
    await seedMessage(db, "order_placed", new Date(Date.now() - 29 * DAY), 3)
    await seedMessage(db, "order_placed", new Date(Date.now() - 40 * DAY), 4)
    await seedMessage(db, "order_placed", null, 5)
    await seedMessage(db, "abandoned_cart", new Date(Date.now() - 45 * DAY), 6)
  })

  afterAll(async () => {
    await db?.end()
    await stopBrowserApp(place, { app, browser })
  })

  it("shows each automation by name, with texts sent in 30 days and the last one in the store's zone", async () => {
    const http = httpClient(app.url)
    const { automations } = await http.get("/admin/messaging/automations", admin)
    const { time_zone: zone } = await http.get("/admin/messaging/settings", admin)
    const placed = automations.find((a: any) => a.key === "order_placed")
    const cart = automations.find((a: any) => a.key === "abandoned_cart")
    // the seed store may have sent order confirmations of its own: counted on top of ours
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM sms_rcs_message WHERE automation = 'order_placed' AND sent_at >= now() - interval '30 days' AND id NOT LIKE 'msg_autospec_%'`
    )
    expect(placed.sent_last_30_days).toBe(rows[0].n + 3)
    expect(new Date(placed.last_sent_at).getTime()).toBeGreaterThanOrEqual(latest.getTime() - 1)
    expect(cart).toMatchObject({ sent_last_30_days: 0 })
    expect(new Date(cart.last_sent_at).getTime()).toBeLessThan(Date.now() - 44 * DAY)
    expect(automations.find((a: any) => a.key === "win_back")).toMatchObject({ sent_last_30_days: 0, last_sent_at: null })

    const page = await logInToAdmin(browser, app.url, store.admin, 1300)
    await page.goto(`${app.url}/app/settings/sms-rcs/automations`)
    const row = page.locator('[data-testid="automation-row"][data-key="order_placed"]')
    await row.waitFor({ timeout: 120_000 })
    expect(await page.locator('[data-testid="automation-row"]').count()).toBe(automations.length)

    // human labels, not "order_placed on order.placed"
    expect(await text(row.locator('[data-testid="automation-label"]'))).toBe("Order confirmation — when an order is placed")
    expect(await text(row.locator('[data-testid="automation-template"]'))).toBe("Order confirmation")
    expect(await text(row.locator('[data-testid="automation-trigger"]'))).toBe("order.placed")
    expect(await text(row.locator('[data-testid="automation-sent"]'))).toBe(String(placed.sent_last_30_days))
    const lastSent = await formatted(page, placed.last_sent_at, "en", zone)
    await eventually(() => text(row.locator('[data-testid="automation-last-sent"]')), (t) => t === lastSent, "the last send in the store's zone")
    expect(await text(row.locator('[data-testid="automation-last-sent"]'))).toContain(`(${zone})`)
    const cartRow = page.locator('[data-testid="automation-row"][data-key="abandoned_cart"]')
    expect(await text(cartRow.locator('[data-testid="automation-label"]'))).toMatch(/^Abandoned cart reminder — when a cart/)
    expect(await text(cartRow.locator('[data-testid="automation-sent"]'))).toBe("0")
    expect(await text(cartRow.locator('[data-testid="automation-last-sent"]'))).toBe(await formatted(page, cart.last_sent_at, "en", zone))
    expect(await text(page.locator('[data-testid="automation-row"][data-key="win_back"] [data-testid="automation-last-sent"]'))).toBe("Never")
    // the review request: its name, and its days read "after delivery", not "without an order"
    const reviewRow = page.locator('[data-testid="automation-row"][data-key="review_request"]')
    expect(await text(reviewRow.locator('[data-testid="automation-label"]'))).toMatch(/^Review request — some days after an order is delivered/)
    expect(await reviewRow.locator('[data-testid="automation-period-days"]').inputValue()).toBe("7")
    expect(await text(reviewRow.locator("label", { has: page.locator('[data-testid="automation-period-days"]') }))).toBe("Days after delivery")
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "automations-page.png"), fullPage: true })
    await page.close()
  })

  it("says what a delay may be when it is wrong, and saves a good one", async () => {
    const http = httpClient(app.url)
    const { automations } = await http.get("/admin/messaging/automations", admin)
    const target = automations.find((a: any) => a.key === "order_placed")
    const page = await logInToAdmin(browser, app.url, store.admin, 1300)
    await page.goto(`${app.url}/app/settings/sms-rcs/automations`)
    const row = page.locator(`[data-testid="automation-row"][data-key="${target.key}"]`)
    await row.waitFor({ timeout: 120_000 })
    const delay = row.locator('[data-testid="automation-delay-minutes"]')
    const error = row.locator('[data-testid="automation-delay-minutes-error"]')
    const save = row.locator('[data-testid="automation-save"]')

    for (const bad of ["-5", "soon", "10081", "2.5"]) {
      await delay.fill(bad)
      expect(await text(error)).toBe("A whole number of minutes from 0 (at once) to 10,080 (7 days).")
      expect(await delay.getAttribute("aria-invalid")).toBe("true")
      // the button stays usable and says why nothing was saved
      expect(await save.isDisabled()).toBe(false)
      await save.click()
      expect(await text(row.locator('[data-testid="automation-fix-first"]'))).toBe("Correct the values above first.")
    }
    // the days of win-back: 0 is not allowed there
    const winBack = page.locator('[data-testid="automation-row"][data-key="win_back"]')
    await winBack.locator('[data-testid="automation-period-days"]').fill("0")
    expect(await text(winBack.locator('[data-testid="automation-period-days-error"]'))).toBe("A whole number of days from 1 to 3,650.")
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "automations-delay-error.png"), fullPage: true })
    await winBack.locator('[data-testid="automation-period-days"]').fill(String(target.period_days ?? 90))

    // nothing reached the API
    expect((await http.get("/admin/messaging/automations", admin)).automations.find((a: any) => a.key === target.key).delay_minutes).toBe(
      target.delay_minutes
    )

    // switch off and a good delay: kept after a reload
    const toggle = row.locator('[data-testid="automation-enabled"]')
    await toggle.click()
    await eventually(() => toggle.getAttribute("aria-checked"), (v) => v === String(!target.enabled), "the switch to flip")
    const newDelay = target.delay_minutes + 7
    await delay.fill(String(newDelay))
    expect(await error.count()).toBe(0)
    await save.click()
    const stored = await eventually(
      async () => (await http.get("/admin/messaging/automations", admin)).automations.find((a: any) => a.key === target.key),
      (a: any) => a.enabled === !target.enabled && a.delay_minutes === newDelay,
      "the API to hold the new settings"
    )
    expect(stored).toMatchObject({ key: target.key, enabled: !target.enabled, delay_minutes: newDelay })
    // the figures stay on the row after the save
    expect(await text(row.locator('[data-testid="automation-sent"]'))).toBe(String(target.sent_last_30_days))

    await page.reload()
    const after = page.locator(`[data-testid="automation-row"][data-key="${target.key}"]`)
    await after.waitFor({ timeout: 120_000 })
    expect(await after.locator('[data-testid="automation-enabled"]').getAttribute("aria-checked")).toBe(String(!target.enabled))
    expect(await after.locator('[data-testid="automation-delay-minutes"]').inputValue()).toBe(String(newDelay))
    const others = (await http.get("/admin/messaging/automations", admin)).automations.filter((a: any) => a.key !== target.key)
    expect(others).toEqual(automations.filter((a: any) => a.key !== target.key))
    await page.close()
  })

  it("in French, dark theme", async () => {
    const http = httpClient(app.url)
    const { automations } = await http.get("/admin/messaging/automations", admin)
    const { time_zone: zone } = await http.get("/admin/messaging/settings", admin)
    const placed = automations.find((a: any) => a.key === "order_placed")
    const page = await logInToAdmin(browser, app.url, store.admin, 1300)
    await setAdminLanguage(page, app.url, "fr")
    await setAdminTheme(page, "dark")
    await page.goto(`${app.url}/app/settings/sms-rcs/automations`)
    const row = page.locator('[data-testid="automation-row"][data-key="order_placed"]')
    await row.waitFor({ timeout: 120_000 })
    await eventually(
      () => text(row.locator('[data-testid="automation-label"]')),
      (t) => t === "Confirmation de commande — quand une commande est passée",
      "the French label"
    )
    expect(await text(page.locator("h1"))).toBe("Automatisations SMS & RCS")
    expect(await text(row.locator('[data-testid="automation-last-sent"]'))).toBe(await formatted(page, placed.last_sent_at, "fr", zone))
    await row.locator('[data-testid="automation-delay-minutes"]').fill("abc")
    expect(await text(row.locator('[data-testid="automation-delay-minutes-error"]'))).toMatch(/^Un nombre entier de minutes, de 0 \(immédiat\) à 10\s080 \(7 jours\)\.$/)
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "automations-page-fr-dark.png"), fullPage: true })
    await page.close()
  })
})
