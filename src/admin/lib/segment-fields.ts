/**
 * The segment builder's catalogue: each field's label, operators and kind of value. Mirrors
 * src/lib/campaigns/audience-definition.ts (the API checks every rule again and names what is wrong).
 */
export type ValueKind = "list" | "number" | "days" | "date" | "boolean"

export type FieldSpec = {
  label: string
  operators: { value: string; label: string; kind: ValueKind }[]
  /** What to type in a list, for the placeholder. */
  hint?: string
}

const IN = [
  { value: "in", label: "is any of", kind: "list" as const },
  { value: "not_in", label: "is none of", kind: "list" as const },
]
const COMPARE = [
  { value: "gte", label: "at least", kind: "number" as const },
  { value: "lte", label: "at most", kind: "number" as const },
  { value: "eq", label: "exactly", kind: "number" as const },
  { value: "gt", label: "more than", kind: "number" as const },
  { value: "lt", label: "less than", kind: "number" as const },
]
const RECENCY = [
  { value: "within_days", label: "in the last (days)", kind: "days" as const },
  { value: "not_within_days", label: "not in the last (days)", kind: "days" as const },
]

export const SEGMENT_FIELD_SPECS: Record<string, FieldSpec> = {
  customer_group: { label: "Customer group", operators: IN },
  orders_count: { label: "Number of orders", operators: COMPARE },
  total_spent: { label: "Total spent", operators: COMPARE },
  last_order_date: {
    label: "Last order",
    operators: [
      ...RECENCY,
      { value: "before", label: "before", kind: "date" },
      { value: "after", label: "on or after", kind: "date" },
    ],
  },
  product_bought: { label: "Bought a product", operators: IN },
  collection_bought: { label: "Bought from a collection", operators: IN },
  cart_abandoned: { label: "Abandoned a cart", operators: RECENCY },
  country: { label: "Country (an address or order in)", operators: IN, hint: "FR, BE, US …" },
  locale: { label: "Language (of the last order)", operators: IN, hint: "fr, en …" },
  rcs_capable: { label: "RCS capable phone", operators: [{ value: "is", label: "is", kind: "boolean" }] },
  messages_received: { label: "Messages received (30 days)", operators: COMPARE },
  clicked: { label: "Clicked a message", operators: RECENCY },
}

export type SegmentRule = { field: string; operator: string; value: unknown }
export type SegmentGroup = { match: "all" | "any"; rules: (SegmentRule | SegmentGroup)[] }

export const isGroup = (node: SegmentRule | SegmentGroup): node is SegmentGroup => "match" in node

export function kindOf(rule: SegmentRule): ValueKind {
  return SEGMENT_FIELD_SPECS[rule.field]?.operators.find((o) => o.value === rule.operator)?.kind ?? "list"
}

/** A fresh rule for a field, with its first operator and an empty value of the right kind. */
export function newRule(field = "orders_count"): SegmentRule {
  const operator = SEGMENT_FIELD_SPECS[field].operators[0]
  return { field, operator: operator.value, value: emptyValue(operator.kind) }
}

export function emptyValue(kind: ValueKind): unknown {
  switch (kind) {
    case "list":
      return []
    case "number":
      return 1
    case "days":
      return 30
    case "date":
      return new Date().toISOString().slice(0, 10)
    case "boolean":
      return true
  }
}
