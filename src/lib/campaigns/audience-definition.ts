import { z } from "zod"

/**
 * A segment as the admin builds it: rules over Medusa's data (groups, orders, spend, products, carts,
 * addresses) and the plugin's own (RCS capability, messages received and clicked), combined with
 * all/any groups. Stored as JSON on the segment and compiled to one SQL query (audience-sql.ts).
 */

/** Fields whose value is a list of ids or codes, matched with `in` / `not_in`. */
export const LIST_FIELDS = ["customer_group", "product_bought", "collection_bought", "country", "locale"] as const
/** Fields compared with a number. */
export const NUMBER_FIELDS = ["orders_count", "total_spent", "messages_received"] as const
/** Fields about how recently something happened, in days (last order also takes a date). */
export const RECENCY_FIELDS = ["last_order_date", "cart_abandoned", "clicked"] as const
export const BOOLEAN_FIELDS = ["rcs_capable"] as const

export const AUDIENCE_FIELDS = [...LIST_FIELDS, ...NUMBER_FIELDS, ...RECENCY_FIELDS, ...BOOLEAN_FIELDS] as const
export type AudienceField = (typeof AUDIENCE_FIELDS)[number]

export const NUMBER_OPERATORS = ["gte", "gt", "lte", "lt", "eq"] as const
export const RECENCY_OPERATORS = ["within_days", "not_within_days"] as const
export const DATE_OPERATORS = ["before", "after"] as const

/** The deepest nesting of groups the builder offers (a group inside a group inside the segment). */
export const MAX_AUDIENCE_DEPTH = 3
const MAX_RULES = 50
const MAX_VALUES = 500

const listRule = z.strictObject({
  field: z.enum(LIST_FIELDS),
  operator: z.enum(["in", "not_in"]),
  value: z
    .array(z.string().trim().min(1, "empty value").max(200))
    .min(1, "pick at least one value")
    .max(MAX_VALUES, `at most ${MAX_VALUES} values`),
})

const numberRule = z.strictObject({
  field: z.enum(NUMBER_FIELDS),
  operator: z.enum(NUMBER_OPERATORS),
  value: z.number().finite().min(0, "must be 0 or more"),
  /** total_spent: only orders in this currency (otherwise amounts of every currency are added). */
  currency_code: z.string().trim().length(3, "a 3-letter currency code").optional(),
  /** messages_received: over the last N days (default 30). */
  days: z.number().int().min(1).max(3650).optional(),
})

const recencyRule = z.strictObject({
  field: z.enum(RECENCY_FIELDS),
  operator: z.enum(RECENCY_OPERATORS),
  value: z.number().int("whole days").min(1, "at least 1 day").max(3650, "at most 3650 days"),
})

const lastOrderDateRule = z.strictObject({
  field: z.literal("last_order_date"),
  operator: z.enum(DATE_OPERATORS),
  value: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "an ISO date (YYYY-MM-DD)"),
})

const booleanRule = z.strictObject({
  field: z.enum(BOOLEAN_FIELDS),
  operator: z.literal("is"),
  value: z.boolean(),
})

export type AudienceRule =
  | z.infer<typeof listRule>
  | z.infer<typeof numberRule>
  | z.infer<typeof recencyRule>
  | z.infer<typeof lastOrderDateRule>
  | z.infer<typeof booleanRule>

export type AudienceGroup = { match: "all" | "any"; rules: (AudienceRule | AudienceGroup)[] }
export type AudienceDefinition = AudienceGroup

const groupShape = z
  .object({
    match: z.enum(["all", "any"], "match must be \"all\" or \"any\""),
    rules: z.array(z.unknown()).max(MAX_RULES, `at most ${MAX_RULES} rules per group`),
  })
  .strict()

/** The schema for a rule, chosen by its field (the last order takes days or a date, by operator). */
function ruleSchemaFor(rule: Record<string, unknown>): z.ZodType<AudienceRule> | null {
  const field = rule.field as AudienceField
  if ((LIST_FIELDS as readonly string[]).includes(field)) return listRule
  if ((NUMBER_FIELDS as readonly string[]).includes(field)) return numberRule
  if (field === "last_order_date" && (DATE_OPERATORS as readonly unknown[]).includes(rule.operator)) return lastOrderDateRule
  if ((RECENCY_FIELDS as readonly string[]).includes(field)) return recencyRule
  if ((BOOLEAN_FIELDS as readonly string[]).includes(field)) return booleanRule
  return null
}

export const isGroup = (node: AudienceRule | AudienceGroup): node is AudienceGroup => "match" in node

export type AudienceParse = { ok: true; definition: AudienceDefinition } | { ok: false; problems: string[] }

const pathOf = (path: PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "") ||
  "segment"

/**
 * Checks a definition and lists every problem with where it is (`rules[1].value`) and what is expected.
 * Each rule is checked against its own field's schema, so a wrong value reads "rules[0].value: must be
 * 0 or more", not a union's wall of alternatives.
 */
export function parseAudienceDefinition(input: unknown): AudienceParse {
  const problems: string[] = []
  const definition = parseGroup(input, [], 1, problems)
  return problems.length || !definition ? { ok: false, problems } : { ok: true, definition }
}

function parseGroup(input: unknown, path: PropertyKey[], depth: number, problems: string[]): AudienceGroup | null {
  if (depth > MAX_AUDIENCE_DEPTH) {
    problems.push(`${pathOf(path)}: groups nest at most ${MAX_AUDIENCE_DEPTH} deep`)
    return null
  }
  const group = groupShape.safeParse(input)
  if (!group.success) {
    problems.push(...group.error.issues.map((issue) => `${pathOf([...path, ...issue.path])}: ${issue.message}`))
    return null
  }
  const rules = group.data.rules.map((node, i): AudienceRule | AudienceGroup | null => {
    const here = [...path, "rules", i]
    if (!node || typeof node !== "object") {
      problems.push(`${pathOf(here)}: a rule ({ field, operator, value }) or a group ({ match, rules })`)
      return null
    }
    if ("match" in node) {
      return parseGroup(node, here, depth + 1, problems)
    }
    const schema = ruleSchemaFor(node as Record<string, unknown>)
    if (!schema) {
      problems.push(`${pathOf([...here, "field"])}: unknown field "${String((node as any).field)}"; fields: ${AUDIENCE_FIELDS.join(", ")}`)
      return null
    }
    const rule = schema.safeParse(node)
    if (!rule.success) {
      problems.push(...rule.error.issues.map((issue) => `${pathOf([...here, ...issue.path])}: ${issue.message}`))
      return null
    }
    return rule.data
  })
  return { match: group.data.match, rules: rules.filter((r): r is AudienceRule | AudienceGroup => r !== null) }
}
