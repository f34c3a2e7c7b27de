import { AUTOMATION_KEYS, effectiveAutomation, type AutomationKey, type EffectiveAutomation } from "../../../lib/automations"
import type { PluginOptions } from "../../../providers"

type SettingRow = { id: string; automation: string } & Record<string, unknown>
export type AutomationPatch = {
  enabled?: boolean
  delay_minutes?: number
  period_days?: number
  max_age_hours?: number
  /** The promotion `{{offer_code}}` copies, or null to stop offering one. */
  offer_promotion_id?: string | null
  offer_valid_hours?: number | null
  /** Percent of eligible recipients held back (incrementality). */
  holdout_percent?: number
}

/** The generated CRUD of `automation_setting` the settings need (the service's own methods). */
export type AutomationSettingRows = {
  list(filters: Record<string, unknown>, take: number | null): Promise<SettingRow[]>
  create(data: Record<string, unknown>): Promise<unknown>
  update(data: Record<string, unknown>): Promise<unknown>
}

/** Automations as they run now: the shipped default ← plugin options ← the admin's saved settings. */
export class AutomationSettings {
  constructor(
    private readonly rows: AutomationSettingRows,
    private readonly options: PluginOptions["automations"]
  ) {}

  async list(): Promise<EffectiveAutomation[]> {
    const byKey = new Map((await this.rows.list({}, null)).map((row) => [row.automation, row]))
    return AUTOMATION_KEYS.map((key) => effectiveAutomation(key, this.options[key], byKey.get(key) as never))
  }

  /** Read per event, so an admin's change applies at once. */
  async effective(key: AutomationKey): Promise<EffectiveAutomation> {
    const [row] = await this.rows.list({ automation: key }, 1)
    return effectiveAutomation(key, this.options[key], row as never)
  }

  /** Only the fields given change. */
  async save(key: AutomationKey, patch: AutomationPatch, updatedBy: string | null): Promise<EffectiveAutomation> {
    const [row] = await this.rows.list({ automation: key }, 1)
    if (row) await this.rows.update({ id: row.id, ...patch, updated_by: updatedBy })
    else await this.rows.create({ automation: key, ...patch, updated_by: updatedBy })
    return this.effective(key)
  }
}
