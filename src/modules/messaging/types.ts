import type { ConsentReplyKind } from "../../lib/consent/consent-reply"
import type { MessageStatus } from "../../lib/message-status"
import type { NewTrackedLink } from "../../lib/tracking"

export type MessageDTO = {
  id: string
  to: string | null
  raw_to: string | null
  country_code: string | null
  channel: "sms" | "rcs"
  purpose: "transactional" | "marketing"
  template_key: string | null
  locale: string | null
  body: string | null
  rich_payload: Record<string, unknown> | null
  status: MessageStatus
  status_reason: string | null
  provider: string | null
  provider_message_id: string | null
  idempotency_key: string
  encoding: "GSM-7" | "UCS-2" | null
  segments: number
  cost_amount: number | null
  cost_currency_code: string | null
  rule_region: string | null
  time_zones: string[] | null
  order_id: string | null
  cart_id: string | null
  customer_id: string | null
  campaign_id: string | null
  automation: string | null
  fallback_of_id: string | null
  attempts: number
  send_after: Date | null
  metadata: Record<string, unknown> | null
  sent_at: Date | null
  delivered_at: Date | null
  read_at: Date | null
  failed_at: Date | null
  created_at: Date
  updated_at: Date
}

export type CreateMessageInput = {
  idempotency_key: string
  to: string | null
  raw_to?: string | null
  country_code?: string | null
  rule_region?: string | null
  time_zones?: string[] | null
  channel: "sms" | "rcs"
  purpose: "transactional" | "marketing"
  template_key?: string | null
  locale?: string | null
  body?: string | null
  rich_payload?: Record<string, unknown> | null
  status: MessageStatus
  status_reason?: string | null
  encoding?: "GSM-7" | "UCS-2" | null
  segments?: number
  cost_amount?: number | null
  cost_currency_code?: string | null
  order_id?: string | null
  cart_id?: string | null
  customer_id?: string | null
  campaign_id?: string | null
  metadata?: Record<string, unknown> | null
  /** Not before this time (an automation's delay). */
  send_after?: Date | null
  automation?: string | null
  /** Only the plugin's own consent replies set it (lib/consent/consent-reply.ts). */
  consent_reply?: ConsentReplyKind | null
  /** Short links in the body and RCS buttons, stored with the message. */
  links?: NewTrackedLink[]
  /** A conversation's message: an automatic answer, or an admin's reply (models/message.ts). */
  conversation_role?: "automatic" | "agent" | null
  /** The admin user who wrote an agent reply. */
  sent_by?: string | null
  /** MMS: the image sent with the text (lib/messages/mms.ts). */
  media_url?: string | null
}
