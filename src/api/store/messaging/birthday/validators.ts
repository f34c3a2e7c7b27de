import { z } from "@medusajs/framework/zod"
import { parseBirthday } from "../../../../lib/birthday"

/** POST /store/messaging/birthday: "YYYY-MM-DD" or "MM-DD" (the year is the shopper's choice), or null to remove it. */
export const StoreBirthdayBody = z
  .object({
    birthday: z
      .string()
      .trim()
      .max(20, "birthday: expected a date such as \"1990-04-23\" or \"04-23\"")
      .refine((text) => parseBirthday(text) !== null, 'birthday: expected a real date such as "1990-04-23" or "04-23"')
      .nullable(),
  })
  .strict()
export type StoreBirthdayBodyType = z.infer<typeof StoreBirthdayBody>
