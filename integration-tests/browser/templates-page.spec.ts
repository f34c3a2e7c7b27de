import path from "path"
import type { Browser, Locator, Page } from "playwright-core"
import { httpClient, prepareApp, type RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp } from "../helpers/browser-app"
import { eventually } from "../helpers/wait-for"

jest.setTimeout(600_000)

// its own database, queues and port range (10100+): see browserSpecPlace
const place = browserSpecPlace("tpl", 10100)

const text = (locator: Locator) => locator.innerText()

describe("admin settings: SMS & RCS templates", () => {
  let app: RunningApp
  let browser: Browser
  let store: ReturnType<typeof prepareApp>
  let admin: { authorization: string }

  const logIn = (height = 1400) => logInToAdmin(browser, app.url, store.admin, height)

  beforeAll(async () => {
    ;({ app, browser, store, admin } = await startBrowserApp(place))
  })

  afterAll(async () => {
    await stopBrowserApp(place, { app, browser })
  })

  it("edits order_confirmation (en) with a live preview, fixes a non-GSM character, saves, and keeps it after a reload", async () => {
    const http = httpClient(app.url)
    const before = (await http.get("/admin/messaging/templates", admin)).templates.find(
      (t: any) => t.key === "order_confirmation" && t.locale === "en"
    )
    expect(before).toBeDefined()
    expect(before.is_default).toBe(true)

    const page = await logIn()

    // The settings sidebar lists the plugin's page, which leads to Templates.
    await page.goto(`${app.url}/app/settings`)
    const menuLink = page.locator('a[href$="/settings/sms-rcs"]')
    await menuLink.first().waitFor({ timeout: 120_000 })
    expect((await text(menuLink.first())).trim()).toBe("SMS & RCS")
    await menuLink.first().click()
    await page.locator('[data-testid="sms-rcs-link-templates"]').click()
    await page.waitForURL((url) => url.pathname.endsWith("/settings/sms-rcs/templates"))

    // Pick the template in the list: the editor opens with the shipped default.
    const row = page.locator('[data-testid="template-row"][data-key="order_confirmation"][data-locale="en"]')
    await row.waitFor({ timeout: 120_000 })
    expect((await text(row.locator('[data-testid="template-source"]'))).trim()).toBe("Default")
    expect(await row.innerText()).toContain("Transactional")
    // its name for people, the key small under it
    expect(await text(row.locator('[data-testid="template-name"]'))).toBe("Order confirmation")
    expect(await text(row.locator('[data-testid="template-key"]'))).toBe("order_confirmation")
    await row.click()
    await page.waitForURL((url) => url.searchParams.get("key") === "order_confirmation" && url.searchParams.get("locale") === "en")

    const editor = page.locator('[data-testid="template-editor"][data-key="order_confirmation"][data-locale="en"]')
    await editor.waitFor()
    const sms = editor.locator('[data-testid="template-editor-sms"]')
    expect(await sms.inputValue()).toBe(before.sms_body)

    const bubble = editor.locator('[data-testid="preview-bubble"]')
    const encoding = editor.locator('[data-testid="preview-encoding"]')
    const segments = editor.locator('[data-testid="preview-segments"]')
    const characters = editor.locator('[data-testid="preview-characters"]')
    const highlights = editor.locator('[data-testid="non-gsm-char"]')

    // The default, rendered with sample values: no Mustache tag left in the bubble.
    const firstBubble = await eventually(() => text(bubble), (t) => t.length > 20 && !t.includes("{{"), "the default's preview")

    // Edit: the bubble follows, rendered, and the text is GSM-7 in one segment.
    const marker = `Browser test ${Date.now().toString(36)}`
    const edited = `{{store_name}}: order #{{order_display_id}} is confirmed, thank you! ${marker}. We will text you again soon.`
    await sms.fill(edited)
    const editedBubble = await eventually(
      () => text(bubble),
      (t) => t.includes(`is confirmed, thank you! ${marker}. We will text you again soon.`),
      "the preview bubble to show the edit"
    )
    expect(editedBubble).not.toBe(firstBubble)
    expect(editedBubble).not.toContain("{{")
    expect(editedBubble).not.toMatch(/^: /) // the store name was filled in
    expect(await text(encoding)).toBe("GSM-7")
    expect(await text(segments)).toBe("1")
    const gsmCharacters = Number(await text(characters))
    // Long enough to need two UCS-2 segments (> 70 characters) once "ê" is in, short enough for only two (≤ 134).
    expect(gsmCharacters).toBeGreaterThan(70)
    expect(gsmCharacters).toBeLessThanOrEqual(134 - " Bonne fête!".length)
    expect(await highlights.count()).toBe(0)

    // One "ê" makes it UCS-2: two segments, and the character is highlighted where it is.
    const withE = edited.replace("thank you!", "thank you! Bonne fête!")
    await sms.fill(withE)
    await eventually(() => text(encoding), (t) => t === "UCS-2", "the encoding to switch to UCS-2")
    expect(await text(segments)).toBe("2")
    expect(Number(await text(characters))).toBe(gsmCharacters + " Bonne fête!".length)
    await eventually(() => highlights.count(), (n) => n === 1, "one highlighted non-GSM character")
    expect(await text(highlights.first())).toBe("ê")
    // The highlight is drawn over the text as typed.
    expect(await text(editor.locator('[data-testid="non-gsm-text"]'))).toBe(withE)
    await editor.screenshot({ path: path.join(ARTIFACTS_DIR, "templates-editor-ucs2.png") })

    const replacement = await highlights.first().getAttribute("data-replacement")
    const fixButton = editor.locator('[data-testid="non-gsm-fix"]')
    let final: string
    if (replacement) {
      // Fix first says what it will replace and what the text then costs; Replace applies it.
      await fixButton.click()
      const dialog = page.getByRole("alertdialog")
      await dialog.waitFor()
      const said = await dialog.innerText()
      expect(said).toContain(`ê → ${replacement} (1×)`)
      expect(said).toContain("The text then fits GSM-7 in 1 segment instead of 2.")
      await dialog.getByRole("button", { name: "Replace" }).click()
      final = withE.replace("ê", replacement)
      await eventually(() => sms.inputValue(), (v) => v === final, "the fixed text in the editor")
      await eventually(() => text(encoding), (t) => t === "GSM-7", "the encoding to go back to GSM-7")
      expect(await text(segments)).toBe("1")
      await eventually(() => highlights.count(), (n) => n === 0, "the highlight to go")
    } else {
      // No GSM-7 equivalent: the page says so and Fix has nothing to do.
      expect(await fixButton.isDisabled()).toBe(true)
      expect(await text(editor.locator('[data-testid="non-gsm-unfixable"]'))).toContain("“ê”")
      final = withE
    }

    // An RCS card: drawn as the phone shows it, rendered with the same sample values.
    const rcs = {
      type: "card",
      card: {
        title: "Order #{{order_display_id}}",
        description: `Confirmed. ${marker}`,
        media: { url: "https://example.com/banner.png", height: "medium" },
        suggestions: [{ type: "open_url", text: "Track my order", url: "https://example.com/track" }],
      },
      suggestions: [{ type: "reply", text: "Thanks!", postback_data: "thanks" }],
    }
    // the card is edited in a form; its JSON is the Advanced view
    await editor.locator('[data-testid="template-rcs-view-json"]').click()
    await editor.locator('[data-testid="template-editor-rcs"]').fill(JSON.stringify(rcs, null, 2))
    const cardTitle = editor.locator('[data-testid="rcs-card-title"]')
    // order_confirmation ships a card of its own: wait for the preview of this one, not the default's
    const description = editor.locator('[data-testid="rcs-card-description"]')
    await eventually(() => text(description).catch(() => ""), (t) => t === `Confirmed. ${marker}`, "the RCS card preview")
    const title = await text(cardTitle)
    expect(title).toMatch(/^Order #\d+$/)
    expect(await editor.locator('[data-testid="rcs-media"]').count()).toBe(1)
    const chips = await editor.locator('[data-testid="rcs-suggestion"]').allInnerTexts()
    expect(chips.map((c) => c.replace(/^\W+/, "").trim())).toEqual(["Track my order", "Thanks!"])

    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "templates-page.png"), fullPage: true })

    // "Send test to my phone" sends the draft as it is (not saved yet) and follows its status.
    await editor.locator('[data-testid="template-test-phone"]').fill("+33 6 12 34 56 78")
    await editor.locator('[data-testid="template-test-send"]').click()
    const result = editor.locator('[data-testid="template-test-result"]')
    await result.waitFor({ timeout: 60_000 })
    expect(await result.innerText()).toContain("+33612345678")
    await eventually(
      () => text(result.locator('[data-testid="sms-rcs-status"]')),
      (status) => status === "delivered",
      "the test message to be delivered"
    )
    const testId = (await text(result.locator("code"))).trim()
    const { message: sent } = await http.get(`/admin/messaging/messages/${testId}`, admin)
    expect(sent).toMatchObject({ id: testId, to: "+33612345678", status: "delivered", template_key: "order_confirmation" })
    expect(sent.body).toContain(marker)

    // Save: the row and the editor now show the store's own version, and the API holds it.
    await editor.locator('[data-testid="template-save"]').click()
    await eventually(
      () => text(page.locator('[data-testid="template-editor-source"]')),
      (t) => t.trim() === "Custom",
      "the editor to show the saved (custom) version"
    )
    expect((await text(row.locator('[data-testid="template-source"]'))).trim()).toBe("Custom")
    expect(await page.locator('[data-testid="template-save-problems"]').count()).toBe(0)
    const saved = (await http.get("/admin/messaging/templates", admin)).templates.find(
      (t: any) => t.key === "order_confirmation" && t.locale === "en"
    )
    expect(saved.is_default).toBe(false)
    expect(saved.sms_body).toBe(final)
    expect(saved.rcs_payload).toMatchObject({ type: "card", card: { title: rcs.card.title, description: rcs.card.description } })

    // A reload keeps it: same template open, the edit in the editor and in the bubble.
    await page.reload()
    const reloaded = page.locator('[data-testid="template-editor"][data-key="order_confirmation"][data-locale="en"]')
    await reloaded.waitFor({ timeout: 120_000 })
    expect(await reloaded.locator('[data-testid="template-editor-sms"]').inputValue()).toBe(final)
    // the form shows the saved card; Advanced its JSON
    expect(await reloaded.locator('[data-testid="rcs-form-title"]').inputValue()).toBe(rcs.card.title)
    await reloaded.locator('[data-testid="template-rcs-view-json"]').click()
    expect(JSON.parse(await reloaded.locator('[data-testid="template-editor-rcs"]').inputValue())).toMatchObject({
      card: { title: rcs.card.title },
    })
    expect((await text(reloaded.locator('[data-testid="template-editor-source"]'))).trim()).toBe("Custom")
    await eventually(
      () => text(reloaded.locator('[data-testid="preview-bubble"]')),
      (t) => t.includes(marker),
      "the bubble after the reload"
    )
    expect(await text(reloaded.locator('[data-testid="template-revert"]'))).toContain("Revert to default")

    // A payload the API refuses: Save shows every problem and nothing is stored.
    await reloaded.locator('[data-testid="template-editor-rcs"]').fill(JSON.stringify({ type: "card", card: { title: "" } }))
    await reloaded.locator('[data-testid="template-save"]').click()
    // the problem is shown once, in the draft's problems; the refused save points at it
    const problems = reloaded.locator('[data-testid="preview-problems-item"]')
    await problems.first().waitFor({ timeout: 30_000 })
    expect((await problems.allInnerTexts()).join("\n")).toMatch(/rcs_payload\.card\.title/)
    await eventually(
      () => text(reloaded.locator('[data-testid="template-save-problems"]')).catch(() => ""),
      (t) => t === "Not saved: fix the problems shown above first.",
      "the refused save"
    )
    expect(await reloaded.locator('[data-testid="template-save-problems-item"]').count()).toBe(0)
    const unchanged = (await http.get("/admin/messaging/templates", admin)).templates.find(
      (t: any) => t.key === "order_confirmation" && t.locale === "en"
    )
    expect(unchanged.rcs_payload).toMatchObject({ card: { title: rcs.card.title } })
    await reloaded.screenshot({ path: path.join(ARTIFACTS_DIR, "templates-editor-problems.png") })
  })

  /** Opens Templates on one template and waits for its editor and first preview. */
  const openTemplate = async (page: Page, key: string, locale = "en") => {
    await page.goto(`${app.url}/app/settings/sms-rcs/templates?key=${key}&locale=${locale}`)
    const editor = page.locator(`[data-testid="template-editor"][data-key="${key}"][data-locale="${locale}"]`)
    await editor.waitFor({ timeout: 120_000 })
    await eventually(() => text(editor.locator('[data-testid="preview-bubble"]')).catch(() => ""), (t) => t.length > 10, `${key}'s preview`)
    return editor
  }

  it("finds templates by name, key or text, names them for people, and shows the store's name as the sender", async () => {
    const page = await logIn()
    await page.goto(`${app.url}/app/settings/sms-rcs/templates`)
    const rows = page.locator('[data-testid="template-row"]')
    await rows.first().waitFor({ timeout: 120_000 })
    const all = await rows.count()
    const search = page.locator('[data-testid="template-search"]')

    // by name
    const keysShown = () => rows.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-key")))].sort().join(","))
    await search.fill("refund issued")
    await eventually(keysShown, (k) => k === "order_refunded", "the search by name")
    const names = await page.locator('[data-testid="template-row"] [data-testid="template-name"]').allInnerTexts()
    expect(new Set(names)).toEqual(new Set(["Refund issued"]))
    expect(await text(page.locator('[data-testid="template-count"]'))).toBe(`${names.length} templates`)
    // by key
    await search.fill("consent_help")
    await eventually(keysShown, (k) => k === "consent_help", "the search by key")
    // by text: only the English delivery notice says "Enjoy"
    await search.fill("enjoy")
    await eventually(keysShown, (k) => k === "order_delivered", "the search by text")
    expect(await rows.count()).toBe(1)
    expect(await rows.first().getAttribute("data-key")).toBe("order_delivered")
    expect(await rows.first().getAttribute("data-locale")).toBe("en")
    await search.fill("no template says this")
    await eventually(() => rows.count(), (n) => n === 0, "no match")
    expect(await text(page.locator('[data-testid="template-no-match"]'))).toBe("No template matches “no template says this”.")
    await search.fill("")
    await eventually(() => rows.count(), (n) => n === all, "every template again")

    const editor = await openTemplate(page, "order_delivered")
    expect(await text(editor.locator('[data-testid="template-editor-name"]'))).toBe("Order delivered · en")
    expect((await editor.locator('[data-testid="preview-sender"]').allInnerTexts()).map((s) => s.trim())).toContain(store.store_name)
    await page.close()
  })

  it("keeps the last good preview of a broken template and points once at the unclosed tag", async () => {
    const page = await logIn()
    const editor = await openTemplate(page, "order_delivered")
    const bubble = editor.locator('[data-testid="preview-bubble"]')
    const segments = editor.locator('[data-testid="preview-segments"]')
    const sms = editor.locator('[data-testid="template-editor-sms"]')
    const good = "{{store_name}}: order #{{order_display_id}} has been delivered."
    await sms.fill(good)
    const goodBubble = await eventually(() => text(bubble), (t) => t.endsWith("has been delivered.") && !t.includes("{{"), "the good text's preview")
    const goodSegments = await text(segments)
    expect(goodSegments).toBe("1")

    const broken = `${good}\nThanks {{#customer_first_name}} {{customer_first_name}}, see you soon`
    await sms.fill(broken)
    const items = editor.locator('[data-testid="preview-problems-item"]')
    await eventually(() => items.count(), (n) => n === 1, "one problem")
    expect(await items.first().getAttribute("data-code")).toBe("unclosed_section")
    expect(await text(items.first())).toContain(
      "The section “customer_first_name” opened at line 2, column 8 is never closed: add {{/customer_first_name}} where it ends."
    )
    expect(await text(editor.locator('[data-testid="syntax-error-tag"]'))).toBe("{{#customer_first_name}}")
    // the phone keeps the last text that rendered, marked stale; the meter is not "0 segments"
    expect(await text(bubble)).toBe(goodBubble)
    expect(await text(segments)).toBe(goodSegments)
    expect(await editor.locator('[data-testid="preview-stale"]').count()).toBe(1)
    expect(await editor.locator('[data-testid="template-preview"]').getAttribute("data-stale")).toBe("true")
    // the error is said once on the page
    expect(await page.getByText("customer_first_name” opened at").count()).toBe(1)
    // "Show in the text" selects the opening tag in the editor
    await editor.locator('[data-testid="syntax-error-show"]').click()
    const selection = await sms.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))
    expect(selection).toBe("{{#customer_first_name}}")
    // a refused save does not repeat it
    await editor.locator('[data-testid="template-save"]').click()
    await eventually(
      () => text(editor.locator('[data-testid="template-save-problems"]')).catch(() => ""),
      (t) => t === "Not saved: fix the problems shown above first.",
      "the refused save"
    )
    expect(await items.count()).toBe(1)
    await editor.screenshot({ path: path.join(ARTIFACTS_DIR, "templates-broken-kept-preview.png") })

    // Unsaved edits: another template asks first; "Keep editing" keeps them
    const other = page.locator('[data-testid="template-row"][data-key="order_canceled"][data-locale="en"]')
    await other.click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain("Discard your changes?")
    expect(await dialog.innerText()).toContain("Your changes to “Order delivered” (en) are not saved.")
    await page.waitForTimeout(400) // the dialog's fade-in, for the screenshot
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "templates-unsaved-prompt.png") })
    await dialog.getByRole("button", { name: "Keep editing" }).click()
    await dialog.waitFor({ state: "detached" })
    expect(new URL(page.url()).searchParams.get("key")).toBe("order_delivered")
    expect(await sms.inputValue()).toBe(broken)

    // leaving the page asks too
    await page.locator('a[href$="/settings/sms-rcs/automations"]').first().click()
    await dialog.waitFor()
    await dialog.getByRole("button", { name: "Keep editing" }).click()
    await dialog.waitFor({ state: "detached" })
    expect(new URL(page.url()).pathname).toMatch(/\/settings\/sms-rcs\/templates$/)
    expect(await sms.inputValue()).toBe(broken)

    // "Discard changes" goes on to the other template
    await other.click()
    await dialog.waitFor()
    await dialog.getByRole("button", { name: "Discard changes" }).click()
    await page.locator('[data-testid="template-editor"][data-key="order_canceled"]').waitFor()
    expect(new URL(page.url()).searchParams.get("key")).toBe("order_canceled")
    await page.close()
  })

  it("Fix lists what it will replace, leaves GSM-7 accents alone, and does nothing when the owner keeps the text", async () => {
    const page = await logIn()
    const editor = await openTemplate(page, "order_canceled")
    const sms = editor.locator('[data-testid="template-editor-sms"]')
    // é, à and Ç are GSM-7; ç, ô and ê are not
    const french = "{{store_name}} : Ça y est, déjà reçu ! à bientôt, bonne fête."
    await sms.fill(french)
    const highlights = editor.locator('[data-testid="non-gsm-char"]')
    await eventually(() => highlights.allInnerTexts(), (c) => c.join("") === "çôê", "the non-GSM characters")
    await editor.locator('[data-testid="non-gsm-fix"]').click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    const said = await dialog.innerText()
    expect(said).toContain("Fix will change: ç → c (1×), ô → o (1×), ê → e (1×).")
    // 58 characters: one segment in UCS-2 already, and in GSM-7
    expect(said).toContain("The text then fits GSM-7, still in 1 segment.")
    expect(said).not.toContain("é →")
    expect(said).not.toContain("à →")
    await page.waitForTimeout(400) // the dialog's fade-in, for the screenshot
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "templates-fix-summary.png") })
    await dialog.getByRole("button", { name: "Keep as it is" }).click()
    await dialog.waitFor({ state: "detached" })
    expect(await sms.inputValue()).toBe(french)
    await page.close()
  })

  it("edits the RCS card in a form, kept in sync with its JSON, with clear messages for bad input", async () => {
    const http = httpClient(app.url)
    const page = await logIn()
    const editor = await openTemplate(page, "order_canceled")
    await editor.locator('[data-testid="template-rcs-add"]').click()
    const form = editor.locator('[data-testid="rcs-form"]')
    await form.waitFor()
    expect(await form.locator('[data-testid="rcs-form-title"]').inputValue()).toBe("{{store_name}}")
    await form.locator('[data-testid="rcs-form-title"]').fill("Order #{{order_display_id}} canceled")
    await form.locator('[data-testid="rcs-form-description"]').fill("Your refund is on its way.")
    await form.locator('[data-testid="rcs-form-image"]').fill("notaurl")
    expect(await text(form.locator('[data-testid="rcs-form-image-error"]'))).toBe(
      "An http(s) address, or a variable such as {{{tracking_url}}}."
    )
    await form.locator('[data-testid="rcs-form-image"]').fill("https://example.com/cancel.png")
    expect(await form.locator('[data-testid="rcs-form-image-error"]').count()).toBe(0)

    // a link button, and a suggested reply
    await form.locator('[data-testid="rcs-form-add-button"]').click()
    const first = form.locator('[data-testid="rcs-form-button"]').nth(0)
    await first.locator('[data-testid="rcs-form-button-text"]').fill("A label far longer than 25 chars")
    expect(await text(first.locator('[data-testid="rcs-form-button-text-error"]'))).toBe("At most 25 characters (32 now).")
    await first.locator('[data-testid="rcs-form-button-text"]').fill("Shop again")
    await first.locator('[data-testid="rcs-form-button-target"]').fill("https://example.com/shop")
    await form.locator('[data-testid="rcs-form-add-button"]').click()
    const second = form.locator('[data-testid="rcs-form-button"]').nth(1)
    await second.locator('[data-testid="rcs-form-button-text"]').fill("Call me back")
    await second.getByRole("radio", { name: "Suggested reply" }).click()
    expect(await second.getByRole("radio", { name: "Suggested reply" }).getAttribute("aria-checked")).toBe("true")
    expect(await second.locator('[data-testid="rcs-form-button-target"]').inputValue()).toBe("call_me_back")

    // the phone draws it
    await eventually(
      () => text(editor.locator('[data-testid="rcs-card-description"]')).catch(() => ""),
      (t) => t === "Your refund is on its way.",
      "the card's preview"
    )
    expect(await text(editor.locator('[data-testid="rcs-card-title"]'))).toMatch(/^Order #\d+ canceled$/)
    expect((await editor.locator('[data-testid="rcs-suggestion"]').allInnerTexts()).map((c) => c.replace(/^\W+/, "").trim())).toEqual([
      "Shop again",
      "Call me back",
    ])
    await editor.screenshot({ path: path.join(ARTIFACTS_DIR, "templates-rcs-form.png") })

    // Advanced shows the same card as JSON; an edit there shows in the form
    const expected = {
      type: "card",
      card: {
        title: "Order #{{order_display_id}} canceled",
        description: "Your refund is on its way.",
        media: { height: "medium", url: "https://example.com/cancel.png" },
        suggestions: [
          { type: "open_url", text: "Shop again", url: "https://example.com/shop" },
          { type: "reply", text: "Call me back", postback_data: "call_me_back" },
        ],
      },
    }
    await editor.locator('[data-testid="template-rcs-view-json"]').click()
    const json = editor.locator('[data-testid="template-editor-rcs"]')
    expect(JSON.parse(await json.inputValue())).toEqual(expected)
    const edited = { ...expected, card: { ...expected.card, title: "Canceled: order #{{order_display_id}}" } }
    await json.fill(JSON.stringify(edited))
    await editor.locator('[data-testid="template-rcs-view-form"]').click()
    expect(await form.locator('[data-testid="rcs-form-title"]').inputValue()).toBe("Canceled: order #{{order_display_id}}")

    // broken JSON: the form says where to fix it
    await editor.locator('[data-testid="template-rcs-view-json"]').click()
    await json.fill('{ "type": "card", ')
    expect(await editor.locator('[data-testid="template-rcs-json-error"]').count()).toBe(1)
    await editor.locator('[data-testid="template-rcs-view-form"]').click()
    expect(await text(editor.locator('[data-testid="template-rcs-form-unavailable"]'))).toContain("The JSON in Advanced is not valid")
    await editor.locator('[data-testid="template-rcs-view-json"]').click()
    await json.fill(JSON.stringify(edited))

    await editor.locator('[data-testid="template-save"]').click()
    const saved = await eventually(
      async () =>
        (await http.get("/admin/messaging/templates", admin)).templates.find((t: any) => t.key === "order_canceled" && t.locale === "en"),
      (t: any) => !t.is_default,
      "the saved card"
    )
    expect(saved.rcs_payload).toEqual(edited)
    await page.close()
  })

  it("in French, light and dark: the page, the names and the editor", async () => {
    for (const theme of ["light", "dark"] as const) {
      const page = await logIn()
      await setAdminLanguage(page, app.url, "fr")
      await setAdminTheme(page, theme)
      const editor = await openTemplate(page, "order_confirmation", "fr")
      expect(await text(page.locator("h1"))).toBe("Modèles SMS & RCS")
      const row = page.locator('[data-testid="template-row"][data-key="order_confirmation"][data-locale="fr"]')
      expect(await text(row.locator('[data-testid="template-name"]'))).toBe("Confirmation de commande")
      expect(await text(editor.locator('[data-testid="template-editor-name"]'))).toBe("Confirmation de commande · fr")
      expect(await page.locator('[data-testid="template-search"]').getAttribute("placeholder")).toBe("Rechercher par nom, clé ou texte")
      await editor.locator('[data-testid="template-editor-sms"]').fill("Bonjour {{#customer_first_name}} à bientôt")
      await eventually(
        () => text(editor.locator('[data-testid="preview-problems-item"]')).catch(() => ""),
        (t) => t.includes("La section « customer_first_name » ouverte ligne 1, colonne 9 n’est jamais fermée"),
        "the French syntax error"
      )
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `templates-page-fr-${theme}.png`), fullPage: true })
      await page.close()
    }
  })
})
