import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

/** One group's figures, as `GET /admin/messaging/analytics/incrementality` answers them. */
export type IncrementalityGroup = {
  recipients: number
  converted: number
  orders: number
  revenue: number
  conversion_rate: number | null
  orders_per_recipient: number | null
  revenue_per_recipient: number | null
}

export type Interval = { low: number; high: number }

/** An automation's or campaign's figures, per channel or overall ("all"): src/lib/analytics/incrementality.ts. */
export type IncrementalityRow = {
  kind: "automation" | "campaign"
  key: string
  name: string | null
  channel: "sms" | "rcs" | "all"
  status: "enough_data" | "not_enough_data"
  treated: IncrementalityGroup
  held_out: IncrementalityGroup
  incremental_revenue: number
  incremental_revenue_interval: Interval | null
  conversion_lift: number | null
  conversion_test: { difference: number; z: number; p_value: number; interval: Interval } | null
  revenue_lift: number | null
  revenue_per_recipient_difference_interval: Interval | null
}

export type IncrementalityReport = {
  from: string
  to: string
  days: number
  currency: string | null
  min_recipients_per_group: number
  rows: IncrementalityRow[]
}

export const incrementalityKeys = queryKeys("incrementality")

/** The last `days` days' incrementality (the Analytics page passes its period's length). */
export function useIncrementality(days: number) {
  const query = useQuery({
    queryKey: incrementalityKeys.list({ days }),
    queryFn: () => sdk.client.fetch<IncrementalityReport>("/admin/messaging/analytics/incrementality", { query: { days } }),
    enabled: days >= 1 && days <= 400,
    placeholderData: keepPreviousData,
  })
  return { report: query.data ?? null, loading: query.isFetching, error: query.error?.message }
}
