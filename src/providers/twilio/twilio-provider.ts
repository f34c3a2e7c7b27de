import type { RcsPayload } from "../../lib/rcs/payload"
import type http from "node:http"
import { httpRequest, providerAgent, type HttpAnswer } from "../http-request"
import { toTwilioContent } from "./twilio-content"
import { twilioHttpError, twilioNetworkError } from "./twilio-errors"
import { findTwilioMessage, twilioLookupStatus, type TwilioListedMessage } from "./twilio-lookup"
import type { TwilioOptions } from "./twilio-options"
import {
  ProviderError,
  type LookupQuery,
  type LookupResult,
  type MessagingProvider,
  type OutboundMessage,
  type ProviderHealth,
  type SendResult,
  type TakenIds,
  type WebhookEndpoint,
} from "../types"
import { webhookPath } from "../webhooks"

export const TWILIO_STATUS_PATH = webhookPath("twilio", "status")
export const TWILIO_INBOUND_PATH = webhookPath("twilio", "inbound")

/** Twilio keeps a message queued at most 10 hours (`ValidityPeriod`), and that long unless told otherwise. */
const MAX_VALIDITY_SECONDS = 36_000

/** Pages of 1,000 read at most when looking for a message among those sent to one number. */
const MAX_LOOKUP_PAGES = 20

/** The answer's JSON, whatever it is: an empty body is `{}`, a non-JSON one (a proxy's page) is kept as the message. */
function jsonOf(answer: HttpAnswer): any {
  try {
    return answer.text ? JSON.parse(answer.text) : {}
  } catch {
    return { message: answer.text.slice(0, 200) }
  }
}

const header = (answer: HttpAnswer, name: string): string | null => {
  const value = answer.headers[name]
  return Array.isArray(value) ? value[0] ?? null : value ?? null
}

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
  private readonly agent: http.Agent

  constructor(private readonly options: TwilioOptions) {
    this.channels = options.messagingServiceSid ? ["sms", "rcs"] : ["sms"]
    this.agent = providerAgent(options.apiBaseUrl)
  }

  /** One call to Twilio; a network failure is classified by whether the request may have left. */
  private async call(url: string, method: string, headers: Record<string, string>, body?: string): Promise<HttpAnswer> {
    try {
      return await httpRequest(url, {
        method,
        headers: { authorization: this.authorization, accept: "application/json", ...headers },
        body,
        timeoutMs: this.options.timeoutMs,
        agent: this.agent,
      })
    } catch (error) {
      throw twilioNetworkError(error)
    }
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

  private get apiBase(): string {
    return this.options.apiBaseUrl.replace(/\/$/, "")
  }

  /** `…/Accounts/{AccountSid}/Messages`: `.json` lists and creates, `/{sid}.json` reads one. */
  private get messagesBase(): string {
    return `${this.apiBase}/2010-04-01/Accounts/${this.options.accountSid}/Messages`
  }

  private get messagesUrl(): string {
    return `${this.messagesBase}.json`
  }

  /**
   * Twilio has no idempotency key, and its list API does not return the StatusCallback URL that carries
   * our id, so a message whose send had no clear answer is found by what Twilio does return: its sid
   * when the send's answer was kept (`GET Messages/{sid}.json`, exact); otherwise among every page of
   * messages sent to the number (`GET Messages.json?To=…`: no `DateSent` filter, a message still queued at
   * Twilio has none), created since the claim, from our sender, with our text, and not recorded for
   * another of our messages (see twilio-lookup.ts). Not found: lost only once Twilio's queue window
   * (`ValidityPeriod`) since the claim has passed — before that it may still show up.
   */
  async lookup(message: LookupQuery, taken: TakenIds): Promise<LookupResult> {
    if (message.provider_message_id) {
      const answer = await this.call(`${this.messagesBase}/${encodeURIComponent(message.provider_message_id)}.json`, "GET", {})
      if (answer.status === 200) {
        const found = jsonOf(answer) as TwilioListedMessage
        return { found: true, provider_message_id: found.sid, status: twilioLookupStatus(found.status) }
      }
      if (answer.status !== 404) {
        throw twilioHttpError(answer.status, jsonOf(answer), header(answer, "retry-after"))
      }
    }
    const listed: TwilioListedMessage[] = []
    let url: string | null = `${this.messagesUrl}?${new URLSearchParams({ To: message.to, PageSize: "1000" })}`
    for (let page = 0; url && page < MAX_LOOKUP_PAGES; page++) {
      const answer = await this.call(url, "GET", {})
      const body = jsonOf(answer)
      if (answer.status !== 200) {
        throw twilioHttpError(answer.status, body, header(answer, "retry-after"))
      }
      listed.push(...(Array.isArray(body.messages) ? body.messages : []))
      url = typeof body.next_page_uri === "string" && body.next_page_uri ? `${this.apiBase}${body.next_page_uri}` : null
    }
    if (url) {
      throw new ProviderError("retryable", `twilio: more than ${MAX_LOOKUP_PAGES} pages of messages to this number; not decided`)
    }
    const match = await findTwilioMessage(listed, message, { from: this.options.from ?? null, messagingServiceSid: this.options.messagingServiceSid ?? null }, taken)
    if (match) {
      return { found: true, provider_message_id: match.sid, status: twilioLookupStatus(match.status) }
    }
    return { found: false, lost: Date.now() >= this.queueWindowEnd(message).getTime() }
  }

  /** Until when Twilio may still hold (and send) a message claimed then: its ValidityPeriod. */
  private queueWindowEnd(message: LookupQuery): Date {
    if (message.channel === "rcs" && message.expires_at) return message.expires_at
    const seconds = this.options.validityPeriodSeconds ?? MAX_VALIDITY_SECONDS
    return new Date(message.claimed_at.getTime() + seconds * 1000)
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
    let answer: HttpAnswer
    try {
      answer = await this.call(`${this.options.contentApiBaseUrl.replace(/\/$/, "")}/v1/Content`, "POST", { "content-type": "application/json" }, JSON.stringify(content))
    } catch (error) {
      // creating content sends nothing to anyone: whatever the network did, it is safe to retry
      const { message, code } = error as ProviderError
      throw new ProviderError("retryable", message, code)
    }
    const body = jsonOf(answer)
    const ok = answer.status >= 200 && answer.status < 300
    if (!ok || typeof body.sid !== "string") {
      throw twilioHttpError(ok ? 500 : answer.status, body, header(answer, "retry-after"))
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
      // MMS: the image goes with the text (Twilio fetches it from this public URL)
      if (message.media_url) form.set("MediaUrl", message.media_url)
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
    const answer = await this.call(this.messagesUrl, "POST", { "content-type": "application/x-www-form-urlencoded" }, form.toString())
    const body = jsonOf(answer)
    if (answer.status < 200 || answer.status >= 300) {
      throw twilioHttpError(answer.status, body, header(answer, "retry-after"))
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
