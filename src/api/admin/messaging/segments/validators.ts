import { z } from "@medusajs/framework/zod"
import { parseAudienceDefinition, type AudienceDefinition } from "../../../../lib/campaigns"

/**
 * A segment definition, checked by the campaign domain's own parser so the 400 lists every problem
 * with its place ("definition.rules[1].value: must be 0 or more").
 */
export const SegmentDefinitionField = z.unknown().transform((value, ctx): AudienceDefinition => {
  const parsed = parseAudienceDefinition(value)
  if (!parsed.ok) {
    for (const problem of parsed.problems) ctx.addIssue({ code: "custom", message: problem })
    return z.NEVER
  }
  return parsed.definition
})

export const AdminCountSegmentBody = z.object({ definition: SegmentDefinitionField }).strict()
export type AdminCountSegmentBodyType = z.infer<typeof AdminCountSegmentBody>

export const AdminCreateSegmentBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).nullish(),
    definition: SegmentDefinitionField,
  })
  .strict()
export type AdminCreateSegmentBodyType = z.infer<typeof AdminCreateSegmentBody>

export const AdminUpdateSegmentBody = AdminCreateSegmentBody.partial().strict()
export type AdminUpdateSegmentBodyType = z.infer<typeof AdminUpdateSegmentBody>
