import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { requestWithProblems } from "./api"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { TemplatePurpose } from "./templates"

/** A message the plugin sends on its own when something happens in the store. */
export type AdminAutomation = {
  key: string
  trigger: string
  template_key: string
  purpose: TemplatePurpose
  enabled: boolean
  delay_minutes: number
  period_days: number | null
  max_age_hours: number | null
  /** The promotion its `{{offer_code}}` copies, and for how long a code is valid (null: no offer). */
  offer?: { promotion_id: string; valid_hours: number } | null
  /** Percent of eligible recipients held back to measure incrementality (0 for transactional automations). */
  holdout_percent: number
  /** Texts it sent in the last 30 days (left for the provider). */
  sent_last_30_days?: number
  /** When it last sent a text (ISO, UTC), or null if it never did. */
  last_sent_at?: string | null
}

/** What each number accepts, as the API checks it (`src/api/admin/messaging/automations/validators.ts`). */
export const AUTOMATION_LIMITS = {
  delay_minutes: { min: 0, max: 10_080 },
  period_days: { min: 1, max: 3_650 },
  max_age_hours: { min: 1, max: 720 },
  // a whole percent here (the API takes decimals): past 50 % the "held out" group would be the treated one
  holdout_percent: { min: 0, max: 50 },
} as const

/** True when `text` is a whole number the field accepts. */
export function isValidAutomationNumber(field: keyof typeof AUTOMATION_LIMITS, text: string): boolean {
  const value = text.trim()
  if (!/^\d{1,6}$/.test(value)) return false
  const n = Number(value)
  return n >= AUTOMATION_LIMITS[field].min && n <= AUTOMATION_LIMITS[field].max
}

export type AutomationUpdate = {
  enabled?: boolean
  delay_minutes?: number
  period_days?: number
  max_age_hours?: number
  offer?: { promotion_id: string; valid_hours: number } | null
  holdout_percent?: number
}

/** The automations whose texts may carry a single-use offer code (`AUTOMATIONS[key].offers` on the server). */
export const OFFER_AUTOMATIONS = ["welcome", "abandoned_cart", "win_back", "birthday"] as const

/** Hours a code may stay valid, as the API checks it. */
export const OFFER_VALID_HOURS = { min: 1, max: 2_160 } as const

/** The store's promotions that are typed as codes, to pick an offer from. */
export function usePromotions(enabled: boolean) {
  return useQuery({
    queryKey: ["sms-rcs", "promotions"],
    enabled,
    queryFn: () =>
      sdk.client.fetch<{ promotions: { id: string; code: string; status: string; is_automatic: boolean }[] }>("/admin/promotions", {
        query: { limit: 200, fields: "id,code,status,is_automatic" },
      }),
  })
}

export const automationKeys = queryKeys("automations")

type AutomationList = { automations: AdminAutomation[] }

/** Every automation with its settings. */
export function useAutomations() {
  return useQuery({
    queryKey: automationKeys.list(),
    queryFn: () => sdk.client.fetch<AutomationList>("/admin/messaging/automations"),
  })
}

/**
 * Saves some settings of one automation (throws `ApiError` with problems) and puts the saved row in the
 * list without asking for the whole list again.
 */
export function useUpdateAutomation(key: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (update: AutomationUpdate) =>
      (
        await requestWithProblems<{ automation: AdminAutomation }>(`/admin/messaging/automations/${encodeURIComponent(key)}`, {
          method: "POST",
          body: update,
        })
      ).automation,
    // the saved row carries settings only: the figures of the list stay
    onSuccess: (saved) =>
      queryClient.setQueryData<AutomationList>(automationKeys.list(), (list) =>
        list && { automations: list.automations.map((a) => (a.key === saved.key ? { ...a, ...saved } : a)) }
      ),
  })
}
