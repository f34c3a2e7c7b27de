import path from "path"
import type { Browser, Page } from "playwright-core"
import { httpClient, prepareApp, type RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, setAdminLanguage, setAdminTheme } from "../helpers/browser"
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
      // a store in Paris, admins' browsers in UTC: times must show in the store's zone, named
      SMS_RCS_DEFAULT_TIME_ZONE: "Europe/Paris",
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
  const statusIs = (page: Page, label: string, timeout = 30_000) =>
    page.waitForFunction((l) => document.querySelector('[data-testid="campaign-status"]')?.textContent === l, label, { timeout })
  // Medusa's Prompt (a Radix alert dialog): what it says, then one of its two buttons
  const prompted = async (page: Page) => {
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    return dialog
  }

  it("builds a segment with a live count, two variants with previews, saves, sends, pauses, resumes and shows results per variant", async () => {
    const page = await logInToAdmin(browser, app.url, store.admin)
    await page.goto(`${app.url}/app/messaging/campaigns`)
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

    // saved with an empty text: refused in words the owner reads, under the variant, and no segment is left behind
    const segmentsBefore = (await http.get("/admin/messaging/segments", admin)).segments.length
    await page.locator('[data-testid="campaign-save"]').click()
    await page.locator('[data-testid="variant-0-problem"]').waitFor()
    expect(await text(page, "variant-0-problem")).toBe("Variant A: the SMS text is empty.")
    expect(await page.locator("body").innerText()).not.toContain("Value for field")
    expect((await http.get("/admin/messaging/segments", admin)).segments.length).toBe(segmentsBefore)
    await shot(page, "2b-empty-text-refused")
    // a variable campaigns do not know is said as it is typed (the old error goes once the text changes)
    await page.fill('[data-testid="variant-0-text"]', "Hello {{prenom}}")
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="variant-0-problem"]')].map((e) => e.textContent).join("|") ===
      "Variant A: {{prenom}} is not a variable campaigns know; pick one in the list."
    )

    // two variants, each with its phone preview and segment meter; the first name inserted with the picker
    await page.fill('[data-testid="variant-0-text"]', "{{store_name}}: ")
    await page.locator('[data-testid="variant-0-text"]').press("End")
    await page.locator('[data-testid="variant-0-variables-customer_first_name"]').click()
    await page.locator('[data-testid="variant-0-text"]').press("End")
    await page.keyboard.type(", -20% for VIPs this week: https://shop.example.com/vip")
    expect(await page.inputValue('[data-testid="variant-0-text"]')).toBe(
      "{{store_name}}: {{customer_first_name}}, -20% for VIPs this week: https://shop.example.com/vip"
    )
    await page.waitForFunction(() => /^Maison Demo: Camille, -20% for VIPs/.test(document.querySelector('[data-testid="preview-bubble"]')?.textContent ?? ""))
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
    expect(await text(page, "campaign-status")).toBe("Draft")
    // a draft has sent nothing: it is deleted or left, never canceled (and the API says so)
    expect(await page.locator('[data-testid="campaign-cancel"]').count()).toBe(0)
    expect(await page.locator('[data-testid="campaign-delete"]').count()).toBe(1)
    const draftId = new URL(page.url()).pathname.split("/").pop()!
    const cancelDraft: Error = await http.post(`/admin/messaging/campaigns/${draftId}/cancel`, {}, admin).then(() => new Error("accepted"), (e) => e)
    expect(cancelDraft.message).toMatch(/answered 400: .*is a draft: it has sent nothing, so there is nothing to cancel/)
    await page.waitForFunction(() => document.querySelector('[data-testid="estimate-recipients"]')?.textContent === "6")
    expect(await text(page, "estimate-segments")).toBe("6")
    // the total in cents; the price per text keeps the tenth of a cent gateways charge, said "per text"
    expect(await text(page, "estimate-cost")).toBe("€0.27") // 6 × 1 segment × €0.045 (FR)
    expect(await page.locator('[data-testid="estimate-variant"]').first().innerText()).toContain("€0.045 per text")
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

    // send now asks first, naming the recipients and the cost; keeping it sends nothing
    await page.locator('[data-testid="campaign-schedule-button"]').click()
    let dialog = await prompted(page)
    const asked = await dialog.innerText()
    expect(asked).toContain("6 eligible recipients")
    expect(asked).toMatch(/0[.,]27/)
    await shot(page, "4c-send-now-confirmation")
    await dialog.getByRole("button", { name: "Keep it" }).click()
    await dialog.waitFor({ state: "detached" })
    expect((await http.get(`/admin/messaging/campaigns/${draftId}`, admin)).campaign.status).toBe("draft")
    expect(await text(page, "campaign-status")).toBe("Draft")

    // confirmed: the campaign job (every minute) starts it; the page follows its progress
    await page.locator('[data-testid="campaign-schedule-button"]').click()
    dialog = await prompted(page)
    await dialog.getByRole("button", { name: "Send now" }).click()
    await statusIs(page, "Scheduled")
    await statusIs(page, "Sending", 150_000)
    await page.locator('[data-testid="campaign-pause"]').click()
    await statusIs(page, "Paused")
    await shot(page, "5-paused")
    const id = new URL(page.url()).pathname.split("/").pop()!
    const atPause = (await http.get(`/admin/messaging/campaigns/${id}`, admin)).progress
    await new Promise((r) => setTimeout(r, 3000))
    const stillPaused = (await http.get(`/admin/messaging/campaigns/${id}`, admin)).progress
    expect((stillPaused.sent ?? 0) + (stillPaused.delivered ?? 0)).toBe((atPause.sent ?? 0) + (atPause.delivered ?? 0) + (atPause.sending ?? 0))

    await page.locator('[data-testid="campaign-resume"]').click()
    await statusIs(page, "Sending")
    // every text gone: the page (which polls) shows the campaign Completed, with when
    await statusIs(page, "Completed", 150_000)
    const completed = (await http.get(`/admin/messaging/campaigns/${id}`, admin)).campaign
    expect(completed.status).toBe("sent")
    expect(completed.sent_at).toBeTruthy()
    expect(await text(page, "campaign-summary")).toContain("completed ")
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
    expect(await page.locator('[data-testid="campaign-analytics-link"]').getAttribute("href")).toMatch(/\/messaging\/analytics\?from=/)

    // the list shows it sent
    await page.goto(`${app.url}/app/messaging/campaigns`)
    await page.locator(`[data-testid="campaign-row-${id}"]`).waitFor()
    expect(await page.locator(`[data-testid="campaign-row-${id}"] [data-testid="campaign-status"]`).innerText()).toBe("Completed")
    await shot(page, "7-list")

    // in French, and in the dark theme: the same campaign, in the owner's words
    await setAdminLanguage(page, app.url, "fr")
    await page.goto(`${app.url}/app/messaging/campaigns/${id}`)
    await statusIs(page, "Terminée", 120_000)
    expect(await page.locator("h2", { hasText: "Résultats par variante" }).count()).toBe(1)
    expect(await text(page, "campaign-progress-text")).toMatch(/^6 sur 6 traités · 6 prévus/)
    await shot(page, "7b-completed-fr")
    await page.goto(`${app.url}/app/messaging/campaigns/new`)
    await page.locator('[data-testid="campaign-builder"]').waitFor()
    await page.fill('[data-testid="campaign-name"]', "Soldes d’hiver")
    await page.locator('[data-testid="campaign-save"]').click()
    await page.locator('[data-testid="variant-0-problem"]').waitFor()
    expect(await text(page, "variant-0-problem")).toBe("Variante A : le texte du SMS est vide.")
    await shot(page, "7c-builder-fr")
    await setAdminTheme(page, "dark")
    await page.goto(`${app.url}/app/messaging/campaigns/${id}`)
    await statusIs(page, "Terminée", 120_000)
    await shot(page, "7d-completed-fr-dark")
    await setAdminLanguage(page, app.url, "en")
    await setAdminTheme(page, "light")
  })

  it("shows a campaign scheduled at 10:00 in the store's zone (Europe/Paris) as 10:00 Europe/Paris, on its page and in the list", async () => {
    const { segment } = await http.post("/admin/messaging/segments", { name: "Everyone", definition: { match: "all", rules: [] } }, admin)
    const { campaign } = await http.post(
      "/admin/messaging/campaigns",
      { name: "Winter sale", segment_id: segment.id, variants: [{ id: "a", name: "A", weight: 100, sms_body: "{{store_name}}: winter sale" }] },
      admin
    )
    const page = await logInToAdmin(browser, app.url, store.admin)
    // the admin's browser is in UTC, an hour behind Paris in January
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("UTC")
    await page.goto(`${app.url}/app/messaging/campaigns/${campaign.id}`)
    await page.locator('[data-testid="campaign-schedule"]').waitFor({ timeout: 120_000 })
    expect(await page.getAttribute('[data-testid="schedule-zone"]', "placeholder")).toBe("Europe/Paris")
    await page.fill('[data-testid="schedule-at"]', "2031-01-14T10:00")
    await page.locator('[data-testid="campaign-schedule-button"]').click()
    const scheduling = await prompted(page)
    expect(await scheduling.innerText()).toContain("2031-01-14 10:00 (Europe/Paris)")
    await scheduling.getByRole("button", { name: "Schedule" }).click()
    await statusIs(page, "Scheduled")

    // stored right: 10:00 in Paris is 09:00 UTC in winter
    const { campaign: stored } = await http.get(`/admin/messaging/campaigns/${campaign.id}`, admin)
    expect(stored.scheduled_at).toBe("2031-01-14T09:00:00.000Z")
    expect(stored.time_zone).toBe("Europe/Paris")
    // shown right: 10:00, named Europe/Paris, not the browser's 9:00
    const summary = await text(page, "campaign-summary")
    expect(summary).toMatch(/starts Jan 14, 2031, 10:00\sAM \(Europe\/Paris\)/)
    expect(summary).not.toContain("9:00")
    await shot(page, "8-scheduled-in-store-zone")

    // canceling asks first; keeping it leaves it scheduled
    await page.locator('[data-testid="campaign-cancel"]').click()
    const canceling = await prompted(page)
    expect(await canceling.innerText()).toContain("will not be sent")
    await canceling.getByRole("button", { name: "Keep it" }).click()
    await canceling.waitFor({ state: "detached" })
    expect((await http.get(`/admin/messaging/campaigns/${campaign.id}`, admin)).campaign.status).toBe("scheduled")

    await page.goto(`${app.url}/app/messaging/campaigns`)
    const cell = page.locator(`[data-testid="campaign-row-${campaign.id}"] [data-testid="campaign-scheduled"]`)
    await cell.waitFor({ timeout: 60_000 })
    expect(await cell.innerText()).toMatch(/^Jan 14, 2031, 10:00\sAM \(Europe\/Paris\)$/)
    await shot(page, "9-list-in-store-zone")

    // confirmed from its page: canceled
    await page.goto(`${app.url}/app/messaging/campaigns/${campaign.id}`)
    await page.locator('[data-testid="campaign-cancel"]').click({ timeout: 60_000 })
    await (await prompted(page)).getByRole("button", { name: "Cancel campaign" }).click()
    await statusIs(page, "Canceled")
    expect((await http.get(`/admin/messaging/campaigns/${campaign.id}`, admin)).campaign.status).toBe("canceled")
  })

  it("shows a campaign scheduled in another zone in the store's zone, the same on its page and in the list", async () => {
    const { segment } = await http.post("/admin/messaging/segments", { name: "Everyone", definition: { match: "all", rules: [] } }, admin)
    const { campaign } = await http.post(
      "/admin/messaging/campaigns",
      { name: "New York launch", segment_id: segment.id, variants: [{ id: "a", name: "A", weight: 100, sms_body: "{{store_name}}: launch" }] },
      admin
    )
    // 10:00 in New York is 15:00 UTC, 16:00 in Paris (the store's zone) in January
    await http.post(`/admin/messaging/campaigns/${campaign.id}/schedule`, { at: "2031-01-14T10:00", time_zone: "America/New_York" }, admin)
    const page = await logInToAdmin(browser, app.url, store.admin)
    await page.goto(`${app.url}/app/messaging/campaigns/${campaign.id}`)
    await page.locator('[data-testid="campaign-summary"]').waitFor({ timeout: 120_000 })
    await statusIs(page, "Scheduled")
    expect(await text(page, "campaign-summary")).toMatch(/starts Jan 14, 2031, 4:00\sPM \(Europe\/Paris\)/)
    await page.goto(`${app.url}/app/messaging/campaigns`)
    const cell = page.locator(`[data-testid="campaign-row-${campaign.id}"] [data-testid="campaign-scheduled"]`)
    await cell.waitFor({ timeout: 60_000 })
    expect(await cell.innerText()).toMatch(/^Jan 14, 2031, 4:00\sPM \(Europe\/Paris\)$/)
    await http.post(`/admin/messaging/campaigns/${campaign.id}/cancel`, {}, admin)
  })

  const TWO_VARIANTS = [
    { id: "a", name: "Discount", weight: 50, sms_body: "{{store_name}}: -10% today" },
    { id: "b", name: "Shipping", weight: 50, sms_body: "{{store_name}}: free shipping today" },
  ]

  it("estimates an A/B test that adds up, says why Send now shows nothing yet, and keeps a variant no one got in the results", async () => {
    const everyone = (await http.post("/admin/messaging/segments", { name: "All with consent", definition: { match: "all", rules: [] } }, admin)).segment
    const { campaign: ab } = await http.post(
      "/admin/messaging/campaigns",
      {
        name: "Tiny A/B",
        segment_id: everyone.id,
        variants: TWO_VARIANTS,
        // 10 % of 7 recipients: one person in the test, six for the winner
        ab_test: { test_share: 10, metric: "ctr", decide_after_hours: 0 },
      },
      admin
    )
    const page = await logInToAdmin(browser, app.url, store.admin)
    await page.goto(`${app.url}/app/messaging/campaigns/${ab.id}`)
    await page.waitForFunction(() => document.querySelector('[data-testid="estimate-recipients"]')?.textContent === "7", null, { timeout: 120_000 })
    // 1 + 0 in the test and 6 for the rest: 7 texts of one segment each (each share rounded alone said 6)
    const lines = await page.locator('[data-testid="estimate-variant"]').allInnerTexts()
    expect(lines.map((l) => Number(l.match(/about (\d+) recipients/)![1]))).toEqual([1, 0])
    expect(await text(page, "estimate-rest")).toMatch(/^6 /)
    expect(await text(page, "estimate-segments")).toBe("7")
    await shot(page, "10-ab-estimate-adds-up")

    // one recipient, two variants: one of them gets no one
    const { customers } = await http.get("/admin/customers?email=vip0@example.com", admin)
    const { customer_group: solo } = await http.post("/admin/customer-groups", { name: "Solo" }, admin)
    await http.post(`/admin/customer-groups/${solo.id}/customers`, { add: [customers[0].id] }, admin)
    const { segment } = await http.post(
      "/admin/messaging/segments",
      { name: "Solo", definition: { match: "all", rules: [{ field: "customer_group", operator: "in", value: [solo.id] }] } },
      admin
    )
    const { campaign } = await http.post(
      "/admin/messaging/campaigns",
      {
        name: "Solo test",
        segment_id: segment.id,
        variants: TWO_VARIANTS,
      },
      admin
    )
    await page.goto(`${app.url}/app/messaging/campaigns/${campaign.id}`)
    await page.waitForFunction(() => document.querySelector('[data-testid="estimate-recipients"]')?.textContent === "1", null, { timeout: 60_000 })
    await page.locator('[data-testid="campaign-schedule-button"]').click()
    await (await prompted(page)).getByRole("button", { name: "Send now" }).click()
    await statusIs(page, "Scheduled")
    // "Send now" waits for the campaign job: the page says so instead of a bare "0 of 0 handled"
    expect(await text(page, "campaign-progress-hint")).toContain("within a minute")
    await shot(page, "11-send-now-hint")

    // once it is sent, both variants have a row; the one no recipient got says so
    await page.locator('[data-testid="variant-no-recipient"]').waitFor({ timeout: 150_000 })
    const rows = page.locator('[data-testid^="campaign-result-"]')
    expect(await rows.count()).toBe(2)
    const sent = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll("td")[1].textContent)))
    expect(sent.sort()).toEqual([0, 1])
    await shot(page, "12-variant-without-recipient")
  })

  it("names campaigns by their name in the analytics, with every column in view", async () => {
    const { campaigns } = await http.get("/admin/messaging/campaigns", admin)
    const vip = campaigns.find((c: any) => c.name === "VIP week (edited)")
    const page = await logInToAdmin(browser, app.url, store.admin)
    await page.goto(`${app.url}/app/messaging/analytics?days=7`)
    const row = page.locator(`[data-testid="analytics-campaigns"] [data-testid="analytics-breakdown-row"][data-key="${vip.id}"]`)
    await row.waitFor({ timeout: 120_000 })
    expect(await row.locator('[data-testid="analytics-breakdown-name"]').innerText()).toBe("VIP week (edited)")
    expect(await row.innerText()).not.toContain(vip.id)
    // Cost and ROI are not cut off: the last cell ends inside the table's box
    const table = await page.locator('[data-testid="analytics-campaigns"]').boundingBox()
    const last = await row.locator("td").last().boundingBox()
    expect(last!.x + last!.width).toBeLessThanOrEqual(table!.x + table!.width + 1)
    await page.locator('[data-testid="analytics-campaigns"]').screenshot({ path: path.join(ARTIFACTS_DIR, "campaigns-13-analytics-by-campaign-name.png") })
  })
})

