import { z } from "@medusajs/framework/zod"
import { MAX_HOLDOUT_PERCENT } from "../../../../lib/analytics/holdout"

/** The admin's changes to one automation; only the fields given change. */
export const AdminUpdateAutomationBody = z
  .object({
    enabled: z.boolean().optional(),
    delay_minutes: z.number().int().min(0).max(10_080).optional(),
    period_days: z.number().int().min(1).max(3_650).optional(),
    max_age_hours: z.number().int().min(1).max(720).optional(),
    /**
     * The single-use code its texts carry as `{{offer_code}}`: a copy of this promotion, valid
     * `valid_hours` (1 hour to 90 days) from the moment the text goes. Null stops offering one.
     */
    offer: z
      .object({ promotion_id: z.string().min(1).max(100), valid_hours: z.number().int().min(1).max(2_160) })
      .strict()
      .nullable()
      .optional(),
    /** Percent of eligible recipients held back (marketing automations only; see README, "Incrementality"). */
    holdout_percent: z.number().min(0).max(MAX_HOLDOUT_PERCENT).optional(),
  })
  .strict()
export type AdminUpdateAutomationBodyType = z.infer<typeof AdminUpdateAutomationBody>
