import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DemoStore } from "../app/src/scripts/seed-demo-store"
import { openStoreSession } from "../helpers/store-session"
import { completeCart, fillCart, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-attribution")
process.env.SMS_RCS_QUIET_HOURS = "off"
process.env.SMS_RCS_TRACKING_BASE_URL = "https://go.maison-demo.test"
jest.setTimeout(240_000)

const PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
const PREVIEW_UA = "facebookexternalhit/1.1 Facebot Twitterbot/1.0"

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    beforeEach(async () => {
      ;({ store, admin, http } = await openStoreSession(api, getContainer()))
    })

    const storeHeaders = () => ({ "x-publishable-api-key": store.publishable_key })
    const checkout = (email: string, phone: string) => ({
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email,
      phone,
    })
    const send = async (input: Record<string, unknown>) => {
      // the plugin's workflow as the app loaded it (the test app installs the plugin by name)
      const { sendMessageWorkflow } = require(require.resolve("medusa-plugin-sms-rcs/workflows", { paths: [TEST_APP_DIR] }))
      const { result } = await sendMessageWorkflow(getContainer()).run({ input })
      return result.message
    }
    const settled = (id: string, status: string) =>
      waitFor(async () => {
        const { data } = await api.get(`/admin/messaging/messages/${id}`, admin)
        return data.message.status === status ? data.message : undefined
      }, { what: `${id} ${status}` })
    const tap = (url: string, userAgent = PHONE_UA) => {
      const path = new URL(url).pathname
      return api.get(path, { headers: { "user-agent": userAgent }, maxRedirects: 0, validateStatus: () => true })
    }
    const complete = (cartId: string) => completeCart(http, store.publishable_key, cartId)

    it("follows a tap on an RCS button and on an SMS link to the orders they drove, and reports revenue and ROI per channel", async () => {
      const rcsPhone = "+33 6 20 30 40 50"
      const smsPhone = "+33 6 20 30 40 51"
      for (const phone of [rcsPhone, smsPhone]) {
        await api.post("/admin/messaging/consents", { phone, purpose: "marketing", action: "grant", note: "Shop counter form" }, admin)
      }

      // 1. a campaign goes out: an RCS card with a tracked button, and an SMS with a tracked link
      const rcs = await send({
        template_key: "black_friday",
        idempotency_key: "bf:rcs",
        phone: rcsPhone,
        purpose: "marketing",
        campaign_id: "camp_black_friday",
        channel: "rcs",
        body: "Maison Demo: Black Friday, -30% on everything: https://shop.example.com/sale?ref=bf",
        rcs_payload: {
          type: "card",
          card: {
            title: "Black Friday -30%",
            suggestions: [{ type: "open_url", text: "Shop the sale", url: "https://shop.example.com/sale?ref=bf", postback_data: "shop" }],
          },
        },
      })
      const sms = await send({
        template_key: "black_friday",
        idempotency_key: "bf:sms",
        phone: smsPhone,
        purpose: "marketing",
        campaign_id: "camp_black_friday",
        body: "Maison Demo: Black Friday, -30% on everything: https://shop.example.com/sale?ref=bf",
      })
      expect(rcs.channel).toBe("rcs")
      expect(sms.channel).toBe("sms")
      // links are replaced, counted at their real length, and kept apart per channel
      expect(sms.body).toMatch(/^Maison Demo: Black Friday, -30% on everything: https:\/\/go\.maison-demo\.test\/r\/[0-9A-Za-z]{10}\nReply STOP to opt out$/)
      const button = rcs.rich_payload.card.suggestions[0].url as string
      expect(button).toMatch(/^https:\/\/go\.maison-demo\.test\/r\/[0-9A-Za-z]{10}$/)
      const smsLink = sms.body.match(/https:\/\/go\S+/)[0] as string
      expect(button).not.toBe(rcs.body.match(/https:\/\/go\S+/)[0])

      await settled(rcs.id, "read")
      await settled(sms.id, "delivered")

      // 2. a link preview fetches the button first (a bot), then the shopper taps it
      const preview = await tap(button, PREVIEW_UA)
      expect(preview.status).toBe(302)
      const tapped = await tap(button)
      expect(tapped.status).toBe(302)
      const target = new URL(tapped.headers.location)
      expect(`${target.origin}${target.pathname}`).toBe("https://shop.example.com/sale")
      expect(Object.fromEntries(target.searchParams)).toEqual({
        ref: "bf",
        utm_source: "rcs",
        utm_medium: "campaign",
        utm_campaign: "camp_black_friday",
        sms_rcs_ref: button.split("/r/")[1],
      })
      const smsTap = await tap(smsLink)
      expect(new URL(smsTap.headers.location).searchParams.get("utm_source")).toBe("sms")

      // 3. the RCS shopper's storefront puts the code on the cart (their cart uses another phone)
      const rcsCart = await fillCart(http, checkout("rcs-buyer@example.com", "+33 6 99 99 99 01"))
      const attached = await api.post(
        "/store/messaging/attribution",
        { cart_id: rcsCart.id, code: target.searchParams.get("sms_rcs_ref") },
        { headers: storeHeaders() }
      )
      expect(attached.data).toMatchObject({ cart_id: rcsCart.id, message_id: rcs.id })
      const rcsOrder = await complete(rcsCart.id)
      // the SMS shopper orders from the phone the text went to, without the code
      const smsOrder = await complete((await fillCart(http, checkout("sms-buyer@example.com", smsPhone))).id)
      // someone no message reached
      const otherOrder = await complete((await fillCart(http, checkout("other@example.com", "+33 6 99 99 99 02"))).id)

      // 4. each order is credited to the right message and touch
      const attributionOf = (orderId: string) =>
        waitFor(async () => {
          const { data } = await api.get(`/admin/messaging/attribution?order_id=${orderId}`, admin)
          return data.attribution ? data : undefined
        }, { what: `attribution of ${orderId}` })
      const rcsCredit = await attributionOf(rcsOrder.id)
      expect(rcsCredit.attribution).toMatchObject({
        message_id: rcs.id,
        channel: "rcs",
        touch_type: "click",
        campaign_id: "camp_black_friday",
        template_key: "black_friday",
        currency_code: "eur",
        model: "last_touch_v1",
        windows: { click_hours: 120, delivery_hours: 24, read_hours: 24 },
      })
      expect(Number(rcsCredit.attribution.order_total)).toBe(Number(rcsOrder.total))
      const smsCredit = await attributionOf(smsOrder.id)
      expect(smsCredit.attribution).toMatchObject({ message_id: sms.id, channel: "sms", touch_type: "click" })
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect((await api.get(`/admin/messaging/attribution?order_id=${otherOrder.id}`, admin)).data.attribution).toBeNull()

      // 5. the analytics API shows SMS and RCS side by side
      const { data: report } = await api.get("/admin/messaging/analytics?group_by=channel", admin)
      const row = (channel: string) => report.rows.find((r: any) => r.channel === channel)
      expect(report.currency).toBe("EUR")
      expect(row("rcs")).toMatchObject({
        sent: 1,
        delivered: 1,
        read: 1,
        clicks: 1,
        unique_clicks: 1,
        ctr: 1,
        orders: 1,
        revenue: Number(rcsOrder.total),
        cost: 0.03,
        conversion_rate: 1,
      })
      expect(row("rcs").roi).toBeCloseTo((Number(rcsOrder.total) - 0.03) / 0.03, 1)
      // the SMS row also holds the order confirmations (transactional, sent after the orders)
      expect(row("sms")).toMatchObject({ clicks: 1, unique_clicks: 1, orders: 1, revenue: Number(smsOrder.total) })
      expect(report.totals.orders).toBe(2)
      expect(report.totals.revenue).toBe(Number(rcsOrder.total) + Number(smsOrder.total))

      const { data: byCampaign } = await api.get("/admin/messaging/analytics?group_by=campaign,channel", admin)
      expect(byCampaign.rows.filter((r: any) => r.campaign === "camp_black_friday").map((r: any) => r.channel).sort()).toEqual(["rcs", "sms"])
      const csv = await api.get("/admin/messaging/analytics?group_by=channel&format=csv", admin)
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
      expect(csv.data.split("\n")[0]).toBe(
        "channel,sent,delivered,read,clicks,unique_clicks,ctr (%),orders,conversion_rate (%),revenue (EUR),revenue_per_message (EUR),unsubscribes,unsubscribe_rate (%),segments,cost (EUR),roi (%)"
      )
      const bad = await api.get("/admin/messaging/analytics?group_by=colour", admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)

      // 6. recomputing credits the same orders again
      const recomputed = await api.post("/admin/messaging/attribution/recompute", { from: new Date(Date.now() - 3_600_000).toISOString() }, admin)
      expect(recomputed.data).toMatchObject({ orders: 3, attributed: 2 })

      // 7. the repair (what the half-hourly job runs): an attribution row lost (a failed order.placed, or a
      // PostgreSQL crash before its asynchronous commit reached the disk) is written again; the others are left
      const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const before = await db("sms_rcs_attribution").whereNull("deleted_at").select("order_id", "updated_at", "message_id")
      expect(before).toHaveLength(2)
      await db("sms_rcs_attribution").where({ order_id: rcsOrder.id }).delete()
      const repaired = await api.post(
        "/admin/messaging/attribution/recompute",
        { from: new Date(Date.now() - 3_600_000).toISOString(), only_missing: true },
        admin
      )
      // the order credited to no message is looked at again; the SMS order's row is not
      expect(repaired.data).toMatchObject({ orders: 2, attributed: 1 })
      const after = await db("sms_rcs_attribution").whereNull("deleted_at").select("order_id", "updated_at", "message_id")
      expect(after.find((r: any) => r.order_id === rcsOrder.id)?.message_id).toBe(before.find((r: any) => r.order_id === rcsOrder.id)?.message_id)
      const smsRow = (rows: any[]) => rows.find((r: any) => r.order_id === smsOrder.id)
      expect(new Date(smsRow(after).updated_at).getTime()).toBe(new Date(smsRow(before).updated_at).getTime())
    })

    it("answers unknown codes with a 404 page and expired links with the store's home page, never a 500", async () => {
      const unknown = await tap("https://x/r/AbCdEfGh12")
      expect(unknown.status).toBe(404)
      expect(unknown.headers["content-type"]).toMatch(/^text\/html/)
      expect((await tap("https://x/r/%27%3B--")).status).toBe(404)

      const sms = await send({
        template_key: "promo",
        idempotency_key: "promo:1",
        phone: "+33 6 20 30 40 52",
        body: "Sale: https://shop.example.com/x",
      })
      const link = sms.body.match(/https:\/\/go\S+/)[0]
      await getContainer()
        .resolve("__pg_connection__")
        .raw(`UPDATE sms_rcs_tracked_link SET expires_at = now() - interval '1 day' WHERE message_id = ?`, [sms.id])
      const expired = await tap(link)
      expect(expired.status).toBe(302)
      expect(expired.headers.location).toBe("http://localhost:8000")

      const refused = await api
        .post("/store/messaging/attribution", { cart_id: "cart_x", code: "AbCdEfGh12" }, { headers: storeHeaders() })
        .catch((e: any) => e.response)
      expect(refused.status).toBe(404)
    })
  },
})
