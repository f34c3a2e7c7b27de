import path from "path"
import type { Browser, Locator } from "playwright-core"
import { httpClient, prepareApp, type RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin } from "../helpers/browser"
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
    expect(await row.innerText()).toContain("transactional")
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
      // Fix puts the GSM-7 look-alike in the text: GSM-7 and one segment again.
      await fixButton.click()
      final = withE.replace("ê", replacement)
      expect(await sms.inputValue()).toBe(final)
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
    const problems = reloaded.locator('[data-testid="template-save-problems-item"]')
    await problems.first().waitFor({ timeout: 30_000 })
    expect(await problems.count()).toBeGreaterThanOrEqual(1)
    expect((await problems.allInnerTexts()).join("\n")).toMatch(/rcs_payload|card|title/)
    const unchanged = (await http.get("/admin/messaging/templates", admin)).templates.find(
      (t: any) => t.key === "order_confirmation" && t.locale === "en"
    )
    expect(unchanged.rcs_payload).toMatchObject({ card: { title: rcs.card.title } })
    await reloaded.screenshot({ path: path.join(ARTIFACTS_DIR, "templates-editor-problems.png") })
  })
})
