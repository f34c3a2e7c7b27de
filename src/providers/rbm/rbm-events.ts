import { z } from "zod"
import type { ProviderStatusEvent } from "../types"

/** Marks our message id at the end of every suggestion's postback data, so a tap finds its message. */
export const POSTBACK_REF_SEPARATOR = "~ref:"

export function withPostbackRef(postbackData: string, messageId: string): string {
  return `${postbackData.slice(0, 2048 - POSTBACK_REF_SEPARATOR.length - messageId.length)}${POSTBACK_REF_SEPARATOR}${messageId}`
}

export function splitPostbackRef(postbackData: string): { postback_data: string; message_id: string | null } {
  const at = postbackData.lastIndexOf(POSTBACK_REF_SEPARATOR)
  if (at < 0) return { postback_data: postbackData, message_id: null }
  return { postback_data: postbackData.slice(0, at), message_id: postbackData.slice(at + POSTBACK_REF_SEPARATOR.length) || null }
}

/** The webhook body: Pub/Sub push format, or the console's one-time handshake. */
export const rbmWebhookBodySchema = z.union([
  z.object({ clientToken: z.string(), secret: z.string() }),
  z.object({
    message: z.object({ data: z.string().min(1), messageId: z.string().optional(), publishTime: z.string().optional() }).passthrough(),
    subscription: z.string().optional(),
  }),
])

/** The decoded `message.data`: an event (user's device or server) or a message from the user. */
const rbmDataSchema = z
  .object({
    agentId: z.string().optional(),
    senderPhoneNumber: z.string().optional(),
    phoneNumber: z.string().optional(),
    eventType: z.string().optional(),
    eventId: z.string().optional(),
    messageId: z.string().optional(),
    sendTime: z.string().optional(),
    text: z.string().optional(),
    suggestionResponse: z
      .object({ postbackData: z.string().default(""), text: z.string().default(""), type: z.string().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough()

export type RbmWebhookEvent =
  | { kind: "status"; id: string; status: ProviderStatusEvent }
  | { kind: "text"; id: string; from: string; text: string; at: string }
  | { kind: "suggestion"; id: string; from: string; text: string; postback_data: string; message_id: string | null; at: string }
  | { kind: "ignored"; id: string; reason: string }

const STATUS_OF: Record<string, ProviderStatusEvent["status"]> = {
  DELIVERED: "delivered",
  READ: "read",
  // the platform revoked the message at its TTL: the SMS fallback's cue
  TTL_EXPIRATION_REVOKED: "expired",
}

/**
 * Reads a verified webhook's `message.data`. Throws on data that is not JSON of the documented shape
 * (the route answers 400). Each event has an id for de-duplication: `eventId` for events, the user's
 * `messageId` for messages.
 */
export function parseRbmData(data: string): RbmWebhookEvent {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(data, "base64").toString("utf8"))
  } catch {
    throw new Error("message.data is not base64-encoded JSON")
  }
  const parsed = rbmDataSchema.safeParse(json)
  if (!parsed.success) {
    throw new Error(`message.data: ${parsed.error.issues[0]?.message}`)
  }
  const d = parsed.data
  const at = d.sendTime ?? new Date().toISOString()
  if (d.eventType) {
    const id = d.eventId ?? `${d.eventType}:${d.messageId}`
    const status = STATUS_OF[d.eventType]
    if (!status || !d.messageId) {
      // IS_TYPING, TTL_EXPIRATION_REVOKE_FAILED (delivered after all, or about to be), launch events …
      return { kind: "ignored", id, reason: d.eventType }
    }
    return {
      kind: "status",
      id,
      status: {
        provider: "rbm",
        provider_message_id: d.messageId,
        status,
        ...(d.senderPhoneNumber ?? d.phoneNumber ? { to: (d.senderPhoneNumber ?? d.phoneNumber)! } : {}),
        ...(status === "expired" ? { reason: "RCS TTL expired: revoked by the platform" } : {}),
        occurred_at: at,
      },
    }
  }
  const from = d.senderPhoneNumber
  const id = d.messageId
  if (!from || !id) {
    return { kind: "ignored", id: id ?? "unknown", reason: "no sender or message id" }
  }
  if (d.suggestionResponse) {
    const { postback_data, message_id } = splitPostbackRef(d.suggestionResponse.postbackData)
    return { kind: "suggestion", id, from, text: d.suggestionResponse.text, postback_data, message_id, at }
  }
  if (typeof d.text === "string") {
    return { kind: "text", id, from, text: d.text, at }
  }
  return { kind: "ignored", id, reason: "a file or location from the user" }
}
