import { isGroup, type AudienceDefinition, type AudienceGroup, type AudienceRule } from "./audience-definition"

/** SQL text with `?` placeholders and their values, in order (knex.raw's form). */
export type SqlFragment = { sql: string; bindings: unknown[] }

const COMPARE = { gte: ">=", gt: ">", lte: "<=", lt: "<", eq: "=" } as const

/** Orders that count as bought: not canceled, not drafts. */
const ORDERS = `FROM "order" o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.status NOT IN ('canceled', 'draft')`

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ")
const days = `(? * interval '1 day')`

/**
 * One rule as a boolean SQL expression over `c` (the customer) and `r.phone` (the phone that consented).
 * Every value is a binding; only names from the fixed catalogue below reach the SQL text.
 */
function ruleSql(rule: AudienceRule): SqlFragment {
  switch (rule.field) {
    case "customer_group":
      return exists(
        rule.operator === "in",
        `SELECT 1 FROM customer_group_customer g WHERE g.customer_id = c.id AND g.deleted_at IS NULL AND g.customer_group_id IN (${placeholders(rule.value)})`,
        rule.value
      )
    case "product_bought":
    case "collection_bought": {
      const byCollection = rule.field === "collection_bought"
      return exists(
        rule.operator === "in",
        `SELECT 1 FROM "order" o
           JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
           JOIN order_line_item li ON li.id = oi.item_id
           ${byCollection ? "JOIN product p ON p.id = li.product_id" : ""}
          WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.status NOT IN ('canceled', 'draft')
            AND ${byCollection ? "p.collection_id" : "li.product_id"} IN (${placeholders(rule.value)})`,
        rule.value
      )
    }
    case "country": {
      // an address in the customer's book, or the shipping address of one of their orders (guests have
      // no address book)
      const codes = rule.value.map((v) => v.toLowerCase())
      return exists(
        rule.operator === "in",
        `SELECT 1 FROM customer_address a WHERE a.customer_id = c.id AND a.deleted_at IS NULL AND lower(a.country_code) IN (${placeholders(codes)})
          UNION ALL
         SELECT 1 FROM "order" o JOIN order_address oa ON oa.id = o.shipping_address_id
          WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND lower(oa.country_code) IN (${placeholders(codes)})`,
        [...codes, ...codes]
      )
    }
    case "locale": {
      // the language of the customer's latest order ("fr" matches "fr-FR")
      const languages = rule.value.map((v) => v.toLowerCase().split(/[-_]/)[0])
      const latest = `(SELECT split_part(replace(lower(o.locale), '_', '-'), '-', 1) ${ORDERS} ORDER BY o.created_at DESC LIMIT 1)`
      return rule.operator === "in"
        ? { sql: `${latest} IN (${placeholders(languages)})`, bindings: languages }
        : { sql: `coalesce(${latest}, '') NOT IN (${placeholders(languages)})`, bindings: languages }
    }
    case "orders_count":
      return { sql: `(SELECT count(*) ${ORDERS}) ${COMPARE[rule.operator]} ?`, bindings: [rule.value] }
    case "total_spent": {
      const currency = rule.currency_code ? ` AND lower(o.currency_code) = ?` : ""
      return {
        sql: `(SELECT coalesce(sum((os.totals->>'current_order_total')::numeric), 0)
                 FROM "order" o JOIN order_summary os ON os.order_id = o.id AND os.version = o.version AND os.deleted_at IS NULL
                WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.status NOT IN ('canceled', 'draft')${currency}) ${COMPARE[rule.operator]} ?`,
        bindings: [...(rule.currency_code ? [rule.currency_code.toLowerCase()] : []), rule.value],
      }
    }
    case "messages_received":
      return {
        sql: `(SELECT count(*) FROM sms_rcs_message m
                WHERE m."to" = r.phone AND m.deleted_at IS NULL AND m.sent_at >= now() - ${days}) ${COMPARE[rule.operator]} ?`,
        bindings: [rule.days ?? 30, rule.value],
      }
    case "last_order_date":
      if (rule.operator === "before" || rule.operator === "after") {
        return {
          sql: `(SELECT max(o.created_at) ${ORDERS}) ${rule.operator === "before" ? "<" : ">="} ?::timestamptz`,
          bindings: [rule.value],
        }
      }
      // "not within 90 days" means customers who ordered, but not lately (lapsed), not those who never did
      return rule.operator === "within_days"
        ? { sql: `EXISTS (SELECT 1 ${ORDERS} AND o.created_at >= now() - ${days})`, bindings: [rule.value] }
        : { sql: `EXISTS (SELECT 1 ${ORDERS}) AND NOT EXISTS (SELECT 1 ${ORDERS} AND o.created_at >= now() - ${days})`, bindings: [rule.value] }
    case "cart_abandoned":
      // a cart with items, never completed, last changed within the period
      return exists(
        rule.operator === "within_days",
        `SELECT 1 FROM cart ct WHERE ct.customer_id = c.id AND ct.deleted_at IS NULL AND ct.completed_at IS NULL
            AND ct.updated_at >= now() - ${days}
            AND EXISTS (SELECT 1 FROM cart_line_item cli WHERE cli.cart_id = ct.id AND cli.deleted_at IS NULL)`,
        [rule.value]
      )
    case "clicked":
      return exists(
        rule.operator === "within_days",
        `SELECT 1 FROM sms_rcs_message m JOIN sms_rcs_click k ON k.message_id = m.id AND k.is_bot = false AND k.deleted_at IS NULL
          WHERE m."to" = r.phone AND m.deleted_at IS NULL AND k.occurred_at >= now() - ${days}`,
        [rule.value]
      )
    case "rcs_capable":
      return exists(
        rule.value,
        `SELECT 1 FROM sms_rcs_phone_capability pc
          WHERE pc.phone = r.phone AND pc.deleted_at IS NULL AND pc.rcs_capable = true AND pc.expires_at > now()`,
        []
      )
  }
}

const exists = (positive: boolean, subquery: string, bindings: readonly unknown[]): SqlFragment => ({
  sql: `${positive ? "" : "NOT "}EXISTS (${subquery})`,
  bindings: [...bindings],
})

/** A group as one parenthesised expression; an empty group matches everyone. */
export function groupSql(group: AudienceGroup): SqlFragment {
  const parts = group.rules.map((node) => (isGroup(node) ? groupSql(node) : ruleSql(node)))
  if (!parts.length) {
    return { sql: "TRUE", bindings: [] }
  }
  return {
    sql: `(${parts.map((p) => `(${p.sql})`).join(group.match === "all" ? " AND " : " OR ")})`,
    bindings: parts.flatMap((p) => p.bindings),
  }
}

/**
 * The audience: customers matching the segment who may receive marketing now, each with the phone that
 * holds their marketing consent — linked to the customer by id, or equal to the customer's phone (or
 * an address's) written in international form. Phones that sent STOP ALL are left out, as the worker
 * would suppress them. One row per customer; two customers sharing a phone share one message (the
 * fan-out's idempotency key is the phone).
 */
const GRANTED = `s.purpose = 'marketing' AND s.status = 'granted' AND s.deleted_at IS NULL`
const AUDIENCE = `FROM customer c
  CROSS JOIN LATERAL (
    -- three index lookups rather than one OR, which would scan the consents for every customer
    SELECT x.phone FROM (
      SELECT s.phone, 0 AS pref FROM sms_rcs_consent s WHERE s.customer_id = c.id AND ${GRANTED}
      UNION ALL
      SELECT s.phone, 1 FROM sms_rcs_consent s WHERE s.phone = regexp_replace(c.phone, '[^0-9+]', '', 'g') AND ${GRANTED}
      UNION ALL
      SELECT s.phone, 2 FROM customer_address a
        JOIN sms_rcs_consent s ON s.phone = regexp_replace(a.phone, '[^0-9+]', '', 'g') AND ${GRANTED}
       WHERE a.customer_id = c.id AND a.deleted_at IS NULL AND a.phone LIKE '+%'
    ) x ORDER BY x.pref, x.phone LIMIT 1
  ) r
 WHERE c.deleted_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM sms_rcs_consent x
                    WHERE x.phone = r.phone AND x.purpose = 'transactional' AND x.status = 'revoked' AND x.deleted_at IS NULL)`

/** How many recipients the segment has now (the builder's live count). */
export function countSql(definition: AudienceDefinition): SqlFragment {
  const where = groupSql(definition)
  return { sql: `SELECT count(*)::int AS n ${AUDIENCE} AND ${where.sql}`, bindings: where.bindings }
}

export type RecipientRow = {
  customer_id: string
  phone: string
  first_name: string | null
  last_name: string | null
  email: string | null
}

/**
 * One page of recipients after `afterCustomerId`, in customer id order: the fan-out's keyset cursor, so
 * a page costs the same at the millionth customer as at the first and nothing else is held in memory.
 */
export function recipientPageSql(definition: AudienceDefinition, afterCustomerId: string | null, limit: number): SqlFragment {
  const where = groupSql(definition)
  return {
    sql: `SELECT c.id AS customer_id, r.phone, c.first_name, c.last_name, c.email
          ${AUDIENCE} AND c.id > ? AND ${where.sql}
          ORDER BY c.id LIMIT ?`,
    bindings: [afterCustomerId ?? "", ...where.bindings, limit],
  }
}
