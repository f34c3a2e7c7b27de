import jsQR from "jsqr"
import path from "path"
import type { Browser, Page } from "playwright-core"
import type { RunningApp } from "../helpers/app-process"
import { ARTIFACTS_DIR, logInToAdmin, recordFailedRequests, setAdminLanguage, setAdminTheme } from "../helpers/browser"
import { browserSpecPlace, startBrowserApp, stopBrowserApp, type BrowserApp } from "../helpers/browser-app"
import { placeOrder } from "../helpers/storefront"
import { eventually, waitFor } from "../helpers/wait-for"

jest.setTimeout(900_000)

// its own database, queues and port range (15600+): see browserSpecPlace
const place = browserSpecPlace("conversations", 15600)

/** The shopper who ordered (the order's phone), and a stranger who only says hello. */
const SHOPPER = "+33612345678"
const STRANGER = "+33698765432"
/** A phone that texted STOP ALL: nothing may go to it, replies included. */
const STOPPED = "+33655443322"
const TRACKING_URL = "https://suivi.example.com/6A12345678901"

describe("admin: the Conversations inbox, as the owner answers shoppers", () => {
  let started: BrowserApp | undefined
  let app: RunningApp
  let browser: Browser
  let admin: { authorization: string }
  let http: BrowserApp["http"]
  let orderId: string
  let shopperConversation: string
  let me: { id: string; email: string }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `conversations-${name}.png`), fullPage: true })
  const inbound = (from: string, body: string, extra: Record<string, unknown> = {}) =>
    http.post("/admin/messaging/sandbox/inbound", { from, body, ...extra }, admin)
  const conversationOf = async (phone: string) => {
    const { conversations } = await http.get(`/admin/messaging/conversations?q=${encodeURIComponent(phone)}`, admin)
    return conversations.find((c: any) => c.phone === phone)
  }
  const thread = (id: string) => http.get(`/admin/messaging/conversations/${id}`, admin)

  beforeAll(async () => {
    started = await startBrowserApp(place, { SMS_RCS_DEFAULT_TIME_ZONE: "Europe/Paris" })
    ;({ app, browser, admin, http } = started)
    const { store } = started
    // the admin's name, as replies show who sent them
    ;({ user: me } = await http.get("/admin/users/me", admin))
    await http.post(`/admin/users/${me.id}`, { first_name: "Nora", last_name: "Vidal" }, admin)

    // an order whose shipping text went out, with its tracking link
    const order = await placeOrder(http, {
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email: store.customer.email,
      customer: { first_name: "Camille", last_name: "Martin" },
      phone: "+33 6 12 34 56 78",
    })
    orderId = order.id
    const { order: withItems } = await http.get(`/admin/orders/${orderId}?fields=items.id`, admin)
    const items = withItems.items.map((i: any) => ({ id: i.id, quantity: 1 }))
    await http.post(`/admin/orders/${orderId}/fulfillments`, { items }, admin)
    const { order: fulfilled } = await http.get(`/admin/orders/${orderId}?fields=fulfillments.id`, admin)
    await http.post(
      `/admin/orders/${orderId}/fulfillments/${fulfilled.fulfillments[0].id}/shipments`,
      { items, labels: [{ tracking_number: "6A12345678901", tracking_url: TRACKING_URL, label_url: "https://labels.example.com/1.pdf" }] },
      admin
    )
    const shipped = await waitFor(
      async () => {
        const { messages } = await http.get(`/admin/messaging/messages?order_id=${orderId}&template_key=order_shipped`, admin)
        return messages.find((m: any) => m.status === "delivered")
      },
      { what: "the shipping text to be delivered", attempts: 300 }
    )

    // the shopper answers it, through the sandbox (the same inbound path as the Twilio and RBM webhooks)
    await inbound(SHOPPER, "where is my order?", { in_reply_to: shipped.id })
    shopperConversation = (await waitFor(() => conversationOf(SHOPPER), { what: "the shopper's conversation", attempts: 300 })).id
    await inbound(STRANGER, "hello, do you sell gift cards")
    await inbound(STOPPED, "STOP ALL")
    await waitFor(() => conversationOf(STRANGER), { what: "the stranger's conversation", attempts: 300 })
    await waitFor(() => conversationOf(STOPPED), { what: "the STOP ALL conversation", attempts: 300 })
  })

  afterAll(async () => {
    await stopBrowserApp(place, started)
  })

  it("lists the conversations, finds one, opens its thread with the shopper's orders, assigns it and closes it", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    const failures = recordFailedRequests(page)
    try {
      await page.goto(`${app.url}/app/messaging/conversations`)
      await page.locator('[data-testid="conversation-list"]').waitFor({ timeout: 120_000 })
      expect((await page.locator('aside a[href="/app/messaging/conversations"], nav a[href="/app/messaging/conversations"]').first().innerText()).trim()).toBe(
        "Conversations"
      )
      const rows = page.locator('[data-testid="conversation-row"]')
      await eventually(() => rows.count(), (n) => n === 3, "the three conversations listed")
      const counts = await http.get("/admin/messaging/conversations/counts", admin)
      expect(counts.unread).toBe(3)
      expect((await page.locator('[data-testid="conversation-count-unread"]').innerText()).trim()).toBe("3")

      // the search finds the stranger by part of the number, as the owner types it
      await page.fill('[data-testid="conversation-search"]', "98 76 54 32")
      await eventually(
        async () => (await page.locator('[data-testid="conversation-row-who"]').allInnerTexts()).map((s) => s.trim()),
        (whos) => whos.length === 1 && whos[0] === STRANGER,
        "only the stranger found"
      )
      await page.fill('[data-testid="conversation-search"]', "")
      await eventually(() => rows.count(), (n) => n === 3, "every conversation again")

      // the thread: the shipping text the store sent, then the shopper's question
      await page.locator(`[data-testid="conversation-row"][data-conversation-id="${shopperConversation}"]`).click()
      await page.waitForURL((url) => url.searchParams.get("id") === shopperConversation)
      const pane = page.locator('[data-testid="conversation-pane"]')
      await pane.waitFor()
      const entries = page.locator('[data-testid="thread-entry"]')
      await eventually(() => entries.count(), (n) => n >= 2, "the thread's entries")
      const question = page.locator('[data-testid="thread-entry"][data-direction="inbound"]', { hasText: "where is my order?" })
      expect(await question.count()).toBe(1)
      const shipping = page.locator('[data-testid="thread-entry"][data-direction="outbound"]').filter({ hasText: TRACKING_URL })
      expect(await shipping.count()).toBeGreaterThanOrEqual(1)
      expect((await shipping.first().locator('[data-testid="entry-template"]').innerText()).trim()).toBe("Order shipped")
      // the shopper and their order beside it, leading to the order page
      expect((await page.locator('[data-testid="conversation-customer-name"]').innerText()).trim()).toBe("Camille Martin")
      expect(await page.getAttribute(`[data-testid="conversation-order"][data-order-id="${orderId}"]`, "href")).toBe(`/app/orders/${orderId}`)
      // opened: marked read, and the unread count goes down without a reload
      await eventually(async () => (await thread(shopperConversation)).conversation.unread_count, (n) => n === 0, "the conversation marked read")
      await eventually(async () => (await page.locator('[data-testid="conversation-count-unread"]').innerText()).trim(), (n) => n === "2", "two unread left")
      // a reply is counted as the template editor counts it
      await page.fill('[data-testid="reply-body"]', "Votre colis est prêt")
      await eventually(async () => (await page.locator('[data-testid="preview-encoding"]').innerText()).trim(), (s) => s === "UCS-2", "the reply counted as UCS-2")
      expect(await page.locator('[data-testid="non-gsm-char"]').allInnerTexts()).toEqual(["ê"])
      await page.locator('[data-testid="non-gsm-fix"]').click()
      expect(await page.inputValue('[data-testid="reply-body"]')).toBe("Votre colis est pret")
      await eventually(async () => (await page.locator('[data-testid="preview-encoding"]').innerText()).trim(), (s) => s === "GSM-7", "the fixed reply counted as GSM-7")
      expect((await page.locator('[data-testid="preview-segments"]').innerText()).trim()).toBe("1")
      await shot(page, "1-thread")

      // assigned to the admin (named on the row, found under Mine), closed, found under Closed, reopened
      await page.locator('[data-testid="conversation-assign-me"]').click()
      await eventually(async () => (await thread(shopperConversation)).conversation.assignee?.id, (id) => id === me.id, "assigned to the admin")
      const row = page.locator(`[data-testid="conversation-row"][data-conversation-id="${shopperConversation}"]`)
      await eventually(async () => (await row.locator('[data-testid="conversation-row-assignee"]').innerText()).trim(), (s) => s === "Assigned to Nora Vidal", "the row naming the assignee")
      await page.locator('[data-testid="conversation-filter-mine"]').click()
      await page.waitForURL((url) => url.searchParams.get("view") === "mine")
      await eventually(async () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-conversation-id"))), (ids) => ids.length === 1 && ids[0] === shopperConversation, "only the admin's conversation")
      await page.locator('[data-testid="conversation-close"]').click()
      await eventually(async () => (await thread(shopperConversation)).conversation.status, (s) => s === "closed", "the conversation closed")
      await eventually(() => pane.getAttribute("data-status"), (s) => s === "closed", "the pane showing it closed")
      await page.locator('[data-testid="conversation-filter-closed"]').click()
      await eventually(async () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-conversation-id"))), (ids) => ids.length === 1 && ids[0] === shopperConversation, "only the closed conversation")
      await page.locator('[data-testid="conversation-reopen"]').click()
      await eventually(async () => (await thread(shopperConversation)).conversation.status, (s) => s === "open", "the conversation reopened")
      await eventually(() => rows.count(), (n) => n === 0, "nothing closed any more")
      expect(failures).toEqual([])
    } finally {
      await page.close()
    }
  })

  it("filters those waiting, opens one with the automatic answer, replies, assigns and closes", async () => {
    await waitFor(
      async () => (await thread(shopperConversation)).entries.find((e: any) => e.direction === "outbound" && e.automatic),
      { what: "the automatic answer", attempts: 300 }
    )
    // the first test assigned this conversation to the admin: it starts this one with nobody on it
    await http.post(`/admin/messaging/conversations/${shopperConversation}/assign`, { assignee_id: null }, admin)
    await inbound(SHOPPER, "I want to talk to a person")
    await waitFor(async () => ((await thread(shopperConversation)).conversation.status === "waiting" ? true : undefined), {
      what: "the conversation to wait for the store",
      attempts: 300,
    })
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    const failures = recordFailedRequests(page)
    try {
      await page.goto(`${app.url}/app/messaging/conversations`)
      await page.locator('[data-testid="conversation-list"]').waitFor({ timeout: 120_000 })
      expect((await page.locator('aside a[href="/app/messaging/conversations"], nav a[href="/app/messaging/conversations"]').first().innerText()).trim()).toBe(
        "Conversations"
      )
      const rows = page.locator('[data-testid="conversation-row"]')
      await eventually(() => rows.count(), (n) => n === 3, "the three conversations listed")
      const counts = await http.get("/admin/messaging/conversations/counts", admin)
      expect(counts.waiting).toBe(1)
      expect((await page.locator('[data-testid="conversation-count-waiting"]').innerText()).trim()).toBe("1")

      // waiting for the store: only the shopper who asked for a person
      await page.locator('[data-testid="conversation-filter-waiting"]').click()
      await page.waitForURL((url) => url.searchParams.get("view") === "waiting")
      await eventually(
        async () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-conversation-id"))),
        (ids) => ids.length === 1 && ids[0] === shopperConversation,
        "only the waiting conversation"
      )
      // the search finds the stranger by the number as written in France
      await page.locator('[data-testid="conversation-filter-all"]').click()
      await page.fill('[data-testid="conversation-search"]', "0698765432")
      await eventually(
        async () => (await page.locator('[data-testid="conversation-row-who"]').allInnerTexts()).map((s) => s.trim()),
        (whos) => whos.length === 1 && whos[0] === STRANGER,
        "only the stranger found"
      )
      await page.fill('[data-testid="conversation-search"]', "")
      await eventually(() => rows.count(), (n) => n === 3, "every conversation again")

      // the thread: the question, the automatic answer with the tracking link, the hand-off
      await page.locator(`[data-testid="conversation-row"][data-conversation-id="${shopperConversation}"]`).click()
      const pane = page.locator('[data-testid="conversation-pane"]')
      await pane.waitFor()
      expect(await pane.getAttribute("data-status")).toBe("waiting")
      const entries = page.locator('[data-testid="thread-entry"]')
      await eventually(() => entries.count(), (n) => n >= 4, "the thread's entries")
      const question = page.locator('[data-testid="thread-entry"][data-direction="inbound"]', { hasText: "where is my order?" })
      expect(await question.count()).toBe(1)
      const answer = page.locator('[data-testid="thread-entry"][data-automatic="true"]').filter({ hasText: TRACKING_URL })
      expect(await answer.count()).toBeGreaterThanOrEqual(1)
      expect((await answer.first().locator('[data-testid="entry-automatic"]').innerText()).trim()).toBe("Automatic answer")
      expect(await page.locator('[data-testid="conversation-waiting-since"]').count()).toBe(1)
      // the shopper and their order beside it, leading to the order page
      expect((await page.locator('[data-testid="conversation-customer-name"]').innerText()).trim()).toBe("Camille Martin")
      expect(await page.getAttribute(`[data-testid="conversation-order"][data-order-id="${orderId}"]`, "href")).toBe(`/app/orders/${orderId}`)
      // opened: marked read
      await eventually(async () => (await thread(shopperConversation)).conversation.unread_count, (n) => n === 0, "the conversation marked read")

      // a reply, counted as the template editor counts it: an accent that makes it UCS-2 is marked, and fixed in one click
      await page.fill('[data-testid="reply-body"]', "Votre colis est prêt")
      await eventually(async () => (await page.locator('[data-testid="preview-encoding"]').innerText()).trim(), (s) => s === "UCS-2", "the reply counted as UCS-2")
      expect(await page.locator('[data-testid="non-gsm-char"]').allInnerTexts()).toEqual(["ê"])
      await page.locator('[data-testid="non-gsm-fix"]').click()
      expect(await page.inputValue('[data-testid="reply-body"]')).toBe("Votre colis est pret")
      await eventually(async () => (await page.locator('[data-testid="preview-encoding"]').innerText()).trim(), (s) => s === "GSM-7", "the fixed reply counted as GSM-7")

      // the reply sent, and recorded with the admin's name
      const reply = "Bonjour Camille, votre colis part aujourd'hui."
      await page.fill('[data-testid="reply-body"]', reply)
      await eventually(async () => (await page.locator('[data-testid="preview-segments"]').innerText()).trim(), (s) => s === "1", "the reply counted as 1 segment")
      expect((await page.locator('[data-testid="preview-encoding"]').innerText()).trim()).toBe("GSM-7")
      await shot(page, "1-thread")
      await page.locator('[data-testid="reply-send"]').click()
      const mine = page.locator('[data-testid="thread-entry"][data-direction="outbound"]').filter({ hasText: reply })
      await eventually(() => mine.count(), (n) => n === 1, "the reply in the thread")
      expect((await mine.locator('[data-testid="entry-sent-by"]').innerText()).trim()).toBe("Sent by Nora Vidal")
      expect(await page.inputValue('[data-testid="reply-body"]')).toBe("")
      const recorded = (await thread(shopperConversation)).entries.find((e: any) => e.body === reply)
      expect(recorded.sent_by.id).toBe(me.id)
      expect(recorded.automatic).toBe(false)
      // the message itself went out through the provider
      const { message } = await http.get(`/admin/messaging/messages/${recorded.message_id}`, admin)
      expect(message.to).toBe(SHOPPER)
      expect(message.body).toBe(reply)
      expect(message.purpose).toBe("transactional")
      await waitFor(
        async () => {
          const { message: m } = await http.get(`/admin/messaging/messages/${recorded.message_id}`, admin)
          return m.status === "delivered" ? m : undefined
        },
        { what: "the reply to be delivered", attempts: 300 }
      )

      // assigned to the admin, then closed, then reopened
      await page.locator('[data-testid="conversation-assign-me"]').click()
      await eventually(async () => (await thread(shopperConversation)).conversation.assignee?.id, (id) => id === me.id, "assigned to the admin")
      await eventually(
        async () => (await page.locator(`[data-testid="conversation-row"][data-conversation-id="${shopperConversation}"] [data-testid="conversation-row-assignee"]`).innerText()).trim(),
        (s) => s === "Assigned to Nora Vidal",
        "the row naming the assignee"
      )
      await page.locator('[data-testid="conversation-filter-mine"]').click()
      await eventually(() => rows.count(), (n) => n === 1, "only the conversation assigned to the admin")
      await page.locator('[data-testid="conversation-close"]').click()
      await eventually(async () => (await thread(shopperConversation)).conversation.status, (s) => s === "closed", "the conversation closed")
      await eventually(() => pane.getAttribute("data-status"), (s) => s === "closed", "the pane showing it closed")
      await page.locator('[data-testid="conversation-reopen"]').click()
      await eventually(async () => (await thread(shopperConversation)).conversation.status, (s) => s !== "closed", "the conversation reopened")
      expect(failures).toEqual([])
    } finally {
      await page.close()
    }
  })

  it("explains why a phone that texted STOP ALL cannot get a reply, and keeps the box off", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    try {
      const stopped = await conversationOf(STOPPED)
      const { reply } = await thread(stopped.id)
      expect(reply.allowed).toBe(false)
      await page.goto(`${app.url}/app/messaging/conversations?id=${stopped.id}`)
      const refused = page.locator('[data-testid="reply-refused"]')
      await refused.waitFor({ timeout: 120_000 })
      expect(await refused.getAttribute("data-code")).toBe(reply.code)
      if (reply.code === "opted_out_all") expect(await refused.innerText()).toContain("STOP ALL")
      expect(await page.locator('[data-testid="reply-body"]').isDisabled()).toBe(true)
      expect(await page.locator('[data-testid="reply-send"]').isDisabled()).toBe(true)
    } finally {
      await page.close()
    }
  })

  it("lists the automatic answers in Settings, flags those to fill in, and adds, edits and deletes one", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    const failures = recordFailedRequests(page)
    try {
      await page.goto(`${app.url}/app/settings/sms-rcs`)
      await page.locator('[data-testid="sms-rcs-link-faq"]').click({ timeout: 120_000 })
      await page.waitForURL((url) => url.pathname === "/app/settings/sms-rcs/faq")
      await page.locator('[data-testid="faq-page"]').waitFor()
      const { entries: shipped } = await http.get("/admin/messaging/faq", admin)
      const defaults = shipped.filter((e: any) => e.is_default).length
      await eventually(() => page.locator('[data-testid="faq-entry"]').count(), (n) => n === shipped.length, "the shipped answers listed")
      expect(await page.locator('[data-testid="faq-to-fill"]').count()).toBe(defaults)

      // nothing to save without keywords and an answer: said, not sent
      await page.locator('[data-testid="faq-add"]').click()
      await page.locator('[data-testid="faq-save"]').click()
      expect(await page.locator('[data-testid="faq-problems"] li').count()).toBe(2)

      await page.fill('[data-testid="faq-keywords"]', "parking\ncar park")
      await page.fill('[data-testid="faq-answer"]', "Free parking behind the shop, entrance rue Victor Hugo.")
      await page.locator('[data-testid="faq-save"]').click()
      const added = await waitFor(
        async () => (await http.get("/admin/messaging/faq", admin)).entries.find((e: any) => e.keywords.includes("parking")),
        { what: "the new answer saved" }
      )
      expect(added).toMatchObject({ locale: "en", keywords: ["parking", "car park"], enabled: true, is_default: false })
      await eventually(() => page.locator('[data-testid="faq-entry"]').count(), (n) => n === shipped.length + 1, "the new answer listed")

      // edited (off), then deleted after confirming
      const entry = page.locator(`[data-testid="faq-entry"][data-faq-id="${added.id}"]`)
      await entry.locator('[data-testid="faq-edit"]').click()
      await page.locator('[data-testid="faq-enabled"]').click()
      await page.locator('[data-testid="faq-save"]').click()
      await eventually(async () => (await http.get("/admin/messaging/faq", admin)).entries.find((e: any) => e.id === added.id)?.enabled, (on) => on === false, "the answer turned off")
      await entry.locator('[data-testid="faq-off"]').waitFor()
      await entry.locator('[data-testid="faq-delete"]').click()
      await page.locator('[role="alertdialog"] button', { hasText: "Delete" }).click()
      await eventually(async () => (await http.get("/admin/messaging/faq", admin)).entries.some((e: any) => e.id === added.id), (there) => !there, "the answer deleted")
      await eventually(() => page.locator('[data-testid="faq-entry"]').count(), (n) => n === shipped.length, "the list without it")
      expect(failures).toEqual([])
    } finally {
      await page.close()
    }
  })

  it("answers the next question with an answer the store wrote", async () => {
    await http.post("/admin/messaging/faq", { locale: "en", keywords: ["parking", "car park"], answer: "Free parking behind the shop, entrance rue Victor Hugo." }, admin)
    const failures: string[] = []
    const page = { close: async () => undefined }
    try {
      await inbound(STRANGER, "Is there a car park near you?")
      const answered = await waitFor(
        async () => (await thread((await conversationOf(STRANGER)).id)).entries.find((e: any) => e.automatic && e.body.includes("rue Victor Hugo")),
        { what: "the FAQ answer", attempts: 300 }
      )
      expect(answered.direction).toBe("outbound")
      expect(failures).toEqual([])
    } finally {
      await page.close()
    }
  })

  it("follows the admin's language and theme: French, dark", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    const failures = recordFailedRequests(page)
    try {
      await setAdminLanguage(page, app.url, "fr")
      await setAdminTheme(page, "dark")
      await page.goto(`${app.url}/app/messaging/conversations?id=${shopperConversation}`)
      await page.locator('[data-testid="conversation-pane"]').waitFor({ timeout: 120_000 })
      expect((await page.locator('[data-testid="conversation-filter-waiting"]').innerText()).trim()).toContain("En attente de vous")
      expect((await page.locator('[data-testid="reply-send"]').innerText()).trim()).toBe("Envoyer")
      await shot(page, "2-fr-dark")
      expect(failures).toEqual([])
    } finally {
      await page.close()
    }
  })

  it("shows text-to-join with a QR code that scans to the sms: link, and prints it", async () => {
    const page = await logInToAdmin(browser, app.url, started!.store.admin)
    const failures = recordFailedRequests(page)
    try {
      const join = await http.get("/admin/messaging/join", admin)
      await page.goto(`${app.url}/app/messaging/conversations`)
      await page.locator('[data-testid="text-to-join-toggle"]').click({ timeout: 120_000 })
      await page.locator('[data-testid="text-to-join"]').waitFor()
      {
        const words = await page.locator('[data-testid="text-to-join-keyword"]').allInnerTexts()
        expect(words.map((w) => w.trim()).sort()).toEqual(Object.values(join.keywords).map(String).sort())
        {
          const qr = page.locator('[data-testid="text-to-join-qr"]')
          expect(await qr.getAttribute("data-link")).toBe(join.sms_link)
          // the code on the screen scans to the link: drawn on a canvas as a camera would see it, read by jsQR
          const pixels = await qr.evaluate((img: HTMLImageElement) => {
            const canvas = document.createElement("canvas")
            canvas.width = canvas.height = 320
            const context = canvas.getContext("2d")!
            context.drawImage(img, 0, 0, 320, 320)
            return Array.from(context.getImageData(0, 0, 320, 320).data)
          })
          expect(jsQR(Uint8ClampedArray.from(pixels), 320, 320)?.data).toBe(join.sms_link)
          // Print opens a page with only the code and the sentence
          const [poster] = await Promise.all([page.waitForEvent("popup"), page.locator('[data-testid="text-to-join-print"]').click()])
          expect(await poster.locator("p").innerText()).toContain(join.number)
          expect(await poster.locator("img").getAttribute("src")).toBe(await qr.getAttribute("src"))
          await poster.close()
        }
      }
      await shot(page, "3-join")
      expect(failures).toEqual([])
    } finally {
      await page.close()
    }
  })
})
