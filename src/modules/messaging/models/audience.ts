import { model } from "@medusajs/framework/utils"

/**
 * An audience built in the admin: rules over customers, orders, carts and the plugin's own data,
 * kept as JSON (src/lib/campaigns/audience-definition.ts) and compiled to SQL when counted or sent to.
 * The admin and its API call it a "segment", the marketer's word (`/admin/messaging/segments`, a
 * campaign's `segment_id`); in code it is an audience, so that "segment" means one thing there: a part
 * of an SMS as carriers bill it (lib/sms-encoding/).
 */
export const Audience = model.define(
  { name: "sms_segment", tableName: "sms_rcs_segment" },
  {
    id: model.id({ prefix: "smsseg" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    definition: model.json(),
    /** The last count of eligible recipients, and when it was taken. */
    last_count: model.number().nullable(),
    counted_at: model.dateTime().nullable(),
  }
)
