import type { Browser } from "playwright-core"
import type { prepareApp, RunningApp } from "../helpers/app-process"
import { logInToAdmin } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp } from "../helpers/browser-app"
import { eventually } from "../helpers/wait-for"

jest.setTimeout(600_000)

// its own database, queues and port range (15700+): see browserSpecPlace
const place = browserSpecPlace("consent", 15700)

describe("admin customer page: the offline-consent form", () => {
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

  it("starts again with the next customer's phone when the admin goes from one customer straight to another", async () => {
    const { customer: a } = await http.post("/admin/customers", { email: "ana@example.com", first_name: "Ana", phone: "+33611110001" }, admin)
    const { customer: b } = await http.post("/admin/customers", { email: "bruno@example.com", first_name: "Bruno", phone: "+33622220001" }, admin)

    const page = await logInToAdmin(browser, app.url, store.admin, 1600)
    await page.goto(`${app.url}/app/customers/${a.id}`)
    const widget = page.locator('[data-testid="sms-rcs-customer-consent"]')
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
