import { useQuery } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export type FailureReason = { code: string; reason: string; count: number }

/** GET /admin/messaging/overview, as the Messaging page shows it. */
export type MessagingOverview = {
  time_zone: string
  sent_today: number
  sent_this_month: number
  test_sends_today: number
  failures_24h: { total: number; reasons: FailureReason[] }
  opt_outs_this_week: number
  spend_this_month: { currency_code: string; amount: number }[]
  next_campaign: { id: string; name: string; scheduled_at: string; time_zone: string | null } | null
  providers: { id: string; roles: ("sms" | "rcs")[]; ok: boolean; detail: string; checked_at: string }[]
}

export const overviewKeys = queryKeys("overview")

/** The overview's figures, asked again every minute while the page is open. */
export function useMessagingOverview() {
  return useQuery({
    queryKey: overviewKeys.detail("store"),
    queryFn: async () => (await sdk.client.fetch<{ overview: MessagingOverview }>("/admin/messaging/overview")).overview,
    refetchInterval: 60_000,
  })
}
