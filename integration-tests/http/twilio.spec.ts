import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { twilioSignature } from "../../src/lib/signatures/twilio"
import { seedDemoStore, type DemoStore } from "../app/src/scripts/seed-demo-store"
import { startFakeTwilio, type FakeTwilio } from "../fakes/twilio-server"
import { createAdminUser } from "../helpers/admin-user"
import { freePort } from "../helpers/free-port"
import { placeOrder, type Http } from "../helpers/storefront"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"
import { waitFor } from "../helpers/wait-for"

isolateQueues("http-twilio")
jest.setTimeout(180_000)

const ACCOUNT_SID = `AC${"a1".repeat(16)}`
const AUTH_TOKEN = "fake-twilio-auth-token"
const FROM = "+15005550006"
const OPTED_OUT = "+33600000099"

let fake: FakeTwilio
let publicUrl: string

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, refuse: { [OPTED_OUT]: 21610 } })
  const port = await freePort()
  publicUrl = `http://localhost:${port}`
  Object.assign(process.env, {
    PORT: String(port),
    SMS_RCS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: FROM,
    TWILIO_API_BASE_URL: fake.url,
    SMS_RCS_PUBLIC_URL: publicUrl,
  })
})

afterAll(async () => {
  await fake?.close()
})

medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let http: Http

    const messagesOf = async (orderId: string) =>
      (await api.get(`/admin/messaging/messages?order_id=${orderId}`, admin)).data.messages
    const order = (email: string, phone: string) =>
      placeOrder(http, { publishable_key: store.publishable_key, region_id: store.region_id, variant_id: store.variant_id, email, phone })

    /** POSTs a status callback as Twilio would, signed with `token` over `url`. */
    const callback = (path: string, params: Record<string, string>, token = AUTH_TOKEN, signedUrl = `${publicUrl}${path}`) =>
      api
        .post(path, new URLSearchParams(params).toString(), {
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature": twilioSignature(token, signedUrl, params),
          },
        })
        .catch((e: any) => e.response)

    beforeEach(async () => {
      const container = getContainer()
      store = await seedDemoStore(container)
      const { email, password } = await createAdminUser(container)
      const { data } = await api.post("/auth/user/emailpass", { email, password })
      admin = { headers: { authorization: `Bearer ${data.token}` } }
      http = {
        get: async (path, headers) => (await api.get(path, { headers })).data,
        post: async (path, body, headers) => (await api.post(path, body, { headers })).data,
      }
    })

    it("sends the order confirmation through Twilio's API and records delivery from its signed callbacks", async () => {
      const placed = await order("tw@example.com", "06 12 34 56 78")
      const message = await waitFor(async () => (await messagesOf(placed.id)).find((m: any) => m.status === "delivered"), {
        what: "delivery through Twilio",
      })
      const sent = fake.accepted.find((m) => m.message_id === message.id)!
      expect(sent).toMatchObject({ to: "+33612345678", from: FROM, body: message.body })
      expect(message).toMatchObject({ provider: "twilio", provider_message_id: sent.sid, attempts: 1 })
      await fake.drain()
      expect(fake.callbacks.filter((c) => c.url.includes(message.id)).map((c) => c.status)).toEqual([204, 204])
    })

    it("refuses forged, tampered, unsigned and re-addressed callbacks with 403, and ignores a replayed one", async () => {
      const placed = await order("forge@example.com", "06 98 76 54 32")
      const message = await waitFor(async () => (await messagesOf(placed.id)).find((m: any) => m.status === "delivered"))
      const path = `/hooks/messaging/twilio/status?message_id=${message.id}`
      const failed = { MessageSid: message.provider_message_id, MessageStatus: "failed", ErrorCode: "30003", AccountSid: ACCOUNT_SID }

      expect((await callback(path, failed, "not-the-token")).status).toBe(403)
      const unsigned = await api
        .post(path, new URLSearchParams(failed).toString(), { headers: { "content-type": "application/x-www-form-urlencoded" } })
        .catch((e: any) => e.response)
      expect(unsigned.status).toBe(403)
      const signedForOtherBody = twilioSignature(AUTH_TOKEN, `${publicUrl}${path}`, { ...failed, MessageStatus: "delivered" })
      const tampered = await api
        .post(path, new URLSearchParams(failed).toString(), {
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signedForOtherBody },
        })
        .catch((e: any) => e.response)
      expect(tampered.status).toBe(403)
      expect((await callback(path, failed, AUTH_TOKEN, `https://elsewhere.example${path}`)).status).toBe(403)

      // A genuine but late "failed" after "delivered", and a replay of "delivered": accepted, changing nothing.
      expect((await callback(path, failed)).status).toBe(204)
      expect((await callback(path, { ...failed, MessageStatus: "delivered" })).status).toBe(204)
      const messaging = getContainer().resolve("messaging") as any
      await waitFor(async () => {
        const counts = await messaging.queueCounts()
        return counts.waiting + counts.active + counts.delayed === 0 ? true : undefined
      }, { what: "the status jobs to be processed" })
      const [after] = await messagesOf(placed.id)
      expect(after).toMatchObject({ id: message.id, status: "delivered", delivered_at: message.delivered_at })
    })

    it("suppresses a number Twilio refuses because its owner opted out (21610)", async () => {
      const placed = await order("stop@example.com", OPTED_OUT)
      const message = await waitFor(async () => (await messagesOf(placed.id)).find((m: any) => m.status === "suppressed"))
      expect(message.status_reason).toBe("21610: twilio: the recipient replied STOP to this sender")
      expect(message.attempts).toBe(1)
    })
  },
})
