import path from "path"
import type { Browser, Page } from "playwright-core"
import type { RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp, type BrowserApp } from "../helpers/browser-app"

jest.setTimeout(600_000)

// its own database, queues and port range (13900+): see browserSpecPlace
const place = browserSpecPlace("menu", 13900)

describe("admin: the Messaging entry of the main menu, in the admin's language", () => {
  let started: BrowserApp | undefined
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    started = await startBrowserApp(place)
    ;({ app, browser } = started)
  })

  afterAll(async () => {
    await stopBrowserApp(place, started)
  })

  /** The main sidebar's link to `path` (the dashboard's nav is a list of links). */
  const sidebarLink = (page: Page, to: string) => page.locator(`aside a[href="/app${to}"], nav a[href="/app${to}"]`).first()

  it("shows Messaging in the main menu, with Campaigns, Analytics and Messages under it", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    try {
      await page.goto(`${app.url}/app/orders`)
      const entry = sidebarLink(page, "/messaging")
      await entry.waitFor({ timeout: 120_000 })
      expect((await entry.innerText()).trim()).toBe("Messaging")
      await entry.click()
      await page.waitForURL((url) => url.pathname === "/app/messaging")
      await page.locator('[data-testid="messaging-overview"]').waitFor()
      // the pages under it appear once the entry is open, as Promotions → Campaigns does
      expect((await sidebarLink(page, "/messaging/campaigns").innerText()).trim()).toBe("Campaigns")
      expect((await sidebarLink(page, "/messaging/analytics").innerText()).trim()).toBe("Analytics")
      expect((await sidebarLink(page, "/messaging/messages").innerText()).trim()).toBe("Messages")
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "messaging-menu.png"), fullPage: true })
    } finally {
      await page.close()
    }
  })

  it("follows the admin's language: French when the user picked French (dark theme)", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    try {
      await setAdminLanguage(page, app.url, "fr")
      await setAdminTheme(page, "dark")
      await page.goto(`${app.url}/app/messaging`)
      await page.locator('[data-testid="messaging-overview"]').waitFor({ timeout: 120_000 })
      expect((await sidebarLink(page, "/messaging").innerText()).trim()).toBe("Messagerie")
      expect((await page.locator('[data-testid="messaging-link-campaigns"]').innerText()).trim()).toContain("Campagnes")
      expect((await sidebarLink(page, "/messaging/analytics").innerText()).trim()).toBe("Statistiques")
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "messaging-menu-fr-dark.png"), fullPage: true })
    } finally {
      await page.close()
    }
  })
})
