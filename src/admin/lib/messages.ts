import { useQuery } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export type AdminMessage = {
  id: string
  to: string | null
  channel: "sms" | "rcs"
  purpose: "transactional" | "marketing"
  status: string
  status_reason: string | null
  body: string | null
  template_key: string | null
  encoding: string | null
  segments: number
  created_at: string
  sent_at: string | null
  delivered_at: string | null
  read_at?: string | null
  failed_at?: string | null
  campaign_id?: string | null
  cost_amount?: number | null
  cost_currency_code?: string | null
  customer_id?: string | null
  order_id?: string | null
  cart_id?: string | null
  /** The RCS card or carousel sent (RCS messages); `body` is its SMS text. */
  rich_payload?: Record<string, unknown> | null
  /** The RCS message this SMS replaced after it failed or expired. */
  fallback_of_id?: string | null
  /** `{ automation: "abandoned_cart" }` for the texts an automation sent. */
  metadata?: Record<string, unknown> | null
}

type ListResponse = { messages: AdminMessage[]; count: number; limit: number; offset: number }

export const messageKeys = queryKeys("messages")

/** Statuses a message leaves on its own: a page showing one asks again until it settles. */
export const ON_ITS_WAY = ["queued", "deferred", "sending", "sent"]

/** Messages matching `filters`, refreshed every few seconds while some are still on their way. */
export function useMessages(filters: Record<string, string>) {
  return useQuery({
    queryKey: messageKeys.list(filters),
    queryFn: () => sdk.client.fetch<ListResponse>("/admin/messaging/messages", { query: { ...filters, limit: 50 } }),
    refetchInterval: (query) => (query.state.data?.messages.some((m) => ON_ITS_WAY.includes(m.status)) ? 3000 : false),
  })
}

/** One message, asked again every `intervalMs` while it is on its way (at most `maxPolls` times). */
export function useMessage<T extends Pick<AdminMessage, "status"> = AdminMessage>(
  id: string | null,
  { intervalMs = 1500, maxPolls = 40 } = {}
) {
  return useQuery({
    queryKey: messageKeys.detail(id ?? ""),
    enabled: !!id,
    queryFn: async () => (await sdk.client.fetch<{ message: T }>(`/admin/messaging/messages/${id}`)).message,
    // a failed poll keeps the last status shown; the next poll is the retry
    retry: false,
    refetchInterval: (query) =>
      query.state.dataUpdateCount < maxPolls && (!query.state.data || ON_ITS_WAY.includes(query.state.data.status)) ? intervalMs : false,
  })
}
