import { twilioSignature } from "../../src/providers/twilio/twilio-signature"
import { startFakeTwilio, type FakeTwilio } from "../fakes/twilio-server"
import { freePort } from "./free-port"

export type TwilioApp = {
  /** The fake Twilio the test app sends through (set once `beforeAll` ran). */
  fake(): FakeTwilio
  /** The URL Twilio calls back, as the plugin's `twilio.publicUrl` says. */
  publicUrl(): string
}

/**
 * Starts the local fake Twilio and points the test app at it (the test runner boots the app with this
 * environment), plus `env` of the spec's own. Call it at a spec file's top level.
 */
export function useTwilioApp(twilio: { accountSid: string; authToken: string; from: string }, env: Record<string, string> = {}): TwilioApp {
  let fake: FakeTwilio
  let publicUrl: string
  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: twilio.accountSid, authToken: twilio.authToken })
    const port = await freePort()
    publicUrl = `http://localhost:${port}`
    Object.assign(process.env, {
      PORT: String(port),
      SMS_RCS_PROVIDER: "twilio",
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM: twilio.from,
      TWILIO_API_BASE_URL: fake.url,
      SMS_RCS_PUBLIC_URL: publicUrl,
      ...env,
    })
  })
  afterAll(async () => {
    await fake?.close()
  })
  return { fake: () => fake, publicUrl: () => publicUrl }
}

/** A shopper's text reaching the inbound webhook, signed as Twilio signs it. */
export function signedInbound(
  api: { post(path: string, body: string, config: { headers: Record<string, string> }): Promise<any> },
  twilio: { accountSid: string; authToken: string; from: string; publicUrl: string },
  from: string,
  body: string
) {
  const params = {
    MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, "0")}`,
    AccountSid: twilio.accountSid,
    From: from,
    To: twilio.from,
    Body: body,
  }
  const path = "/hooks/messaging/twilio/inbound"
  return api.post(path, new URLSearchParams(params).toString(), {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilioSignature(twilio.authToken, `${twilio.publicUrl}${path}`, params),
    },
  })
}
