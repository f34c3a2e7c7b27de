import { useCallback } from "react"
import { requestWithProblems } from "./api"
import { useAdminGet } from "./use-admin-get"
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

/** Every automation with its settings, reloadable. */
export function useAutomations() {
  const { value, setValue, ...state } = useAdminGet<{ automations: AdminAutomation[] }>("/admin/messaging/automations", {
    automations: [],
  })

  /** Puts a saved automation in the list without reloading it all. */
  const replace = useCallback(
    (automation: AdminAutomation) =>
      setValue((v) => ({ automations: v.automations.map((a) => (a.key === automation.key ? automation : a)) })),
    [setValue]
  )

  return { ...state, automations: value.automations, replace }
}

/** Saves some settings of one automation. Throws `ApiError` with problems. */
export async function updateAutomation(key: string, update: AutomationUpdate): Promise<AdminAutomation> {
  const { automation } = await requestWithProblems<{ automation: AdminAutomation }>(
    `/admin/messaging/automations/${encodeURIComponent(key)}`,
    { method: "POST", body: update }
  )
  return automation
}
