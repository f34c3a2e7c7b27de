import type { RcsPayload } from "../../lib/rcs/payload"
import { readJsonAnswer } from "../read-answer"
import { toTwilioContent } from "./twilio-content"
import { twilioHttpError, twilioNetworkError } from "./twilio-errors"
import { ProviderError, type LookupResult, type MessagingProvider, type OutboundMessage, type ProviderHealth, type SendResult, type WebhookEndpoint } from "../types"

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
  contentApiBaseUrl: string
  timeoutMs: number
}

export const TWILIO_STATUS_PATH = "/hooks/messaging/twilio/status"
export const TWILIO_INBOUND_PATH = "/hooks/messaging/twilio/inbound"

/** Twilio keeps a message queued at most 10 hours (`ValidityPeriod`). */
const MAX_VALIDITY_SECONDS = 36_000

/**
 * Twilio Programmable Messaging over its REST API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * form-encoded, Basic auth. Delivery reports come back to the status webhook, which carries our message
 * id in its URL so a report can be matched even when the send's own answer was lost.
 */
export class TwilioProvider implements MessagingProvider {
  static readonly identifier = "twilio"
  readonly identifier = TwilioProvider.identifier
  /** RCS goes through a Messaging Service with an RCS sender, which also falls back to SMS by itself. */
  readonly channels: readonly ("sms" | "rcs")[]
  /** Content items created, by friendly name (a hash of the content): created once per process. */
  private readonly contentSids = new Map<string, Promise<string>>()

  constructor(private readonly options: TwilioOptions) {
    this.channels = options.messagingServiceSid ? ["sms", "rcs"] : ["sms"]
  }

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

  /**
   * The Content API item for an RCS message (`POST /v1/Content`), created once per distinct content; a
   * failed creation is forgotten so the next send tries again.
   */
  private contentSid(message: OutboundMessage): Promise<string> {
    const content = toTwilioContent(message.body, (message.rich_payload as RcsPayload | null) ?? null, "en")
    let sid = this.contentSids.get(content.friendly_name)
    if (!sid) {
      sid = this.createContent(content)
      sid.catch(() => this.contentSids.delete(content.friendly_name))
      this.contentSids.set(content.friendly_name, sid)
    }
    return sid
  }

  private async createContent(content: ReturnType<typeof toTwilioContent>): Promise<string> {
    let response: Response
    try {
      response = await fetch(`${this.options.contentApiBaseUrl.replace(/\/$/, "")}/v1/Content`, {
        method: "POST",
        headers: { authorization: this.authorization, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(content),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
    } catch (error) {
      // creating content sends nothing to anyone: whatever the network did, it is safe to retry
      const { message, code } = twilioNetworkError(error)
      throw new ProviderError("retryable", message, code)
    }
    const body: any = await response.json().catch(() => ({}))
    if (!response.ok || typeof body.sid !== "string") {
      throw twilioHttpError(response.ok ? 500 : response.status, body, response.headers.get("retry-after"))
    }
    return body.sid
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const o = this.options
    const form = new URLSearchParams({ To: message.to })
    if (message.channel === "rcs") {
      form.set("ContentSid", await this.contentSid(message))
    } else {
      form.set("Body", message.body)
    }
    if (o.messagingServiceSid) {
      form.set("MessagingServiceSid", o.messagingServiceSid)
    } else {
      form.set("From", o.from!)
    }
    form.set("StatusCallback", this.statusCallbackUrl(message.id))
    // an RCS message lives until its deadline, so Twilio reports it failed (and the SMS replaces it) then
    const rcsSeconds = message.channel === "rcs" && message.expires_at ? Math.ceil((message.expires_at.getTime() - Date.now()) / 1000) : null
    const validity = rcsSeconds ?? o.validityPeriodSeconds
    if (validity) {
      form.set("ValidityPeriod", String(Math.min(MAX_VALIDITY_SECONDS, Math.max(1, validity))))
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
    const body = await readJsonAnswer(response, (text) => ({ message: text }))
    if (!response.ok) {
      throw twilioHttpError(response.status, body, response.headers.get("retry-after"))
    }
    if (typeof body.sid !== "string") {
      throw twilioHttpError(500, { message: "answer without a message sid" }, null)
    }
    return { provider_message_id: body.sid }
  }

  /** Reads the account (`GET /2010-04-01/Accounts/{AccountSid}.json`): proves the credentials, sends nothing. */
  async checkHealth(): Promise<ProviderHealth> {
    const url = `${this.options.apiBaseUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${this.options.accountSid}.json`
    try {
      const response = await fetch(url, {
        headers: { authorization: this.authorization, accept: "application/json" },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
      const body: any = await response.json().catch(() => ({}))
      if (!response.ok) {
        return { ok: false, detail: `Twilio answered ${response.status}: ${body.message ?? "refused"}` }
      }
      const sender = this.options.messagingServiceSid ? `Messaging Service ${this.options.messagingServiceSid}` : `sender ${this.options.from}`
      return { ok: true, detail: `account ${body.friendly_name ?? this.options.accountSid} (${body.status ?? "active"}), ${sender}` }
    } catch (error) {
      return { ok: false, detail: `Twilio unreachable: ${(error as Error).message}` }
    }
  }

  webhooks(): WebhookEndpoint[] {
    const base = this.options.publicUrl.replace(/\/$/, "")
    return [
      { label: "Status callback (set by the plugin on every message)", url: `${base}${TWILIO_STATUS_PATH}` },
      { label: "Incoming messages (number or Messaging Service webhook)", url: `${base}${TWILIO_INBOUND_PATH}` },
    ]
  }
}
