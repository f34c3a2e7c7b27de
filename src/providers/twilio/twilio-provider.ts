import { twilioHttpError, twilioNetworkError } from "./twilio-errors"
import type { LookupResult, MessagingProvider, OutboundMessage, SendResult } from "../types"

export type TwilioOptions = {
  accountSid: string
  /** Signs (and verifies) webhooks; authenticates API calls unless an API key is given. */
  authToken: string
  apiKeySid?: string
  apiKeySecret?: string
  /** A sender number or alphanumeric id, or … */
  from?: string
  /** … a Messaging Service, which picks the sender (and is required for RCS). */
  messagingServiceSid?: string
  /** The URL Twilio reaches this Medusa server at, for status callbacks and their signatures. */
  publicUrl: string
  /** Seconds Twilio may keep a message queued before giving up (1–36000). */
  validityPeriodSeconds?: number
  apiBaseUrl: string
  timeoutMs: number
}

export const TWILIO_STATUS_PATH = "/hooks/messaging/twilio/status"

/**
 * Twilio Programmable Messaging over its REST API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded, Basic auth. Delivery reports come back to the status webhook, which carries our message
 * id in its URL so a report can be matched even when the send's own answer was lost.
 */
export class TwilioProvider implements MessagingProvider {
  static readonly identifier = "twilio"
  readonly identifier = TwilioProvider.identifier
  readonly channels = ["sms"] as const

  constructor(private readonly options: TwilioOptions) {}

  statusCallbackUrl(messageId: string): string {
    return `${this.options.publicUrl.replace(/\/$/, "")}${TWILIO_STATUS_PATH}?message_id=${encodeURIComponent(messageId)}`
  }

  private get authorization(): string {
    const o = this.options
    const user = o.apiKeySid ?? o.accountSid
    const password = o.apiKeySid ? o.apiKeySecret! : o.authToken
    return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`
  }

  private get messagesUrl(): string {
    return `${this.options.apiBaseUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${this.options.accountSid}/Messages.json`
  }

  /**
   * Twilio has no idempotency key, so a message whose send had no answer is looked for among the
   * messages sent to the same number since the claim (`GET Messages.json?To=…&DateSent>=…`), by its body.
   */
  async lookup(message: OutboundMessage, since: Date): Promise<LookupResult> {
    const query = new URLSearchParams({ To: message.to, "DateSent>": since.toISOString().slice(0, 10), PageSize: "100" })
    let response: Response
    try {
      response = await fetch(`${this.messagesUrl}?${query}`, {
        headers: { authorization: this.authorization, accept: "application/json" },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
    } catch (error) {
      throw twilioNetworkError(error)
    }
    const body: any = await response.json().catch(() => ({}))
    if (!response.ok) {
      throw twilioHttpError(response.status, body, response.headers.get("retry-after"))
    }
    const match = (body.messages ?? []).find(
      (m: any) => m.body === message.body && new Date(m.date_created).getTime() >= since.getTime() - 1000
    )
    if (!match) {
      return { found: false }
    }
    const status = ({ delivered: "delivered", read: "read", failed: "failed", undelivered: "failed" } as const)[
      match.status as string
    ]
    return { found: true, provider_message_id: match.sid, status: status ?? "sent" }
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const o = this.options
    const form = new URLSearchParams({ To: message.to, Body: message.body })
    if (o.messagingServiceSid) {
      form.set("MessagingServiceSid", o.messagingServiceSid)
    } else {
      form.set("From", o.from!)
    }
    form.set("StatusCallback", this.statusCallbackUrl(message.id))
    if (o.validityPeriodSeconds) {
      form.set("ValidityPeriod", String(o.validityPeriodSeconds))
    }
    let response: Response
    try {
      response = await fetch(this.messagesUrl, {
        method: "POST",
        headers: {
          authorization: this.authorization,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: form,
        signal: AbortSignal.timeout(o.timeoutMs),
      })
    } catch (error) {
      throw twilioNetworkError(error)
    }
    const text = await response.text().catch(() => "")
    let body: any = {}
    try {
      body = text ? JSON.parse(text) : {}
    } catch {
      body = { message: text.slice(0, 200) }
    }
    if (!response.ok) {
      throw twilioHttpError(response.status, body, response.headers.get("retry-after"))
    }
    if (typeof body.sid !== "string") {
      throw twilioHttpError(500, { message: "answer without a message sid" }, null)
    }
    return { provider_message_id: body.sid }
  }
}
