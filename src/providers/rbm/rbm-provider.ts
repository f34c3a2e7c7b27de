import { createHash, randomUUID } from "node:crypto"
import type { RcsPayload } from "../../lib/rcs/payload"
import {
  ProviderError,
  type CapabilityResult,
  type MessagingProvider,
  type OutboundMessage,
  type ProviderHealth,
  type SendResult,
  type WebhookEndpoint,
} from "../types"
import { webhookPath } from "../webhooks"
import { readJsonAnswer } from "../read-answer"
import { ServiceAccountToken } from "./rbm-auth"
import { toRbmContentMessage } from "./rbm-content"
import { rbmHttpError, rbmNetworkError } from "./rbm-errors"
import type { RbmOptions } from "./rbm-options"

export const RBM_WEBHOOK_PATH = webhookPath("rbm")

/**
 * RBM message ids are UUIDs chosen by the agent, and the platform ignores a second message with an id
 * already used: the id is derived from ours (UUID v5 style), so every retry of one message carries the
 * same id and can never reach the phone twice.
 */
export function rbmMessageId(messageId: string): string {
  const hash = createHash("sha1").update(`medusa-plugin-sms-rcs:${messageId}`).digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * Google RCS Business Messaging over its REST API (v1): service-account OAuth, `phones/{E164}/capabilities`,
 * `phones/{E164}/agentMessages` (create with a TTL, revoke with DELETE). Delivery, read and reply events
 * come to the webhook at `/hooks/messaging/rbm`, signed with the client token.
 */
export class RbmProvider implements MessagingProvider {
  static readonly identifier = "rbm"
  readonly identifier = RbmProvider.identifier
  readonly channels = ["rcs"] as const
  /** RBM refuses a second message with an id it has seen (409), and ours is derived from our message id. */
  readonly resendIsSafe = true
  private readonly token: ServiceAccountToken

  constructor(private readonly options: RbmOptions) {
    this.token = new ServiceAccountToken(options.serviceAccountKey, options.timeoutMs, options.tokenUrl)
  }

  providerMessageIdOf(messageId: string): string {
    return rbmMessageId(messageId)
  }

  private url(path: string, query: Record<string, string>): string {
    const base = this.options.apiBaseUrl.replace(/\/$/, "")
    return `${base}/v1/${path}?${new URLSearchParams({ ...query, agentId: this.options.agentId })}`
  }

  private phonePath(phone: string): string {
    return `phones/${encodeURIComponent(phone)}`
  }

  /** One authenticated call; a 401 renews the token once (revoked, rotated key) before giving up. */
  private async call(method: string, url: string, body?: unknown, retried = false): Promise<{ status: number; body: any; headers: Headers }> {
    const token = await this.token.get()
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(body ? { "content-type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
    } catch (error) {
      throw rbmNetworkError(error)
    }
    const parsed = await readJsonAnswer(response, (text) => ({ error: { message: text } }))
    if (response.status === 401 && !retried) {
      this.token.invalidate()
      return this.call(method, url, body, true)
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }

  async capabilities(phone: string): Promise<CapabilityResult> {
    const answer = await this.call("GET", this.url(`${this.phonePath(phone)}/capabilities`, { requestId: randomUUID() }))
    if (answer.status === 404) {
      return { rcs_capable: false, features: [] }
    }
    if (answer.status >= 300) {
      throw rbmHttpError(answer.status, answer.body, answer.headers.get("retry-after"))
    }
    const features = Array.isArray(answer.body.features) ? answer.body.features.map(String) : []
    return { rcs_capable: true, features }
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const messageId = rbmMessageId(message.id)
    const agentMessage: Record<string, unknown> = {
      contentMessage: toRbmContentMessage(message.body, (message.rich_payload as RcsPayload | null) ?? null, message.id),
    }
    if (message.expires_at) {
      const seconds = Math.max(1, Math.round((message.expires_at.getTime() - Date.now()) / 1000))
      agentMessage.ttl = `${seconds}s`
    }
    const answer = await this.call(
      "POST",
      this.url(`${this.phonePath(message.to)}/agentMessages`, { messageId }),
      agentMessage
    )
    // 409: this id was used already, i.e. an earlier attempt of this very message went through
    if (answer.status >= 300 && answer.status !== 409) {
      throw rbmHttpError(answer.status, answer.body, answer.headers.get("retry-after"))
    }
    return { provider_message_id: messageId }
  }

  async revoke(message: OutboundMessage): Promise<"revoked" | "too_late"> {
    const answer = await this.call(
      "DELETE",
      this.url(`${this.phonePath(message.to)}/agentMessages/${rbmMessageId(message.id)}`, {})
    )
    if (answer.status === 404) {
      // delivered already (or never known): it cannot be taken back
      return "too_late"
    }
    if (answer.status >= 300) {
      throw rbmHttpError(answer.status, answer.body, answer.headers.get("retry-after"))
    }
    return "revoked"
  }

  async checkHealth(): Promise<ProviderHealth> {
    try {
      this.token.invalidate()
      await this.token.get()
      return { ok: true, detail: `service account ${this.options.serviceAccountKey.client_email} accepted; agent ${this.options.agentId}` }
    } catch (error) {
      return { ok: false, detail: error instanceof ProviderError ? error.message : String(error) }
    }
  }

  webhooks(publicUrl: string | null): WebhookEndpoint[] {
    return publicUrl ? [{ label: "Agent webhook URL (client token: your rbm.clientToken)", url: `${publicUrl.replace(/\/$/, "")}${RBM_WEBHOOK_PATH}` }] : []
  }
}
