import path from "path"
import { chromium, type Browser, type Page } from "playwright-core"

export const ARTIFACTS_DIR = path.join(__dirname, "..", "artifacts")

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  })
}

/** A new page logged in to the dashboard as the seeded admin. */
export async function logInToAdmin(
  browser: Browser,
  appUrl: string,
  admin: { email: string; password: string },
  height = 1400,
  { acceptDownloads = false, extraHTTPHeaders }: { acceptDownloads?: boolean; extraHTTPHeaders?: Record<string, string> } = {}
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height }, acceptDownloads, extraHTTPHeaders })
  await page.goto(`${appUrl}/app/login`, { timeout: 300_000 })
  await page.fill('input[name="email"]', admin.email, { timeout: 300_000 })
  await page.fill('input[name="password"]', admin.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 120_000 })
  return page
}

/**
 * The language the admin shows, as Profile → Language leaves it: the dashboard's i18next reads the `lng`
 * cookie first, then `lng` in localStorage, and caches what it found in both. Reload (or goto) after it.
 */
export async function setAdminLanguage(page: Page, appUrl: string, language: string): Promise<void> {
  await page.context().addCookies([{ name: "lng", value: language, url: appUrl }])
  await page.evaluate((lng) => localStorage.setItem("lng", lng), language)
}

/** The dashboard's light or dark theme, as its theme switch stores it. Reload (or goto) after it. */
export async function setAdminTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.evaluate((value) => localStorage.setItem("medusa_admin_theme", value), theme)
}

/**
 * Every request of `page` that failed from now on — an HTTP status of 400 or more, or no answer at all
 * (connection refused or reset, blocked) — as "403 GET http://…" lines, fonts, scripts and API calls alike. The list
 * fills as the page runs; a spec expects it empty to say the page loaded as it does in a real install.
 */
export function recordFailedRequests(page: Page): string[] {
  const failures: string[] = []
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.request().method()} ${response.url()}`)
  })
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "failed"
    // cancelled by the browser itself (the page navigated or reloaded while it was in flight): nobody refused it
    if (reason === "net::ERR_ABORTED") return
    failures.push(`${reason} ${request.method()} ${request.url()}`)
  })
  return failures
}
