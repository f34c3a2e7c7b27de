import { countSql, groupSql, parseAudienceDefinition, recipientPageSql } from "../campaigns"

const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length

describe("parseAudienceDefinition", () => {
  it("accepts every field with its operators, nested groups included", () => {
    const definition = {
      match: "all",
      rules: [
        { field: "customer_group", operator: "in", value: ["cusgroup_vip"] },
        { field: "orders_count", operator: "gte", value: 2 },
        { field: "total_spent", operator: "gt", value: 150, currency_code: "eur" },
        { field: "last_order_date", operator: "within_days", value: 90 },
        { field: "last_order_date", operator: "before", value: "2026-01-01" },
        { field: "product_bought", operator: "not_in", value: ["prod_1"] },
        { field: "collection_bought", operator: "in", value: ["pcol_1"] },
        { field: "cart_abandoned", operator: "within_days", value: 7 },
        { field: "country", operator: "in", value: ["FR", "BE"] },
        { field: "locale", operator: "in", value: ["fr"] },
        { field: "rcs_capable", operator: "is", value: true },
        { field: "messages_received", operator: "lte", value: 3, days: 7 },
        { match: "any", rules: [{ field: "clicked", operator: "within_days", value: 30 }] },
      ],
    }
    const parsed = parseAudienceDefinition(definition)
    expect(parsed).toEqual({ ok: true, definition })
  })

  it("names each problem with its place and what is expected", () => {
    const parsed = parseAudienceDefinition({
      match: "all",
      rules: [
        { field: "orders_count", operator: "gte", value: -1 },
        { field: "shoe_size", operator: "in", value: ["42"] },
        { field: "country", operator: "in", value: [] },
        { match: "any", rules: [{ field: "last_order_date", operator: "before", value: "yesterday" }] },
        { field: "rcs_capable", operator: "is", value: "yes" },
      ],
    })
    expect(parsed.ok).toBe(false)
    const problems = (parsed as { problems: string[] }).problems
    expect(problems).toEqual([
      "rules[0].value: must be 0 or more",
      expect.stringMatching(/^rules\[1\]\.field: unknown field "shoe_size"; fields: customer_group, /),
      "rules[2].value: pick at least one value",
      "rules[3].rules[0].value: an ISO date (YYYY-MM-DD)",
      expect.stringMatching(/^rules\[4\]\.value: /),
    ])
  })

  it("refuses a wrong operator, unknown keys, a bad match and groups nested too deep", () => {
    const problemsOf = (input: unknown) => (parseAudienceDefinition(input) as { problems: string[] }).problems
    expect(problemsOf({ match: "all", rules: [{ field: "orders_count", operator: "in", value: 1 }] })[0]).toMatch(/^rules\[0\]\.operator: /)
    expect(problemsOf({ match: "all", rules: [{ field: "orders_count", operator: "gte", value: 1, extra: 1 }] })[0]).toMatch(/extra/)
    expect(problemsOf({ match: "both", rules: [] })).toEqual(['match: match must be "all" or "any"'])
    const deep = { match: "all", rules: [{ match: "all", rules: [{ match: "all", rules: [{ match: "all", rules: [] }] }] }] }
    expect(problemsOf(deep)).toEqual(["rules[0].rules[0].rules[0]: groups nest at most 3 deep"])
    expect(problemsOf(null)[0]).toMatch(/^segment: /)
  })
})

describe("segment SQL", () => {
  it("binds every value and joins all/any groups with AND/OR", () => {
    const where = groupSql({
      match: "any",
      rules: [
        { field: "customer_group", operator: "in", value: ["g1", "g2"] },
        { match: "all", rules: [{ field: "orders_count", operator: "gte", value: 3 }, { field: "rcs_capable", operator: "is", value: false }] },
      ],
    })
    expect(where.bindings).toEqual(["g1", "g2", 3])
    expect(placeholders(where.sql)).toBe(where.bindings.length)
    expect(where.sql).toMatch(/customer_group_id IN \(\?, \?\)\)\) OR \(\(\(\(SELECT count\(\*\)/)
    expect(where.sql).toContain("NOT EXISTS (SELECT 1 FROM sms_rcs_phone_capability")
    expect(where.sql).not.toContain("g1")
  })

  it("keeps values out of the SQL text, even hostile ones", () => {
    const where = groupSql({ match: "all", rules: [{ field: "product_bought", operator: "in", value: ["x'); DROP TABLE customer; --"] }] })
    expect(where.sql).not.toContain("DROP")
    expect(where.bindings).toEqual(["x'); DROP TABLE customer; --"])
  })

  it("pages by customer id after the cursor, and counts with the same audience", () => {
    const definition = { match: "all" as const, rules: [{ field: "locale" as const, operator: "in" as const, value: ["FR-fr"] }] }
    const page = recipientPageSql(definition, "cus_01", 500)
    expect(page.bindings).toEqual(["cus_01", "fr", 500])
    expect(placeholders(page.sql)).toBe(3)
    expect(page.sql).toMatch(/AND c\.id > \? AND .*ORDER BY c\.id LIMIT \?$/s)
    const count = countSql(definition)
    expect(count.bindings).toEqual(["fr"])
    expect(count.sql).toContain("s.purpose = 'marketing' AND s.status = 'granted'")
    expect(count.sql).toContain("x.purpose = 'transactional' AND x.status = 'revoked'")
  })

  it("matches everyone with consent for an empty segment", () => {
    expect(groupSql({ match: "all", rules: [] })).toEqual({ sql: "TRUE", bindings: [] })
  })

  it("reads 'not within N days' as lapsed customers, not those who never ordered", () => {
    const lapsed = groupSql({ match: "all", rules: [{ field: "last_order_date", operator: "not_within_days", value: 90 }] })
    expect(lapsed.sql).toMatch(/^\(\(EXISTS \(SELECT 1 FROM "order" o .*\) AND NOT EXISTS \(SELECT 1 FROM "order" o .* o\.created_at >= now\(\)/s)
    expect(lapsed.bindings).toEqual([90])
  })
})
