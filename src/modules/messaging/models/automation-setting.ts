import { model } from "@medusajs/framework/utils"

/**
 * The admin's choice for one automation (on or off, its delay …). A row overrides the plugin options;
 * no row means the options, then the shipped defaults, apply.
 */
export const AutomationSetting = model
  .define(
    { name: "automation_setting", tableName: "sms_rcs_automation_setting" },
    {
      id: model.id({ prefix: "smsauto" }).primaryKey(),
      automation: model.text(),
      enabled: model.boolean().nullable(),
      delay_minutes: model.number().nullable(),
      period_days: model.number().nullable(),
      max_age_hours: model.number().nullable(),
      /** The store's promotion that `{{offer_code}}` copies into a single-use code, and for how long it is valid. */
      offer_promotion_id: model.text().nullable(),
      offer_valid_hours: model.number().nullable(),
      /** Percent (0–50) of eligible recipients held back to measure incrementality; null: none. */
      holdout_percent: model.float().nullable(),
      updated_by: model.text().nullable(),
    }
  )
  .indexes([{ on: ["automation"], unique: true, where: "deleted_at IS NULL" }])
