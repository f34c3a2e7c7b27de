import { useEffect, useState } from "react"
import { requestWithProblems } from "./api"
import type { AdminMessage } from "./messages"
import { sdk } from "./sdk"
import { useAdminGet } from "./use-admin-get"

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

/** The providers, their webhooks and the RCS settings, loaded once (they change only with a restart). */
export function useProviderOverview() {
  const { value, ...state } = useAdminGet<ProviderOverview | null>("/admin/messaging/providers", null)
  return { ...state, overview: value }
}

/** Asks the server to try the provider's credentials; the answer says whether they were accepted. */
export async function checkProvider(id: string): Promise<ProviderHealth> {
  const { health } = await requestWithProblems<{ health: ProviderHealth }>(
    `/admin/messaging/providers/${encodeURIComponent(id)}/check`,
    { method: "POST" }
  )
  return health
}

/** Sends a test message through the real pipeline. Throws `ApiError` (400: RCS off, bad phone, suppressed…). */
export async function sendProviderTest(input: ProviderTestInput): Promise<Pick<AdminMessage, "id" | "channel" | "status" | "to">> {
  const { message } = await requestWithProblems<{ message: Pick<AdminMessage, "id" | "channel" | "status" | "to"> }>(
    "/admin/messaging/providers/test-send",
    { method: "POST", body: input }
  )
  return message
}

/** Statuses after which a message changes no more, except `delivered` that an RCS read receipt may follow. */
const SETTLED = ["read", "failed", "expired", "skipped", "suppressed"]

export type FollowedMessage = AdminMessage & { fallback_of_id?: string | null }

/**
 * Follows a message until it settles: polls GET /admin/messaging/messages/:id every `intervalMs`. An RCS
 * message stays followed after `delivered` (its read receipt comes next); an RCS message that expired or
 * failed is followed by the SMS that replaced it, found by `fallback_of_id` among the phone's test messages.
 */
export function useFollowedMessage(id: string | null, { intervalMs = 1500, maxPolls = 120 } = {}) {
  const [state, setState] = useState<{ message: FollowedMessage | null; fallback: FollowedMessage | null; error?: string }>(
    { message: null, fallback: null }
  )

  useEffect(() => {
    setState({ message: null, fallback: null })
    if (!id) return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let polls = 0
    // polls left to find an SMS replacement once the RCS message expired or failed (none with smsFallback off)
    let fallbackPolls = 10

    const replaced = (m: FollowedMessage | null) => !!m && m.channel === "rcs" && ["failed", "expired"].includes(m.status)
    const settled = (m: FollowedMessage | null) =>
      !!m && (SETTLED.includes(m.status) || (m.status === "delivered" && m.channel === "sms"))

    const load = async () => {
      polls++
      let message: FollowedMessage | null = null
      let fallback: FollowedMessage | null = null
      try {
        message = (await sdk.client.fetch<{ message: FollowedMessage }>(`/admin/messaging/messages/${id}`)).message
        if (replaced(message) && message.to) {
          fallbackPolls--
          const { messages } = await sdk.client.fetch<{ messages: FollowedMessage[] }>("/admin/messaging/messages", {
            query: { to: message.to, template_key: "provider_test", channel: "sms", limit: 50 },
          })
          fallback = messages.find((m) => m.fallback_of_id === id) ?? null
        }
        if (cancelled) return
        setState({ message, fallback, error: undefined })
      } catch (error) {
        // a failed poll keeps the last status shown; the next one may succeed
        if (!cancelled) setState((s) => ({ ...s, error: (error as Error).message }))
      }
      if (cancelled || polls >= maxPolls) return
      const done = fallback ? settled(fallback) : replaced(message) ? fallbackPolls <= 0 : settled(message)
      if (!done) timer = setTimeout(load, intervalMs)
    }
    load()
    return () => {
      cancelled = true
      if (timer) clearTimeout(timer)
    }
  }, [id, intervalMs, maxPolls])

  return state
}
