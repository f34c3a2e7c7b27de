import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../helpers/admin-user"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

isolateQueues("http-admin-resend")
jest.setTimeout(120_000)

/** What a resend refuses (RCS replaced by its SMS fallback, consent replies, test sends) and the Messages list's order and sort. */
medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let messaging: any

    beforeEach(async () => {
      const container = getContainer()
      const { email, password } = await createAdminUser(container)
      const { data } = await api.post("/auth/user/emailpass", { email, password })
      admin = { headers: { authorization: `Bearer ${data.token}` } }
      messaging = container.resolve("messaging")
    })

    const message = async (key: string, extra: Record<string, unknown> = {}) =>
      (
        await messaging.createMessageOnce({
          idempotency_key: key, purpose: "transactional", template_key: "order_shipped", to: "+33677777777", channel: "sms", status: "failed", body: `text ${key}`, ...extra,
        })
      ).message
    const resend = (id: string) => api.post(`/admin/messaging/messages/${id}/resend`, {}, admin).catch((e: any) => e.response)
    const list = async (query: string) => (await api.get(`/admin/messaging/messages${query}`, admin)).data

    it("does not resend a failed RCS message whose SMS fallback went out, and counts only resends whose whole chain failed", async () => {
      const rcs = await message("rcs-1", { channel: "rcs", status_reason: "RBM_UNREACHABLE: not RCS-capable" })
      const sms = await message("rcs-1:sms-fallback", { fallback_of_id: rcs.id, status: "delivered" })

      const refused = await resend(rcs.id)
      expect(refused.status).toBe(400)
      expect(refused.data).toMatchObject({ code: "fallback_sent", message: expect.stringMatching(/^Not resent: the SMS fallback/) })
      expect((await list(`?fallback_of_id=${rcs.id}`)).messages.map((m: any) => m.id)).toEqual([sms.id])

      // the fallback failed too: the text never reached the customer, the RCS message may be resent
      await messaging.updateMessages({ id: sms.id, status: "failed" })
      const first = await resend(rcs.id)
      expect(first.status).toBe(201)
      expect(first.data).toMatchObject({ resend_of: rcs.id, attempt: 1 })
      // resending the failed SMS fallback is the same text: same chain, same message
      const viaSms = await resend(sms.id)
      expect(viaSms.status).toBe(200)
      expect(viaSms.data.message.id).toBe(first.data.message.id)

      // the resend failed on RCS but its own SMS fallback (which copies resend_of) was delivered: no attempt 2
      await messaging.updateMessages({ id: first.data.message.id, status: "failed" })
      await message("resend-1:sms-fallback", { fallback_of_id: first.data.message.id, status: "delivered", metadata: { resend_of: rcs.id } })
      const again = await resend(rcs.id)
      expect(again.status).toBe(200)
      expect(again.data).toMatchObject({ created: false, attempt: 1 })
      expect(again.data.message.id).toBe(first.data.message.id)
    })

    it("leaves out of the overview's failures an RCS message replaced by its SMS fallback", async () => {
      const now = new Date()
      const rcs = await message("ov-rcs", { channel: "rcs", status_reason: "RBM_UNREACHABLE: not RCS-capable" })
      await messaging.updateMessages({ id: rcs.id, failed_at: now })
      await message("ov-rcs:sms-fallback", { fallback_of_id: rcs.id, status: "delivered" })
      const lone = await message("ov-lone", { channel: "rcs", status_reason: "RBM_UNREACHABLE: not RCS-capable" })
      await messaging.updateMessages({ id: lone.id, failed_at: now })
      const { data } = await api.get("/admin/messaging/overview", admin)
      expect(data.overview.failures_24h).toMatchObject({ total: 1, reasons: [{ code: "RBM_UNREACHABLE", count: 1 }] })
    })

    it("refuses a consent reply, a test send and a marketing text with a machine code, and an unknown id with not_found", async () => {
      const code = await message("code-1", { consent_reply: "verification_code" })
      const refusedCode = await resend(code.id)
      expect(refusedCode.status).toBe(400)
      expect(refusedCode.data).toMatchObject({ code: "consent_reply", message: expect.stringMatching(/^Not resent: a consent reply/) })

      const test = await message("test-1", { metadata: { test: true } })
      expect((await resend(test.id)).data).toMatchObject({ code: "test_send" })

      const marketing = await message("promo-1", { purpose: "marketing" })
      expect((await resend(marketing.id)).data).toMatchObject({ code: "marketing" })

      const missing = await resend("msg_nope")
      expect(missing.status).toBe(404)
      expect(missing.data.code).toBe("not_found")
    })

    it("finds messages by the order's number as well as its id, and refuses an unknown sort with the allowed ones", async () => {
      const orders = getContainer().resolve(Modules.ORDER) as any
      const created = await orders.createOrders({ currency_code: "eur", email: "buyer@example.com" })
      const [order] = await orders.listOrders({ id: created.id }, { select: ["id", "display_id"] })
      await message("order-1", { order_id: order.id, status: "delivered" })
      await message("order-other", { order_id: "order_other", status: "delivered" })

      for (const typed of [order.id, String(order.display_id), `%23${order.display_id}`]) {
        expect((await list(`?order_id=${typed}`)).messages.map((m: any) => m.order_id)).toEqual([order.id])
      }
      expect((await list("?order_id=99999999")).count).toBe(0)

      expect((await list("?order=-sent_at")).count).toBe(2)
      const error = await api.get("/admin/messaging/messages?order=foo", admin).catch((e: any) => e.response)
      expect(error.status).toBe(400)
      expect(error.data.message).toMatch(/Invalid order "foo": sort on one of created_at, .*sent_at/)
    })
  },
})
