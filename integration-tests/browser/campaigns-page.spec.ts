import path from "path"
import type { Browser, Page } from "playwright-core"
import { httpClient, prepareApp, type RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp } from "../helpers/browser-app"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(900_000)

// its own database, queues and port range (12100+): see browserSpecPlace
const place = browserSpecPlace("campaigns", 12100)
const VIP = 6
// last digit 1: the sandbox fails numbers ending in 0002–0004 on purpose
const phoneOf = (i: number) => `+3361${6000001 + i * 10}`
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `campaigns-${name}.png`), fullPage: true })

describe("admin: the campaign builder, from segment to results", () => {
  let app: RunningApp
  let browser: Browser
  let store: ReturnType<typeof prepareApp>
  let admin: { authorization: string }
  let http: ReturnType<typeof httpClient>
  let groupId: string

  beforeAll(async () => {
    ;({ app, browser, store, http, admin } = await startBrowserApp(place, {
      SMS_RCS_TRACKING_BASE_URL: "https://go.maison-demo.test",
      SMS_RCS_QUIET_HOURS: "off",
    }))

    // six VIP customers with marketing consent, and one customer outside the group
    const { customer_group } = await http.post("/admin/customer-groups", { name: "VIP" }, admin)
    groupId = customer_group.id
    const ids: string[] = []
    for (let i = 0; i <= VIP; i++) {
      const { customer } = await http.post("/admin/customers", { email: `vip${i}@example.com`, first_name: `Client${i}` }, admin)
      await http.post(
        "/admin/messaging/consents",
        { phone: phoneOf(i), customer_id: customer.id, purpose: "marketing", action: "grant", note: "Loyalty card form" },
        admin
      )
      if (i < VIP) ids.push(customer.id)
    }
    await http.post(`/admin/customer-groups/${groupId}/customers`, { add: ids }, admin)
  })

  afterAll(async () => {
    await stopBrowserApp(place, { app, browser })
  })

  const pick = async (page: Page, trigger: string, option: string) => {
    await page.locator(`[data-testid="${trigger}"]`).click()
    await page.getByRole("option", { name: option, exact: true }).click()
  }
  const text = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]`).innerText()

  it("builds a segment with a live count, two variants with previews, saves, sends, pauses, resumes and shows results per variant", async () => {
    const page = await logInToAdmin(browser, app.url, store.admin)
    await page.goto(`${app.url}/app/settings/sms-rcs`)
    await page.locator('[data-testid="sms-rcs-link-campaigns"]').click({ timeout: 120_000 })
    await page.locator('[data-testid="campaigns-empty"]').waitFor({ timeout: 120_000 })
    await shot(page, "1-empty-list")

    await page.locator('[data-testid="campaign-create"]').click()
    await page.locator('[data-testid="campaign-builder"]').waitFor()
    await page.fill('[data-testid="campaign-name"]', "VIP week")
    await page.fill('[data-testid="segment-name"]', "VIP without orders")
    // no rule yet: everyone with consent (7)
    await page.waitForFunction(() => document.querySelector('[data-testid="segment-count-value"]')?.textContent === "7")

    // rule 1: customer group is any of VIP → 6
    await page.locator('[data-testid="segment-add-rule"]').click()
    await pick(page, "segment-rule-0-field", "Customer group")
    // picked by name, no id to type
    await pick(page, "segment-rule-0-value-add", "VIP")
    expect(await text(page, "segment-rule-0-value-chosen")).toContain("VIP")
    await page.waitForFunction(() => document.querySelector('[data-testid="segment-count-value"]')?.textContent === "6")
    // rule 2: a group "any of": orders at most 0 → still 6; then "at least 1" → 0, and back
    await page.locator('[data-testid="segment-add-group"]').click()
    await pick(page, "segment-1-match", "any (OR)")
    await page.fill('[data-testid="segment-1-rule-0-value"]', "1")
    await page.waitForFunction(() => document.querySelector('[data-testid="segment-count-value"]')?.textContent === "0")
    await pick(page, "segment-1-rule-0-operator", "at most")
    await page.fill('[data-testid="segment-1-rule-0-value"]', "0")
    await page.waitForFunction(() => document.querySelector('[data-testid="segment-count-value"]')?.textContent === "6")
    await shot(page, "2-segment-builder")

    // two variants, each with its phone preview and segment meter
    await page.fill('[data-testid="variant-0-text"]', "{{store_name}}: {{first_name}}, -20% for VIPs this week: https://shop.example.com/vip")
    await page.locator('[data-testid="add-variant"]').click()
    await page.fill('[data-testid="variant-1-text"]', "{{store_name}}: {{first_name}}, free shipping for VIPs: https://shop.example.com/vip")
    expect(await page.inputValue('[data-testid="variant-0-weight"]')).toBe("50")
    expect(await page.inputValue('[data-testid="variant-1-weight"]')).toBe("50")
    const bubble = page.locator('[data-testid="variant-1"] [data-testid="preview-bubble"]')
    await page.waitForFunction(() =>
      /^Maison Demo: Camille, free shipping for VIPs: https:\/\/go\.maison-demo\.test\/r\/\w{10}\nReply STOP to opt out$/.test(
        document.querySelectorAll('[data-testid="preview-bubble"]')[1]?.textContent ?? ""
      )
    )
    expect(await bubble.innerText()).toContain("Camille")
    expect(await page.locator('[data-testid="variant-0"] [data-testid="preview-segments"]').innerText()).toBe("1")
    await pick(page, "throttle-kind", "Messages per second")
    await page.fill('[data-testid="throttle-value"]', "1")
    await shot(page, "3-variants-and-throttle")

    await page.locator('[data-testid="campaign-save"]').click()
    await page.locator('[data-testid="sms-rcs-campaign-page"]').waitFor({ timeout: 60_000 })
    expect(await text(page, "campaign-status")).toBe("draft")
    await page.waitForFunction(() => document.querySelector('[data-testid="estimate-recipients"]')?.textContent === "6")
    expect(await text(page, "estimate-segments")).toBe("6")
    expect(await text(page, "estimate-cost")).toMatch(/0[.,]27/) // 6 × 1 segment × €0.045 (FR)
    await shot(page, "4-draft-with-estimate")

    // a draft is edited in the same builder: its rules come back, with their count
    await page.locator('[data-testid="campaign-edit"]').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-editor"] [data-testid="segment-count-value"]')?.textContent === "6")
    expect(await page.locator('[data-testid="campaign-editor"] [data-testid="segment-rule-0-value-chosen"]').innerText()).toContain("VIP")
    await page.fill('[data-testid="campaign-editor"] [data-testid="campaign-name"]', "VIP week (edited)")
    await shot(page, "4b-edit-draft")
    await page.locator('[data-testid="campaign-edit-save"]').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-title"]')?.textContent === "VIP week (edited)")
    await page.waitForFunction(() => document.querySelector('[data-testid="estimate-recipients"]')?.textContent === "6")

    // send now: the campaign job (every minute) starts it; the page follows its progress
    await page.locator('[data-testid="campaign-schedule-button"]').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-status"]')?.textContent === "scheduled")
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-status"]')?.textContent === "sending", null, { timeout: 150_000 })
    await page.locator('[data-testid="campaign-pause"]').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-status"]')?.textContent === "paused")
    await shot(page, "5-paused")
    const id = new URL(page.url()).pathname.split("/").pop()!
    const atPause = (await http.get(`/admin/messaging/campaigns/${id}`, admin)).progress
    await new Promise((r) => setTimeout(r, 3000))
    const stillPaused = (await http.get(`/admin/messaging/campaigns/${id}`, admin)).progress
    expect((stillPaused.sent ?? 0) + (stillPaused.delivered ?? 0)).toBe((atPause.sent ?? 0) + (atPause.delivered ?? 0) + (atPause.sending ?? 0))

    await page.locator('[data-testid="campaign-resume"]').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-status"]')?.textContent === "sending")
    // every text delivered once, then the job marks the campaign sent
    await page.waitForFunction(() => document.querySelector('[data-testid="campaign-status"]')?.textContent === "sent", null, { timeout: 150_000 })
    await page.reload()
    await page.locator('[data-testid="campaign-results"]').waitFor()
    const rows = page.locator('[data-testid^="campaign-result-"]')
    await waitFor(async () => ((await rows.count()) === 2 ? true : undefined), { what: "two variant rows" })
    const sentCells = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll("td")[1].textContent)))
    expect(sentCells.reduce((a, b) => a + b, 0)).toBe(VIP)
    expect(await text(page, "campaign-progress-text")).toMatch(/^6 of 6 handled · 6 planned/)
    const { messages } = await http.get(`/admin/messaging/messages?campaign_id=${id}&limit=50`, admin)
    expect(messages).toHaveLength(VIP)
    expect(new Set(messages.map((m: any) => m.to)).size).toBe(VIP)
    await shot(page, "6-results-per-variant")
    expect(await page.locator('[data-testid="campaign-analytics-link"]').getAttribute("href")).toMatch(/\/settings\/sms-rcs\/analytics\?from=/)

    // the list shows it sent
    await page.goto(`${app.url}/app/settings/sms-rcs/campaigns`)
    await page.locator(`[data-testid="campaign-row-${id}"]`).waitFor()
    expect(await page.locator(`[data-testid="campaign-row-${id}"] [data-testid="campaign-status"]`).innerText()).toBe("sent")
    await shot(page, "7-list")
  })
})
