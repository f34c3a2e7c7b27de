import { useCallback, useEffect, useState } from "react"
import { requestWithProblems } from "./api"
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

/** Every automation with its settings, reloadable. */
export function useAutomations() {
  const [state, setState] = useState<{ automations: AdminAutomation[]; loading: boolean; error?: string }>({
    automations: [],
    loading: true,
  })

  const reload = useCallback(async () => {
    try {
      const data = await sdk.client.fetch<{ automations: AdminAutomation[] }>("/admin/messaging/automations")
      setState({ automations: data.automations, loading: false })
    } catch (error) {
      setState((s) => ({ ...s, loading: false, error: (error as Error).message }))
    }
  }, [])

  useEffect(() => {
    reload()
  }, [reload])

  /** Puts a saved automation in the list without reloading it all. */
  const replace = useCallback((automation: AdminAutomation) => {
    setState((s) => ({ ...s, automations: s.automations.map((a) => (a.key === automation.key ? automation : a)) }))
  }, [])

  return { ...state, reload, replace }
}

/** Saves some settings of one automation. Throws `ApiError` with problems. */
export async function updateAutomation(key: string, update: AutomationUpdate): Promise<AdminAutomation> {
  const { automation } = await requestWithProblems<{ automation: AdminAutomation }>(
    `/admin/messaging/automations/${encodeURIComponent(key)}`,
    { method: "POST", body: update }
  )
  return automation
}
