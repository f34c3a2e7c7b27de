import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { backendUrl, sdk } from "./sdk"

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
  /** `{ automation: "abandoned_cart" }` for the texts an automation sent; `{ test: true }` for test sends. */
  metadata?: Record<string, unknown> | null
  automation?: string | null
  /** What kind of consent reply this is (a verification code, a YES confirmation…), never resent. */
  consent_reply?: string | null
  provider?: string | null
  provider_message_id?: string | null
  attempts?: number
  send_after?: string | null
  updated_at?: string
}

type ListResponse = { messages: AdminMessage[]; count: number; limit: number; offset: number }

export const messageKeys = queryKeys("messages")

/** Every status a message can have (the module's `MESSAGE_STATUSES`), in the order of a message's life. */
export const MESSAGE_STATUSES = ["queued", "deferred", "sending", "sent", "delivered", "read", "failed", "unknown", "skipped", "suppressed", "expired", "held_out"] as const

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

/**
 * The SMS that replaced a failed RCS message (`fallback_of_id`), if one went out or is on its way: such an
 * RCS message reached the customer and is not resent. Asked only for a failed RCS message.
 */
export function useLiveFallbackOf(message: Pick<AdminMessage, "id" | "channel" | "status"> | undefined) {
  const enabled = !!message && message.channel === "rcs" && message.status === "failed"
  return useQuery({
    queryKey: messageKeys.list({ fallback_of_id: message?.id ?? "" }),
    enabled,
    queryFn: () =>
      sdk.client.fetch<ListResponse>("/admin/messaging/messages", { query: { fallback_of_id: message!.id, limit: 5, fields: "id,status,channel" } }),
    select: (data) => data.messages.find((m) => m.status !== "failed") ?? null,
  })
}

/** The Messages page's filters, as the API takes them (`created_from`/`created_to`: ISO instants with their zone). */
export type MessageFilters = Partial<
  Record<"to" | "order_id" | "customer_id" | "template_key" | "campaign_id" | "status" | "created_from" | "created_to", string>
>

/** One page of messages matching `filters`: the page keeps the previous page shown while the next one loads. */
export function useMessagePage(filters: MessageFilters, page: { limit: number; offset: number }) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>
  return useQuery({
    queryKey: messageKeys.list({ ...query, ...page, page: true }),
    queryFn: () => sdk.client.fetch<ListResponse>("/admin/messaging/messages", { query: { ...query, limit: page.limit, offset: page.offset } }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.messages.some((m) => ON_ITS_WAY.includes(m.status)) ? 5000 : false),
  })
}

export type ResendResult = { message: AdminMessage; created: boolean; resend_of: string; attempt: number }

/** A refused resend: the server's machine `code` (`marketing`, `fallback_sent`…) and its English reason. */
export class ResendRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null
  ) {
    super(message)
    this.name = "ResendRefused"
  }
}

/**
 * `POST …/:id/resend`. The request is made here, not with `sdk.client.fetch` or `requestWithProblems`:
 * both drop the answer's `code`, which the page needs to say the refusal in the admin's language.
 */
async function postResend(id: string): Promise<ResendResult> {
  const response = await fetch(`${backendUrl.replace(/\/$/, "")}/admin/messaging/messages/${encodeURIComponent(id)}/resend`, {
    method: "POST",
    credentials: "include",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: "{}",
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) {
    throw new ResendRefused(data?.message || response.statusText || `HTTP ${response.status}`, response.status, typeof data?.code === "string" ? data.code : null)
  }
  return data as ResendResult
}

/** Sends a failed transactional message again; throws `ResendRefused` with the server's code and reason. */
export function useResendMessage(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => postResend(id),
    onSuccess: () => client.invalidateQueries({ queryKey: messageKeys.all }),
  })
}
