import { useEffect, useState } from "react"
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

/** Messages matching `filters`, refreshed every few seconds while some are still on their way. */
export function useMessages(filters: Record<string, string>) {
  const [state, setState] = useState<{ messages: AdminMessage[]; count: number; loading: boolean; error?: string }>(
    { messages: [], count: 0, loading: true }
  )
  const key = JSON.stringify(filters)

  useEffect(() => {
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      try {
        const data = await sdk.client.fetch<ListResponse>("/admin/messaging/messages", {
          query: { ...filters, limit: 50 },
        })
        if (cancelled) return
        setState({ messages: data.messages, count: data.count, loading: false })
        if (data.messages.some((m) => ["queued", "deferred", "sending", "sent"].includes(m.status))) {
          timer = setTimeout(load, 3000)
        }
      } catch (error) {
        if (!cancelled) setState((s) => ({ ...s, loading: false, error: (error as Error).message }))
      }
    }
    load()
    return () => {
      cancelled = true
      if (timer) clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  return state
}
