import { useMutation, useQuery } from "@tanstack/react-query"
import { useRef } from "react"
import { requestWithProblems } from "./api"
import { messageKeys, type AdminMessage } from "./messages"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export type ProviderRole = "sms" | "rcs"

/** A configured gateway as GET /admin/messaging/providers describes it (what it does, never its credentials). */
export type AdminProvider = {
  id: string
  channels: string[]
  /** Which traffic the plugin sends through it: SMS, RCS, or both when one gateway does both. */
  roles: ProviderRole[]
  checks_capability: boolean
  can_revoke: boolean
  /** URLs to paste into the provider's console; none when the provider is told with each message. */
  webhooks: { label: string; url: string }[]
}

export type RcsSettings = {
  enabled: boolean
  automatic: boolean
  provider: string | null
  ttl_seconds: number
  sms_fallback: boolean
  capability_cache_hours: { capable: number; notCapable: number }
}

export type ProviderOverview = {
  public_url: string | null
  rcs: RcsSettings
  providers: AdminProvider[]
}

export type ProviderHealth = { id: string; ok: boolean; detail: string; checked_at: string }

export type ProviderTestInput = { phone: string; channel: ProviderRole; body?: string }

export const providerKeys = queryKeys("providers")

/** The providers, their webhooks and the RCS settings (they change only with a restart). */
export function useProviderOverview() {
  return useQuery({
    queryKey: providerKeys.list(),
    queryFn: () => sdk.client.fetch<ProviderOverview>("/admin/messaging/providers"),
    staleTime: Infinity,
  })
}

/** Asks the server to try the provider's credentials; the answer says whether they were accepted. */
export function useCheckProvider(id: string) {
  return useMutation({
    mutationFn: async () =>
      (await requestWithProblems<{ health: ProviderHealth }>(`/admin/messaging/providers/${encodeURIComponent(id)}/check`, { method: "POST" }))
        .health,
  })
}

type SentTest = Pick<AdminMessage, "id" | "channel" | "status" | "to">

/** Sends a test message through the real pipeline. Throws `ApiError` (400: RCS off, bad phone, suppressed…). */
export function useSendProviderTest() {
  return useMutation({
    mutationFn: async (input: ProviderTestInput) =>
      (await requestWithProblems<{ message: SentTest }>("/admin/messaging/providers/test-send", { method: "POST", body: input })).message,
  })
}

/** Statuses after which a message changes no more, except `delivered` that an RCS read receipt may follow. */
const SETTLED = ["read", "failed", "expired", "skipped", "suppressed"]

export type FollowedMessage = AdminMessage & { fallback_of_id?: string | null }

type Followed = { message: FollowedMessage; fallback: FollowedMessage | null }

const replaced = (m: FollowedMessage | undefined) => !!m && m.channel === "rcs" && ["failed", "expired"].includes(m.status)
const settled = (m: FollowedMessage | null | undefined) => !!m && (SETTLED.includes(m.status) || (m.status === "delivered" && m.channel === "sms"))

/**
 * Follows a message until it settles: asks GET /admin/messaging/messages/:id every `intervalMs`. An RCS
 * message stays followed after `delivered` (its read receipt comes next); an RCS message that expired or
 * failed is followed by the SMS that replaced it, found by `fallback_of_id` among the phone's test messages.
 * A failed poll keeps the last status shown; the next one may succeed.
 */
export function useFollowedMessage(id: string | null, { intervalMs = 1500, maxPolls = 120 } = {}) {
  // looks left for an SMS replacement once the RCS message expired or failed (none with smsFallback off)
  const fallbackLooks = useRef({ id, left: 10 })
  if (fallbackLooks.current.id !== id) fallbackLooks.current = { id, left: 10 }

  const query = useQuery({
    queryKey: [...messageKeys.detail(id ?? ""), "followed"],
    enabled: !!id,
    queryFn: async (): Promise<Followed> => {
      const { message } = await sdk.client.fetch<{ message: FollowedMessage }>(`/admin/messaging/messages/${id}`)
      if (!replaced(message) || !message.to) return { message, fallback: null }
      fallbackLooks.current.left--
      const { messages } = await sdk.client.fetch<{ messages: FollowedMessage[] }>("/admin/messaging/messages", {
        query: { to: message.to, template_key: "provider_test", channel: "sms", limit: 50 },
      })
      return { message, fallback: messages.find((m) => m.fallback_of_id === id) ?? null }
    },
    // a test is followed as it happens, never answered from an earlier visit
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchInterval: (q) => {
      if (q.state.dataUpdateCount + q.state.errorUpdateCount >= maxPolls) return false
      const data = q.state.data
      if (!data) return intervalMs
      const done = data.fallback ? settled(data.fallback) : replaced(data.message) ? fallbackLooks.current.left <= 0 : settled(data.message)
      return done ? false : intervalMs
    },
  })
  return { message: query.data?.message ?? null, fallback: query.data?.fallback ?? null, error: query.error?.message }
}
