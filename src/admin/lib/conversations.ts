import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useRef } from "react"
import { requestWithCode } from "./api"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { TemplatePreview } from "./templates"
import { useDebouncedValue } from "./use-debounced-value"

/** An admin user as the conversations API names one (the assignee, the admin who replied). */
export type AdminPerson = { id: string; email: string | null; first_name: string | null; last_name: string | null }

export type ConversationStatus = "open" | "waiting" | "closed"
export type Channel = "sms" | "rcs"

export type Conversation = {
  id: string
  phone: string
  channel: Channel | null
  status: ConversationStatus
  assignee: AdminPerson | null
  unread_count: number
  customer: AdminPerson | null
  last_entry: { direction: "inbound" | "outbound"; body: string; at: string } | null
  waiting_since: string | null
  last_activity_at: string
  created_at: string
}

export type ConversationOrder = {
  id: string
  display_id: number | null
  status: string
  fulfillment_status: string | null
  total: number | null
  currency_code: string
  created_at: string
}

export type SuggestedReply = { text: string; postback?: string }

export type ConversationEntry = {
  id: string
  direction: "inbound" | "outbound"
  kind: "text" | "suggestion_tap" | "message"
  body: string
  channel: Channel | null
  status: string | null
  message_id: string | null
  template_key: string | null
  automatic: boolean
  sent_by: AdminPerson | null
  postback: string | null
  suggestions: SuggestedReply[] | null
  at: string
}

/** Whether a reply can go to this phone now, and why not (`code` for the translated reason). */
export type ReplyPermission = { allowed: boolean; code: string | null; reason: string | null }

export type ConversationThread = {
  conversation: Conversation & { orders: ConversationOrder[] }
  entries: ConversationEntry[]
  reply: ReplyPermission
}

export type ConversationCounts = { open: number; waiting: number; mine: number; unread: number }

/** The list's filters, as the API takes them: one status at most, "mine" and "unread" on top of it. */
export type ConversationFilters = { status?: ConversationStatus; mine?: boolean; unread?: boolean; q?: string }

export type ReplyDraft = { body: string; channel?: Channel; suggestions?: SuggestedReply[] }

export const conversationKeys = queryKeys("conversations")

/** How often the inbox asks again: new texts show up without a reload. */
export const INBOX_REFRESH_MS = 5000

/** The longest text a reply may have (what a provider accepts, as the API checks it). */
export const MAX_REPLY_CHARACTERS = 1600
/** RCS limits on suggested replies: at most 11 chips of at most 25 characters. */
export const MAX_SUGGESTIONS = 11
export const MAX_SUGGESTION_CHARACTERS = 25

function listQuery(filters: ConversationFilters, page: { limit: number; offset: number }) {
  const query: Record<string, string | number> = { limit: page.limit, offset: page.offset }
  if (filters.status) query.status = filters.status
  if (filters.mine) query.mine = "true"
  if (filters.unread) query.unread = "true"
  if (filters.q?.trim()) query.q = filters.q.trim()
  return query
}

/** One page of conversations, newest activity first, asked again every few seconds. */
export function useConversations(filters: ConversationFilters, page: { limit: number; offset: number }) {
  const query = listQuery(filters, page)
  return useQuery({
    queryKey: conversationKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ conversations: Conversation[]; count: number; limit: number; offset: number }>("/admin/messaging/conversations", { query }),
    placeholderData: keepPreviousData,
    refetchInterval: INBOX_REFRESH_MS,
  })
}

/** How many conversations each filter holds, for the filters' badges. */
export function useConversationCounts() {
  return useQuery({
    queryKey: conversationKeys.list({ counts: true }),
    queryFn: () => sdk.client.fetch<ConversationCounts>("/admin/messaging/conversations/counts"),
    refetchInterval: INBOX_REFRESH_MS,
  })
}

/** A conversation with its entries (oldest first), its customer's orders and whether a reply can go. */
export function useConversation(id: string | null) {
  return useQuery({
    queryKey: conversationKeys.detail(id ?? ""),
    enabled: !!id,
    queryFn: () => sdk.client.fetch<ConversationThread>(`/admin/messaging/conversations/${encodeURIComponent(id!)}`),
    refetchInterval: INBOX_REFRESH_MS,
  })
}

/**
 * Marks the open conversation read when it shows unread texts: once when it opens, and again when a new
 * text arrives while it is open (the admin is looking at it). A failed attempt is retried on the next
 * refresh, not in a loop.
 */
export function useMarkReadWhileOpen(conversation: Pick<Conversation, "id" | "unread_count"> | undefined) {
  const client = useQueryClient()
  const marking = useRef<string | null>(null)
  const id = conversation?.id
  const unread = conversation?.unread_count ?? 0
  useEffect(() => {
    if (!id || unread === 0 || marking.current === id) return
    marking.current = id
    sdk.client
      .fetch(`/admin/messaging/conversations/${encodeURIComponent(id)}/read`, { method: "POST", body: {} })
      .then(() => client.invalidateQueries({ queryKey: conversationKeys.all }))
      .catch(() => undefined)
      .finally(() => {
        marking.current = null
      })
  }, [id, unread, client])
}

/** A change to a conversation (assign, close, reopen) that refreshes the inbox when it lands. */
function useConversationAction<V>(id: string, request: (v: V) => Promise<unknown>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.all }),
  })
}

const path = (id: string, action: string) => `/admin/messaging/conversations/${encodeURIComponent(id)}/${action}`

/** Sends a reply; a refusal (409 opted out, 400) is a `CodedApiError` with the server's code. */
export function useSendReply(id: string) {
  return useConversationAction(id, (draft: ReplyDraft) =>
    requestWithCode<{ entry: ConversationEntry; message: { id: string; status: string } }>(path(id, "replies"), { method: "POST", body: draft })
  )
}

export function useAssignConversation(id: string) {
  return useConversationAction(id, (assignee_id: string | null) =>
    requestWithCode<{ conversation: Conversation }>(path(id, "assign"), { method: "POST", body: { assignee_id } })
  )
}

export function useCloseConversation(id: string) {
  return useConversationAction(id, () => requestWithCode<{ conversation: Conversation }>(path(id, "close"), { method: "POST", body: {} }))
}

export function useReopenConversation(id: string) {
  return useConversationAction(id, () => requestWithCode<{ conversation: Conversation }>(path(id, "reopen"), { method: "POST", body: {} }))
}

/**
 * The reply as it would go: its encoding, segments, characters and cost to this phone, counted by the
 * server as the template editor's meter is (same shape), asked `delayMs` after the admin stops typing.
 */
export function useReplyPreview(draft: { body: string; channel: Channel; phone: string } | null, delayMs = 250) {
  const key = draft && draft.body ? JSON.stringify(draft) : null
  const settledKey = useDebouncedValue(key, delayMs)
  const settled = useMemo(() => (settledKey ? (JSON.parse(settledKey) as { body: string; channel: Channel; phone: string }) : null), [settledKey])
  const query = useQuery({
    queryKey: [...conversationKeys.all, "reply-preview", settled],
    enabled: !!settled,
    queryFn: async () => ({
      preview: await requestWithCode<TemplatePreview>("/admin/messaging/conversations/reply-preview", { method: "POST", body: settled }),
      body: settled!.body,
    }),
    placeholderData: keepPreviousData,
    retry: false,
  })
  return {
    preview: key ? query.data?.preview ?? null : null,
    /** The text the preview counted: `non_gsm` indexes point into it. */
    previewedBody: key ? query.data?.body ?? null : null,
    loading: key !== settledKey || query.isFetching,
    error: query.error,
  }
}

/** The store's admin users, to assign a conversation to (the dashboard's own `/admin/users`). */
export function useAdminUsers() {
  return useQuery({
    queryKey: [...conversationKeys.all, "users"],
    queryFn: () => sdk.client.fetch<{ users: AdminPerson[] }>("/admin/users", { query: { limit: 100, fields: "id,email,first_name,last_name" } }),
    staleTime: 60_000,
  })
}

/** The signed-in admin (`/admin/users/me`), for "mine" and "assign to me". */
export function useCurrentUser() {
  return useQuery({
    queryKey: [...conversationKeys.all, "me"],
    queryFn: async () => (await sdk.client.fetch<{ user: AdminPerson }>("/admin/users/me", { query: { fields: "id,email,first_name,last_name" } })).user,
    staleTime: Infinity,
  })
}

/** A person's name for the page: first and last name, else their email. */
export function personName(person: AdminPerson | null | undefined): string | null {
  if (!person) return null
  const name = [person.first_name, person.last_name].filter(Boolean).join(" ").trim()
  return name || person.email || person.id
}

// ---- FAQ: the automatic answers the store writes ----

export type FaqEntry = {
  id: string
  locale: string
  keywords: string[]
  postbacks: string[]
  answer: string
  enabled: boolean
  is_default: boolean
  updated_at: string
}

export type FaqDraft = { locale: string; keywords: string[]; postbacks?: string[]; answer: string; enabled?: boolean }

export const faqKeys = queryKeys("faq")

export function useFaqEntries() {
  return useQuery({
    queryKey: faqKeys.list(),
    queryFn: () => sdk.client.fetch<{ entries: FaqEntry[] }>("/admin/messaging/faq"),
  })
}

/** Creates an entry (no id) or changes one; a refusal is a `CodedApiError` with the server's message. */
export function useSaveFaq() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...draft }: FaqDraft & { id?: string }) =>
      requestWithCode<{ entry: FaqEntry }>(id ? `/admin/messaging/faq/${encodeURIComponent(id)}` : "/admin/messaging/faq", { method: "POST", body: draft }),
    onSuccess: () => client.invalidateQueries({ queryKey: faqKeys.all }),
  })
}

export function useDeleteFaq() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => requestWithCode<{ id: string; deleted: true }>(`/admin/messaging/faq/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: faqKeys.all }),
  })
}

// ---- Text-to-join ----

export type JoinSettings = { enabled: boolean; keywords: Record<string, string>; number: string | null; sms_link: string | null }

export function useJoinSettings() {
  return useQuery({
    queryKey: queryKeys("join").detail("settings"),
    queryFn: () => sdk.client.fetch<JoinSettings>("/admin/messaging/join"),
    staleTime: 60_000,
  })
}
