import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { openStoreSession } from "../helpers/store-session"
import { isolateQueues, TEST_APP_DIR } from "../helpers/test-env"

isolateQueues("http-reply-preview")
jest.setTimeout(180_000)

// the test app's prices: SMS FR 0.045 / default 0.07 a segment, RCS 0.03 a message (EUR)
medusaIntegrationTestRunner({
  cwd: TEST_APP_DIR,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      ;({ admin } = await openStoreSession(api, getContainer()))
    })

    const preview = (body: unknown) => api.post("/admin/messaging/conversations/reply-preview", body, admin).catch((e: any) => e.response)

    it("counts a reply as the template editor does: encoding, segments, characters, cost at the phone's country", async () => {
      const fr = await preview({ body: "Your parcel leaves today.", channel: "sms", phone: "+33612345678" })
      expect(fr.status).toBe(200)
      expect(fr.data).toMatchObject({ encoding: "GSM-7", segments: 1, characters: 25, non_gsm: [], cost: { amount: 0.045, currency_code: "EUR" } })

      const us = await preview({ body: "x".repeat(161), phone: "+12025550143" })
      expect(us.data).toMatchObject({ encoding: "GSM-7", segments: 2, characters: 161, cost: { amount: 0.14, currency_code: "EUR" } })

      const accented = await preview({ body: "Votre colis est prêt", phone: "+33612345678" })
      expect(accented.data.encoding).toBe("UCS-2")
      expect(accented.data.non_gsm).toEqual([{ char: "ê", index: 18, replacement: "e" }])

      // RCS is priced by the message; a reply is the admin's own words, never rendered as a template
      const rcs = await preview({ body: "Hello {{first_name}}", channel: "rcs", phone: "+33612345678" })
      expect(rcs.data).toMatchObject({ body: "Hello {{first_name}}", cost: { amount: 0.03, currency_code: "EUR" } })
    })

    it("refuses a reply longer than a provider accepts, an unknown field, and a stranger", async () => {
      const huge = await preview({ body: "a".repeat(100_000), phone: "+33612345678" })
      expect(huge.status).toBe(400)
      expect(huge.data.message).toMatch(/100,000 characters long; providers accept at most 1,600/)
      expect((await preview({ body: "hi", channel: "mms" })).status).toBe(400)
      expect((await preview({ body: "hi", to_everyone: true })).status).toBe(400)
      const stranger = await api.post("/admin/messaging/conversations/reply-preview", { body: "hi" }).catch((e: any) => e.response)
      expect(stranger.status).toBe(401)
    })
  },
})
