import { z } from "@medusajs/framework/zod"

/**
 * A calendar day that exists: `2026-02-30` or `9999-99-99` have the shape but no day, and PostgreSQL would
 * refuse them with a 500; the parts are read back from the UTC date they make and must be the same. The
 * message names the field: Medusa's validation answer gives only the message of a custom check.
 */
const day = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `"${field}": expected a day such as 2026-12-02`)
    .refine((v) => {
      const [y, m, d] = v.split("-").map(Number)
      const date = new Date(0)
      date.setUTCFullYear(y, m - 1, d)
      // year 0 does not exist in PostgreSQL's calendar (1 BC comes before 1 AD)
      return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    }, `"${field}": not a day of the calendar (such as 2026-02-30)`)

/**
 * The consents list's filters: all optional, each a bound value. `phone` is a number in any form (read in
 * the store's country), `q` part of a number's digits; days are the store's days.
 */
export const AdminGetConsentsParams = z
  .object({
    customer_id: z.string().min(1).max(100).optional(),
    phone: z.string().min(3).max(40).optional(),
    q: z
      .string()
      .max(40)
      .transform((v) => v.replace(/\D/g, ""))
      .optional(),
    purpose: z.enum(["marketing", "transactional"]).optional(),
    status: z.enum(["granted", "revoked", "pending"]).optional(),
    source: z.enum(["checkout", "storefront_form", "keyword", "admin", "import", "double_opt_in"]).optional(),
    changed_from: day("changed_from").optional(),
    changed_to: day("changed_to").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
  .refine((q) => !q.changed_from || !q.changed_to || q.changed_from <= q.changed_to, { message: '"changed_from" must not be after "changed_to"' })

export type AdminGetConsentsParamsType = z.infer<typeof AdminGetConsentsParams>

/** One phone's ledger: the number in any form, read in the store's country. */
export const AdminGetConsentLedgerParams = z.object({ phone: z.string().min(3).max(40) }).strict()

/** Consent obtained offline (in a shop, on paper, by phone): the note says how, and is the proof. */
export const AdminRecordConsentBody = z
  .object({
    phone: z.string().min(3).max(40),
    country_code: z.string().regex(/^[A-Za-z]{2}$/).optional(),
    customer_id: z.string().min(1).optional(),
    purpose: z.enum(["marketing", "transactional"]),
    action: z.enum(["grant", "revoke"]),
    note: z.string().min(3, "Say how the consent was obtained or withdrawn").max(2000),
    wording: z.string().max(2000).optional(),
    wording_version: z.string().max(100).optional(),
  })
  .strict()

export type AdminRecordConsentBodyType = z.infer<typeof AdminRecordConsentBody>

/**
 * A consent CSV (at most 10 MB, 10,000 rows, 100 KB a row: see lib/consent/csv-import.ts). `dry_run`:
 * only say what the import would do. `csv_sha256`: the fingerprint the dry run gave — the import then
 * refuses any other file, so it applies exactly what the admin previewed.
 */
export const AdminImportConsentsBody = z
  .object({
    csv: z.string().min(1).max(10_000_000),
    dry_run: z.boolean().optional().default(false),
    csv_sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict()

export type AdminImportConsentsBodyType = z.infer<typeof AdminImportConsentsBody>
