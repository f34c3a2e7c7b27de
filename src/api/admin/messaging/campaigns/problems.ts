import type { MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"

/**
 * One thing wrong with a request, where it is and what kind: `path` is dotted ("variants.0.sms_body"),
 * `code` is zod's issue code (too_small, too_big, invalid_type, custom …) and `params` what the admin
 * needs to say it in the owner's language (minimum, maximum, reason of a custom check). `message` stays
 * the English sentence, for API users.
 */
export type FieldProblem = { path: string; code: string; message: string; params?: Record<string, unknown> }

/**
 * Zod's issues as `FieldProblem`s. Medusa's `validateAndTransformBody` flattens them into one English
 * sentence ("Value for field 'variants, 0, sms_body' too small"), which is why the routes the builder
 * saves through parse their body themselves with this.
 */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const raw = issue as unknown as Record<string, unknown>
    const params: Record<string, unknown> = { ...((raw.params as Record<string, unknown>) ?? {}) }
    for (const key of ["minimum", "maximum", "origin", "expected", "keys", "format"]) {
      if (raw[key] !== undefined) params[key] = typeof raw[key] === "bigint" ? Number(raw[key]) : raw[key]
    }
    return { path: issue.path.map(String).join("."), code: issue.code, message: issue.message, params }
  })
}

/** A 400 listing every problem, in the shape the admin's `requestWithProblems` reads. */
export function refuse(res: MedusaResponse, problems: FieldProblem[]) {
  res.status(400).json({
    type: "invalid_data",
    message: `Invalid request: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ")}`,
    problems,
  })
}

/** Parses a body with `schema`; on failure answers the 400 and returns null. */
export function parseOrRefuse<T extends z.ZodTypeAny>(schema: T, body: unknown, res: MedusaResponse): z.infer<T> | null {
  const parsed = schema.safeParse(body ?? {})
  if (parsed.success) return parsed.data
  refuse(res, problemsOf(parsed.error))
  return null
}
