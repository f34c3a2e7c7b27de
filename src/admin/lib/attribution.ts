import { useQuery } from "@tanstack/react-query"
import type { AdminMessage } from "./messages"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export type TouchType = "click" | "suggestion" | "reply" | "discount_code" | "read" | "delivered"

/** The message and touch an order is credited to, as `GET /admin/messaging/attribution` gives it. */
export type AdminAttribution = {
  id: string
  order_id: string
  message_id: string
  campaign_id: string | null
  template_key: string | null
  automation: string | null
  channel: "sms" | "rcs"
  touch_type: TouchType
  touch_at: string
  /** A big number: serialised as a number, a numeric string, or `{ value }` depending on the path it took. */
  order_total: number | string | { value: string | number }
  currency_code: string
  message_cost: number | null
  model: string
  windows: { click_hours?: number; delivery_hours?: number; read_hours?: number } | null
}

type AttributionResponse = { attribution: AdminAttribution | null; message: AdminMessage | null }

/** The window of each touch, as the plugin applies it (`windowOf` in the attribution code). */
export function windowHoursOf(touch: TouchType, windows: AdminAttribution["windows"]): number | undefined {
  if (!windows) return undefined
  if (touch === "delivered") return windows.delivery_hours
  if (touch === "read") return windows.read_hours
  return windows.click_hours
}

export function amountOf(total: AdminAttribution["order_total"]): number {
  if (total && typeof total === "object") return Number(total.value)
  return Number(total)
}

// An order is credited when `order.placed` is handled, a moment after the order exists: a page opened
// right after checkout asks again for a while instead of saying "no message" too early.
const RECENT_ORDER_MS = 3 * 60_000
const RETRY_MS = 3000

export const attributionKeys = queryKeys("attribution")

/** The order's attribution and its message; asked again while a recent order has none yet. */
export function useAttribution(orderId: string, orderCreatedAt?: string | Date | null) {
  const createdAt = orderCreatedAt ? new Date(orderCreatedAt).getTime() : NaN
  return useQuery({
    queryKey: attributionKeys.detail(orderId),
    queryFn: () => sdk.client.fetch<AttributionResponse>("/admin/messaging/attribution", { query: { order_id: orderId } }),
    refetchInterval: (query) =>
      query.state.data && !query.state.data.attribution && Date.now() - createdAt < RECENT_ORDER_MS ? RETRY_MS : false,
  })
}
