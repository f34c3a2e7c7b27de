/** The fields of a message returned by the admin API unless `?fields=` asks for others. */
export const defaultAdminMessageFields = [
  "id",
  "to",
  "channel",
  "purpose",
  "status",
  "status_reason",
  "body",
  "template_key",
  "consent_reply",
  "locale",
  "encoding",
  "segments",
  "cost_amount",
  "cost_currency_code",
  "provider",
  "provider_message_id",
  "order_id",
  "cart_id",
  "customer_id",
  "campaign_id",
  "automation",
  "fallback_of_id",
  "expires_at",
  "attempts",
  "send_after",
  "metadata",
  "rich_payload",
  "sent_at",
  "delivered_at",
  "read_at",
  "failed_at",
  "created_at",
  "updated_at",
]

export const listMessagesQueryConfig = {
  defaults: defaultAdminMessageFields,
  defaultLimit: 20,
  isList: true,
}

export const retrieveMessageQueryConfig = {
  defaults: defaultAdminMessageFields,
  isList: false,
}
