import type { ProviderStatusEvent } from "../types"

/**
 * Twilio's `MessageStatus` values mapped to ours; the in-flight ones (accepted, queued, sending,
 * scheduled) add nothing to what the send request already told us.
 * https://www.twilio.com/docs/messaging/guides/outbound-message-status-in-status-callbacks
 */
const STATUSES: Record<string, ProviderStatusEvent["status"] | null> = {
  accepted: null,
  scheduled: null,
  queued: null,
  sending: null,
  sent: "sent",
  delivered: "delivered",
  read: "read",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
}

/** A status callback's parameters as our status event; null when there is nothing to record. */
export function twilioStatusEvent(params: URLSearchParams, messageId: string | undefined): ProviderStatusEvent | null {
  const sid = params.get("MessageSid") ?? params.get("SmsSid")
  const status = STATUSES[params.get("MessageStatus") ?? params.get("SmsStatus") ?? ""]
  if (!sid || !status) {
    return null
  }
  const errorCode = params.get("ErrorCode")
  return {
    provider: "twilio",
    provider_message_id: sid,
    ...(messageId ? { message_id: messageId } : {}),
    status,
    ...(status === "failed" ? { reason: `twilio ${params.get("MessageStatus")}${errorCode ? ` (error ${errorCode})` : ""}` } : {}),
    occurred_at: new Date().toISOString(),
  }
}
