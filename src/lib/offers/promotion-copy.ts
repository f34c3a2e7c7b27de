import type { CreatePromotionDTO } from "@medusajs/framework/types"

/** The store's promotion as `query.graph` reads it (PROMOTION_COPY_FIELDS). */
export type BasePromotion = {
  id: string
  code?: string | null
  type?: "standard" | "buyget" | null
  is_tax_inclusive?: boolean | null
  application_method?: {
    type: "fixed" | "percentage"
    target_type: "order" | "shipping_methods" | "items"
    allocation?: "each" | "across" | "once" | null
    value?: number | string | null
    currency_code?: string | null
    max_quantity?: number | null
    apply_to_quantity?: number | null
    buy_rules_min_quantity?: number | null
    target_rules?: RuleRow[] | null
    buy_rules?: RuleRow[] | null
  } | null
  rules?: RuleRow[] | null
}
type RuleRow = { attribute: string; operator: string; values?: { value: string }[] | null }

export const PROMOTION_COPY_FIELDS = [
  "id",
  "code",
  "type",
  "is_tax_inclusive",
  "application_method.type",
  "application_method.target_type",
  "application_method.allocation",
  "application_method.value",
  "application_method.currency_code",
  "application_method.max_quantity",
  "application_method.apply_to_quantity",
  "application_method.buy_rules_min_quantity",
  "application_method.target_rules.attribute",
  "application_method.target_rules.operator",
  "application_method.target_rules.values.value",
  "application_method.buy_rules.attribute",
  "application_method.buy_rules.operator",
  "application_method.buy_rules.values.value",
  "rules.attribute",
  "rules.operator",
  "rules.values.value",
]

const rulesOf = (rows: RuleRow[] | null | undefined) =>
  (rows ?? []).map((r) => ({ attribute: r.attribute, operator: r.operator as never, values: (r.values ?? []).map((v) => v.value) }))

/**
 * The single-use copy of the store's promotion for one code: the same discount and rules, typed by the
 * shopper (never automatic), usable once (the promotion's limit and its own campaign's usage budget, which
 * the Promotion module enforces at checkout) until `ends_at`, the campaign's end.
 */
export function promotionCopy(base: BasePromotion, code: string, startsAt: Date, endsAt: Date): CreatePromotionDTO {
  const method = base.application_method
  if (!method) {
    throw new Error(`promotion ${base.id} has no application method to copy`)
  }
  return {
    code,
    type: base.type ?? "standard",
    status: "active",
    is_automatic: false,
    ...(base.is_tax_inclusive != null ? { is_tax_inclusive: base.is_tax_inclusive } : {}),
    limit: 1,
    application_method: {
      type: method.type,
      target_type: method.target_type,
      ...(method.allocation ? { allocation: method.allocation } : {}),
      ...(method.value != null ? { value: Number(method.value) } : {}),
      ...(method.currency_code ? { currency_code: method.currency_code } : {}),
      ...(method.max_quantity != null ? { max_quantity: method.max_quantity } : {}),
      ...(method.apply_to_quantity != null ? { apply_to_quantity: method.apply_to_quantity } : {}),
      ...(method.buy_rules_min_quantity != null ? { buy_rules_min_quantity: method.buy_rules_min_quantity } : {}),
      ...(method.target_rules?.length ? { target_rules: rulesOf(method.target_rules) } : {}),
      ...(method.buy_rules?.length ? { buy_rules: rulesOf(method.buy_rules) } : {}),
    },
    rules: rulesOf(base.rules),
    campaign: {
      name: `SMS offer ${code}`,
      description: `Single-use code copied from promotion ${base.code ?? base.id} by medusa-plugin-sms-rcs`,
      campaign_identifier: code,
      starts_at: startsAt,
      ends_at: endsAt,
      budget: { type: "usage", limit: 1 },
    },
    metadata: { sms_rcs_offer: true, base_promotion_id: base.id },
  } as CreatePromotionDTO
}
