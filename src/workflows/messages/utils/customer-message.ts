import type { SendMessageWorkflowInput } from "../send-message"

/** What a message to a customer needs from their account, fetched with `query.graph`. */
export const CUSTOMER_MESSAGE_FIELDS = [
  "id",
  "first_name",
  "phone",
  "has_account",
  "metadata",
  "addresses.phone",
  "addresses.country_code",
  "addresses.province",
  "addresses.is_default_shipping",
]

type Address = { phone?: string | null; country_code?: string | null; province?: string | null; is_default_shipping?: boolean | null }

export type CustomerForMessage = {
  id: string
  first_name?: string | null
  phone?: string | null
  has_account?: boolean | null
  metadata?: Record<string, unknown> | null
  addresses?: Address[] | null
}

/**
 * The account's phone (or its default shipping address's), read with that address's country; the
 * locale from the customer's metadata (`locale`), as Medusa's customers have no locale field.
 */
export function buildCustomerMessageInput(
  customer: CustomerForMessage,
  input: Pick<SendMessageWorkflowInput, "template_key" | "idempotency_key" | "purpose" | "delay_minutes" | "metadata"> & {
    variables?: Record<string, unknown>
  }
): SendMessageWorkflowInput {
  const addresses = customer.addresses ?? []
  const address = addresses.find((a) => a.is_default_shipping) ?? addresses[0]
  const phone = customer.phone?.trim() || addresses.find((a) => a.phone?.trim())?.phone?.trim() || null
  const locale = typeof customer.metadata?.locale === "string" ? customer.metadata.locale : null
  return {
    ...input,
    phone,
    country_code: address?.country_code ?? null,
    province: address?.province ?? null,
    locale,
    customer_id: customer.id,
    variables: { customer_first_name: customer.first_name || null, ...input.variables },
  }
}
