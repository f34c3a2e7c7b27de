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
}

export type AutomationUpdate = {
  enabled?: boolean
  delay_minutes?: number
  period_days?: number
  max_age_hours?: number
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
    onSuccess: (saved) =>
      queryClient.setQueryData<AutomationList>(automationKeys.list(), (list) =>
        list && { automations: list.automations.map((a) => (a.key === saved.key ? saved : a)) }
      ),
  })
}
