import { z } from "@medusajs/framework/zod"
import { MAX_HOLDOUT_PERCENT } from "../../../../lib/analytics/holdout"
import { MAX_VARIANTS, splitProblems, unknownCampaignVariables } from "../../../../lib/campaigns"
import { CAMPAIGN_VARIABLES } from "../../../../lib/templates/catalog"
import { isTimeZone } from "../../../../lib/options"
import { SegmentDefinitionField } from "../segments/validators"
import { rcsPayloadSchema, type RcsPayload } from "../../../../lib/rcs/payload"
import { isTooLongForSms, tooLongMessage } from "../../../../lib/sms-encoding"

/**
 * A variant's text: refused past what a provider accepts, with a message that says so, before it is
 * counted; and refused when it names a variable campaigns do not fill in (it would reach shoppers as a
 * gap). `params.reason` lets the admin say it in the owner's language (lib/api.ts, problem-labels.ts).
 */
const smsBody = z.string().superRefine((text, ctx) => {
  if (isTooLongForSms(text)) {
    ctx.addIssue({ code: "custom", message: tooLongMessage(text, "sms_body: the SMS text"), params: { reason: "too_long" } })
    return
  }
  let unknown: string[]
  try {
    unknown = unknownCampaignVariables(text)
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `syntax error: ${(error as Error).message}`, params: { reason: "syntax" } })
    return
  }
  for (const name of unknown) {
    ctx.addIssue({
      code: "custom",
      message: `unknown variable "${name}"; a campaign may use: ${CAMPAIGN_VARIABLES.join(", ")}`,
      params: { reason: "unknown_variable", name },
    })
  }
})

/** An RCS card or carousel, checked by the same schema as templates' (limits of Google's RBM). */
const RcsPayloadField = z.unknown().transform((value, ctx): RcsPayload | null => {
  if (value === null || value === undefined) return null
  const parsed = rcsPayloadSchema.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: `rcs_payload.${issue.path.join(".")}: ${issue.message}` })
    return z.NEVER
  }
  return parsed.data
})


const Variant = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,20}$/, "lower-case letters, digits, - and _ (at most 20)"),
    name: z.string().trim().min(1).max(100),
    weight: z.number().positive().max(100),
    template_key: z.string().min(1).max(100).nullish(),
    sms_body: smsBody.pipe(z.string().trim().min(1)).nullish(),
    rcs_payload: RcsPayloadField.optional(),
  })
  .strict()
  .refine((v) => !!v.sms_body || !!v.template_key, {
    message: "a variant needs a text (sms_body) or a template (template_key)",
    path: ["sms_body"],
    params: { reason: "no_text" },
  })

const AbTest = z
  .object({
    test_share: z.number().min(1).max(50),
    metric: z.enum(["revenue_per_message", "ctr"]),
    decide_after_hours: z.number().min(0).max(168),
  })
  .strict()

const Throttle = z.union([
  z.object({ per_second: z.number().positive().max(10_000) }).strict(),
  z.object({ spread_minutes: z.number().int().min(1).max(7 * 24 * 60) }).strict(),
])

const campaignFields = {
  name: z.string().trim().min(1).max(200),
  segment_id: z.string().min(1),
  variants: z.array(Variant).min(1).max(MAX_VARIANTS, `at most ${MAX_VARIANTS} variants`),
  ab_test: AbTest.nullish(),
  throttle: Throttle.nullish(),
  locale: z.string().min(2).max(20).nullish(),
  /** Percent of the audience held back, never texted, to measure what the campaign caused (README, "Incrementality"). */
  holdout_percent: z.number().min(0).max(MAX_HOLDOUT_PERCENT).optional(),
}

const checkSplit = (body: { variants?: { id: string; weight: number }[]; ab_test?: z.infer<typeof AbTest> | null }, ctx: z.RefinementCtx) => {
  if (!body.variants) return
  for (const problem of splitProblems(body.variants, body.ab_test ?? null)) {
    const [field] = problem.split(":")
    const total = problem.match(/adds up to ([\d.]+) %/)
    ctx.addIssue({
      code: "custom",
      message: problem,
      path: [field],
      params: total ? { reason: "split", total: Number(total[1]) } : field === "ab_test" ? { reason: "test_needs_two" } : {},
    })
  }
}

export const AdminCreateCampaignBody = z.object(campaignFields).strict().superRefine(checkSplit)
export type AdminCreateCampaignBodyType = z.infer<typeof AdminCreateCampaignBody>

export const AdminUpdateCampaignBody = z.object(campaignFields).partial().strict().superRefine(checkSplit)

/** The segment a draft is saved with (POST /admin/messaging/campaigns/drafts). */
const DraftSegment = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).nullish(),
    definition: SegmentDefinitionField,
  })
  .strict()

/**
 * The admin's "Save draft": the campaign and its segment in one request, checked whole before anything
 * is written (parsed in the route, so the 400 keeps each problem's path and code).
 */
const { segment_id: _segmentId, ...draftFields } = campaignFields
export const AdminSaveCampaignDraftBody = z
  .object({ ...draftFields, segment: DraftSegment })
  .strict()
  .superRefine(checkSplit)
export type AdminSaveCampaignDraftBodyType = z.infer<typeof AdminSaveCampaignDraftBody>

/** Editing a draft and its segment in one request (POST /admin/messaging/campaigns/drafts/:id). */
export const AdminUpdateCampaignDraftBody = z
  .object({ ...draftFields, segment: DraftSegment })
  .partial()
  .strict()
  .superRefine(checkSplit)
export type AdminUpdateCampaignDraftBodyType = z.infer<typeof AdminUpdateCampaignDraftBody>
export type AdminUpdateCampaignBodyType = z.infer<typeof AdminUpdateCampaignBody>

/** Now (no `at`), or a wall-clock time in the store's zone (or the one given), e.g. "2026-12-01T10:00". */
export const AdminScheduleCampaignBody = z
  .object({
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time, "YYYY-MM-DDTHH:mm"')
      .optional(),
    time_zone: z.string().refine(isTimeZone, 'an IANA time zone such as "Europe/Paris"').optional(),
  })
  .strict()
export type AdminScheduleCampaignBodyType = z.infer<typeof AdminScheduleCampaignBody>

export const AdminListCampaignsParams = z
  .object({
    status: z.enum(["draft", "scheduled", "sending", "paused", "sent", "canceled"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListCampaignsParamsType = z.infer<typeof AdminListCampaignsParams>

export const AdminPreviewCampaignTextBody = z
  .object({
    sms_body: smsBody.nullish(),
    template_key: z.string().min(1).max(100).nullish(),
    rcs_payload: RcsPayloadField.optional(),
    locale: z.string().min(2).max(20).nullish(),
  })
  .strict()
  .refine((v) => !!v.sms_body || !!v.template_key, "a text (sms_body) or a template (template_key)")
export type AdminPreviewCampaignTextBodyType = z.infer<typeof AdminPreviewCampaignTextBody>
