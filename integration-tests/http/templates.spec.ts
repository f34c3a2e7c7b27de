import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-templates")
jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    const post = (path: string, body: unknown) => api.post(path, body, admin).catch((e: any) => e.response)

    it("lists every shipped template in English and French, with its variables and automation", async () => {
      const { data } = await api.get("/admin/messaging/templates", admin)
      const find = (key: string, locale: string) => data.templates.find((t: any) => t.key === key && t.locale === locale)
      for (const key of ["order_confirmation", "order_fulfilled", "order_shipped", "order_delivered", "order_canceled", "return_received", "order_refunded", "welcome", "abandoned_cart", "win_back"]) {
        expect(find(key, "en")).toMatchObject({ is_default: true, id: null })
        expect(find(key, "fr")?.sms_body).toBeTruthy()
      }
      expect(find("abandoned_cart", "en")).toMatchObject({ purpose: "marketing", automation: "abandoned_cart" })
      expect(find("abandoned_cart", "en").variables).toEqual(expect.arrayContaining(["store_name", "cart_recovery_url", "items"]))
      expect(find("abandoned_cart", "en").rcs_payload.type).toBe("card")
      // the event the test app maps in its options shows up, ready to be written
      expect(find("return_requested", "en")).toMatchObject({ is_default: true, sms_body: "", event: "order.return_requested" })
    })

    it("refuses an invalid template with a 400 that lists every problem", async () => {
      const res = await post("/admin/messaging/templates", {
        key: "order_confirmation",
        locale: "en",
        sms_body: "Hi {{custmer_first_name}}, order {{#order_display_id}}",
        rcs_payload: {
          type: "carousel",
          cards: [{ title: "x".repeat(201), suggestions: [{ type: "reply", text: "A reply far longer than twenty-five", postback_data: "r" }] }],
        },
      })
      expect(res.status).toBe(400)
      expect(res.data.type).toBe("invalid_data")
      const paths = res.data.problems.map((p: any) => `${p.path}: ${p.message}`)
      expect(paths).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^sms_body: syntax error: Unclosed section "order_display_id"/),
          expect.stringMatching(/^rcs_payload\.cards: a carousel holds at least 2 cards/),
          expect.stringMatching(/^rcs_payload\.cards\.0\.title: the card's title is longer than 200 characters/),
          expect.stringMatching(/^rcs_payload\.cards\.0\.suggestions\.0\.text: the suggestion's text is longer than 25 characters/),
        ])
      )
      const unknown = await post("/admin/messaging/templates", { key: "order_confirmation", locale: "en", sms_body: "Hi {{custmer_first_name}}" })
      expect(unknown.status).toBe(400)
      expect(unknown.data.problems[0]).toMatchObject({ path: "sms_body", message: expect.stringContaining('unknown variable "custmer_first_name"') })

      const empty = await post("/admin/messaging/templates", {
        key: "order_shipped",
        locale: "en",
        sms_body: "  ",
        rcs_payload: { type: "card", card: { title: "On its way" } },
      })
      expect(empty.status).toBe(400)
      expect(empty.data.problems).toEqual([
        { path: "sms_body", message: "the SMS text is empty; it is mandatory, also as the fallback of the RCS variant" },
      ])
      // a key of the developer's own must say which variables its subscriber passes
      const own = await post("/admin/messaging/templates", { key: "vip_birthday", locale: "en", sms_body: "Happy birthday {{name}}" })
      expect(own.status).toBe(400)
      expect(own.data.problems[0].path).toBe("variables")
      const declared = await post("/admin/messaging/templates", {
        key: "vip_birthday",
        locale: "en",
        sms_body: "Happy birthday {{name}}",
        variables: ["name"],
      })
      expect(declared.status).toBe(201)
    })

    it("previews a draft: rendered text, encoding, segments, cost and the characters that force UCS-2", async () => {
      const gsm = await post("/admin/messaging/templates/preview", {
        key: "order_confirmation",
        locale: "fr",
        sms_body: "{{store_name}} : merci {{customer_first_name}}, commande #{{order_display_id}} ({{order_total}}) confirmée.",
      })
      expect(gsm.status).toBe(200)
      expect(gsm.data).toMatchObject({
        body: expect.stringMatching(/^Maison Demo : merci Camille, commande #1042 \(54,90\s€\) confirmée\.$/),
        encoding: "GSM-7",
        segments: 1,
        non_gsm: [],
        cost: { amount: 0.045, currency_code: "EUR" },
        problems: [],
      })
      const ucs = await post("/admin/messaging/templates/preview", {
        key: "order_confirmation",
        locale: "fr",
        sms_body: "Merci {{customer_first_name}}, à très bientôt ! “Fête” garantie",
      })
      expect(ucs.data.encoding).toBe("UCS-2")
      expect(ucs.data.non_gsm).toEqual([
        { char: "ô", index: 43, replacement: "o" },
        { char: "“", index: 48, replacement: '"' },
        { char: "ê", index: 50, replacement: "e" },
        { char: "”", index: 53, replacement: '"' },
      ])
      const problems = await post("/admin/messaging/templates/preview", { key: "welcome", locale: "en", sms_body: "Hi {{nope}}" })
      expect(problems.status).toBe(200)
      expect(problems.data.problems[0].message).toContain('unknown variable "nope"')
      // marketing texts are previewed with the opt-out mention the real send adds
      expect(problems.data.body).toBe("Hi\nReply STOP to opt out")
    })

    it("previews a broken draft as not rendered, with the unclosed section's opening tag, line and column, once", async () => {
      const body = "{{store_name}}: order #{{order_display_id}} is on its way.\nEnjoy {{#customer_first_name}} {{customer_first_name}}!"
      const res = await post("/admin/messaging/templates/preview", { key: "order_delivered", locale: "en", sms_body: body })
      expect(res.status).toBe(200)
      expect(res.data.rendered).toBe(false)
      expect(res.data.problems).toEqual([
        {
          path: "sms_body",
          message:
            'syntax error: Unclosed section "customer_first_name" opened at line 2, column 7: add {{/customer_first_name}} where it ends',
          at: { code: "unclosed_section", name: "customer_first_name", start: 65, end: 89, line: 2, column: 7 },
        },
      ])
      expect(body.slice(65, 89)).toBe("{{#customer_first_name}}")
      const good = await post("/admin/messaging/templates/preview", { key: "order_delivered", locale: "en", sms_body: "{{store_name}} says hi" })
      expect(good.data).toMatchObject({ rendered: true, problems: [] })
      // the sender the phone preview shows: the store's name, as {{store_name}} renders
      expect(good.data.body).toBe(`${good.data.store_name} says hi`)
      expect(good.data.store_name.length).toBeGreaterThan(0)
    })

    it("saves the store's version, sends it on the next order, and reverts to the default when deleted", async () => {
      const saved = await post("/admin/messaging/templates", {
        key: "order_confirmation",
        locale: "en",
        sms_body: "{{store_name}}: merci {{customer_first_name}}! #{{order_display_id}} · {{items_summary}}",
      })
      expect(saved.status).toBe(201)
      expect(saved.data.template).toMatchObject({ is_default: false, key: "order_confirmation", locale: "en" })
      const again = await post("/admin/messaging/templates", {
        key: "order_confirmation",
        locale: "en",
        sms_body: "{{store_name}}: thanks {{customer_first_name}}! #{{order_display_id}}: {{items_summary}}",
      })
      expect(again.status).toBe(200)
      expect(again.data.template.id).toBe(saved.data.template.id)

      const placed = await placeOrder(http, {
        publishable_key: store.publishable_key,
        region_id: store.region_id,
        variant_id: store.variant_id,
        email: "own@example.com",
        phone: "06 12 12 12 12",
      })
      const message = await waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/messages?order_id=${placed.id}`, admin)
        return data.messages[0]
      }, { what: "the confirmation" })
      expect(message.body).toMatch(new RegExp(`^Maison Demo: thanks Camille! #${placed.display_id}: \\S`))

      const deleted = await api.delete(`/admin/messaging/templates/${saved.data.template.id}`, admin)
      expect(deleted.data).toMatchObject({ id: saved.data.template.id, deleted: true })
      const { data } = await api.get("/admin/messaging/templates", admin)
      expect(data.templates.find((t: any) => t.key === "order_confirmation" && t.locale === "en")).toMatchObject({ is_default: true })
      const missing = await api.delete(`/admin/messaging/templates/${saved.data.template.id}`, admin).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
    })

    it("sends a test of the draft to the admin's phone through the real pipeline", async () => {
      const res = await post("/admin/messaging/templates/send-test", {
        key: "order_shipped",
        locale: "en",
        sms_body: "Test: {{store_name}} order #{{order_display_id}} {{tracking_url}}",
        phone: "+33 6 99 88 77 66",
      })
      expect(res.status).toBe(200)
      expect(res.data.message).toMatchObject({ to: "+33699887766", status: "queued" })
      const sent = await waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/messages/${res.data.message.id}`, admin)
        return data.message.status === "delivered" ? data.message : undefined
      }, { what: "the test text delivered" })
      expect(sent.body).toBe("Test: Maison Demo order #1042 https://track.example.com/1Z999AA10123456784")
      expect(sent.metadata).toMatchObject({ test: true })

      const badPhone = await post("/admin/messaging/templates/send-test", { key: "order_shipped", locale: "en", sms_body: "x", phone: "0612" })
      expect(badPhone.status).toBe(400)
      expect(badPhone.data.message).toMatch(/^Not sent: invalid_phone/)
    })
  },
})
