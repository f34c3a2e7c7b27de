import path from "path"
import type { Browser, Page } from "playwright-core"
import type { RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp, type BrowserApp } from "../helpers/browser-app"
import { eventually } from "../helpers/wait-for"

jest.setTimeout(600_000)

// its own database, queues and port range (14300+): see browserSpecPlace
const place = browserSpecPlace("consents", 14300)

describe("admin: Messaging → Consents", () => {
  let started: BrowserApp | undefined
  let app: RunningApp
  let browser: Browser
  let admin: { authorization: string }

  beforeAll(async () => {
    started = await startBrowserApp(place)
    ;({ app, browser, admin } = started)
    const record = (phone: string, purpose: string, action: string) =>
      started!.http.post("/admin/messaging/consents", { phone, purpose, action, note: "Paper form in the Lyon shop" }, admin)
    await record("+33611000001", "marketing", "grant")
    await record("+33611000002", "marketing", "revoke")
    await record("+33611000003", "transactional", "revoke")
  })

  afterAll(async () => {
    await stopBrowserApp(place, started)
  })

  const rows = (page: Page) => page.locator('[data-testid="consent-row"]')
  const phonesShown = async (page: Page) => (await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-phone")))).sort()
  const pick = async (page: Page, filter: string, option: string) => {
    await page.locator(`[data-testid="consent-filter-${filter}"]`).click()
    await page.getByRole("option", { name: option, exact: true }).click()
  }
  const count = (page: Page) => page.locator('[data-testid="consents-count"]').innerText()

  it("lists consents with server-side filters (purpose, status, source, days) and a count", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin, 1600)
    try {
      await page.goto(`${app.url}/app/messaging/consents`)
      await page.locator('[data-testid="consents-page"]').waitFor({ timeout: 120_000 })
      await eventually(() => count(page), (t) => t === "3 consents", "the three consents")
      expect(await page.locator('aside a[href="/app/messaging/consents"], nav a[href="/app/messaging/consents"]').first().innerText()).toBe("Consents")

      await pick(page, "status", "Revoked")
      await eventually(() => phonesShown(page), (p) => p.join() === "+33611000002,+33611000003", "the two opt-outs")
      await pick(page, "purpose", "Marketing")
      await eventually(() => phonesShown(page), (p) => p.join() === "+33611000002", "the marketing opt-out")
      expect(await rows(page).first().innerText()).toContain("Admin")
      await pick(page, "source", "Import")
      await page.locator('[data-testid="consents-empty"]').waitFor()
      await page.locator('[data-testid="consent-filter-clear"]').click()
      await eventually(() => count(page), (t) => t === "3 consents", "all of them again")

      // days are the store's: nothing changed yesterday, all of it today
      const { time_zone } = await started!.http.get("/admin/messaging/settings", admin)
      const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: time_zone }).format(new Date(Date.now() + offset * 86_400_000))
      await page.locator('input[name="consent-filter-to"]').fill(day(-1))
      await page.locator('[data-testid="consents-empty"]').waitFor()
      await page.locator('input[name="consent-filter-to"]').fill(day(0))
      await page.locator('input[name="consent-filter-from"]').fill(day(0))
      await eventually(() => count(page), (t) => t === "3 consents", "today's consents")
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "consents-page.png"), fullPage: true })
    } finally {
      await page.close()
    }
  })

  it("previews a CSV import — the changes and the refused rows with their line and reason — and imports exactly those rows", async () => {
    const now = new Date().toISOString()
    const csv = [
      "phone,purpose,action,occurred_at,wording,wording_version,note",
      `+33611000004,marketing,grant,${now},Oui aux offres,v2,Salon de Lyon`,
      `+33611000001,marketing,revoke,${now},Oui aux offres,v2,Retrait par courrier`,
      `+33611000002,marketing,revoke,${now},Oui aux offres,v2,Retrait par courrier`,
      `12,marketing,grant,${now},Oui aux offres,v2,Salon de Lyon`,
      `+33611000005,newsletter,grant,${now},Oui aux offres,v2,Salon de Lyon`,
      `+33611000006,marketing,grant,${now},Oui aux offres,v2,`,
    ].join("\n")
    const page = await logInToAdmin(browser, app.url, started!.store.admin, 2000)
    try {
      await page.goto(`${app.url}/app/messaging/consents`)
      await eventually(() => count(page), (t) => t === "3 consents", "the list")
      await page.locator('[data-testid="consent-import-file"]').setInputFiles({ name: "subscribers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) })
      const preview = page.locator('[data-testid="consent-import-preview"]')
      await preview.waitFor({ timeout: 60_000 })
      expect(await preview.locator('[data-testid="consent-import-summary"]').innerText()).toBe("New opt-ins: 1 · Opt-outs: 1 · Unchanged: 1 · Refused: 3")
      const rejected = await preview.locator('[data-testid="consent-import-rejected-row"]').allInnerTexts()
      expect(rejected.map((r) => r.replace(/\s+/g, " ").trim())).toEqual([
        "5 invalid phone number",
        "6 unknown purpose (marketing or transactional)",
        "7 missing proof: the note saying where consent was collected",
      ])
      const changes = await preview.locator('[data-testid="consent-import-row"]').evaluateAll((els) => els.map((e) => `${e.getAttribute("data-line")}:${e.getAttribute("data-change")}`))
      expect(changes).toEqual(["2:opt_in", "3:opt_out", "4:unchanged"])
      expect(await preview.innerText()).toContain("already revoked")
      // nothing written yet
      expect((await started!.http.get("/admin/messaging/consents", admin)).count).toBe(3)
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "consents-import-preview.png"), fullPage: true })

      const apply = preview.locator('[data-testid="consent-import-apply"]')
      expect(await apply.innerText()).toBe("Import 3 rows")
      await apply.click()
      await eventually(() => count(page), (t) => t === "4 consents", "the imported rows in the list")
      const list = await started!.http.get("/admin/messaging/consents", admin)
      expect(list.consents.map((c: any) => `${c.phone}:${c.status}`).sort()).toEqual([
        "+33611000001:revoked",
        "+33611000002:revoked",
        "+33611000003:revoked",
        "+33611000004:granted",
      ])
      for (const refused of ["+33611000005", "+33611000006"]) {
        expect((await started!.http.get(`/admin/messaging/consents/ledger?phone=${encodeURIComponent(refused)}`, admin)).events).toEqual([])
      }
    } finally {
      await page.close()
    }
  })

  it("shows a phone's ledger with who recorded each event, and erases its data after naming what goes", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin, 1600)
    try {
      await page.goto(`${app.url}/app/messaging/consents`)
      await eventually(() => count(page), (t) => t === "4 consents", "the list")
      await page.locator('[data-testid="consent-row"][data-phone="+33611000001"]').click()
      const drawer = page.locator('[data-testid="consent-drawer"]')
      await drawer.locator('[data-testid="consent-ledger"]').waitFor({ timeout: 60_000 })
      const events = await drawer.locator('[data-testid="sms-rcs-consent-event"]').allInnerTexts()
      expect(events).toHaveLength(2)
      expect(events[0]).toContain("Opt-out")
      expect(events[0]).toContain("Marketing · Import")
      expect(events[0]).toContain(`By ${started!.store.admin.email}`)
      expect(events[0]).toContain("Import line 3")
      expect(events[1]).toContain("Marketing · Admin")
      expect(events[1]).toContain("Note: Paper form in the Lyon shop")
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "consents-ledger-drawer.png") })

      await drawer.locator('[data-testid="consent-drawer-erase"]').click()
      const prompt = page.getByRole("alertdialog")
      await prompt.waitFor({ timeout: 30_000 })
      const question = await prompt.innerText()
      expect(question).toContain("Erase the personal data of +33611000001?")
      expect(question).toContain("Consents: 1")
      expect(question).toContain("Ledger events (anonymised): 2")
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "consents-erase-prompt.png") })
      await prompt.getByRole("button", { name: "Erase", exact: true }).click()
      await eventually(() => count(page), (t) => t === "3 consents", "the erased number out of the list")
      expect(await page.locator('[data-testid="consent-row"][data-phone="+33611000001"]').count()).toBe(0)
      const after = await started!.http.get("/admin/messaging/consents/ledger?phone=%2B33611000001", admin)
      expect(after).toMatchObject({ consents: [], events: [] })
    } finally {
      await page.close()
    }
  })

  it("follows the admin's language: French, light and dark", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin, 1600)
    try {
      await setAdminLanguage(page, app.url, "fr")
      await page.goto(`${app.url}/app/messaging/consents`)
      await page.locator('[data-testid="consents-count"]').waitFor({ timeout: 120_000 })
      expect(await page.locator("h1").first().innerText()).toBe("Consentements")
      expect(await count(page)).toBe("3 consentements")
      const text = await page.locator('[data-testid="consents-page"]').innerText()
      expect(text).toContain("Importer des consentements (CSV)")
      expect(text).toContain("Choisir un fichier CSV")
      expect(text).toContain("Aucun fichier choisi")
      expect(text).toContain("Données personnelles")
      expect(text).toContain("Retiré")
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "consents-page-fr.png"), fullPage: true })
      await setAdminTheme(page, "dark")
      await page.reload()
      await page.locator('[data-testid="consents-count"]').waitFor({ timeout: 120_000 })
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "consents-page-fr-dark.png"), fullPage: true })
    } finally {
      await page.close()
    }
  })
})
