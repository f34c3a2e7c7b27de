import type { ApiProblem } from "../../lib/api"
import { useT } from "../../lib/i18n"

/** Problems sorted by where the builder shows them: under a variant's text, or above the save button. */
export type PlacedProblems = { general: string[]; byVariant: Record<number, string[]> }

type Draft = { variants: { id: string }[]; throttle?: unknown }

/**
 * Turns the API's problems (path + zod code + params, see api/admin/messaging/campaigns/problems.ts) into
 * sentences in the admin's language: "Variant A: the SMS text is empty", not "Value for field 'variants,
 * 0, sms_body' too small". A problem this map does not know keeps the API's own sentence, after the
 * field's name: nothing is ever hidden.
 */
export function useCampaignProblems() {
  const { t } = useT()

  const fieldLabel = (path: string[], draft: Draft): string => {
    const [head, index, leaf] = path
    if (head === "variants" && index !== undefined) {
      return t("campaigns.problems.field.variant", { id: (draft.variants[Number(index)]?.id ?? String(Number(index) + 1)).toUpperCase() })
    }
    if (head === "segment") return t(index === "name" ? "campaigns.problems.field.segmentName" : index ? "campaigns.problems.field.segmentRules" : "campaigns.problems.field.segment")
    if (head === "ab_test") {
      if (index === "test_share") return t("campaigns.problems.field.testShare")
      if (index === "decide_after_hours") return t("campaigns.problems.field.decideAfter")
      if (index === "metric") return t("campaigns.problems.field.metric")
      return t("campaigns.problems.field.abTest")
    }
    if (head === "throttle") return t("campaigns.problems.field.throttle")
    if (head === "name") return t("campaigns.problems.field.name")
    if (head === "at") return t("campaigns.problems.field.schedule")
    if (head === "time_zone") return t("campaigns.problems.field.zone")
    return [head, index, leaf].filter(Boolean).join(" › ")
  }

  const sentence = (problem: ApiProblem, draft: Draft): string => {
    const path = problem.path ? problem.path.split(".") : []
    const code = problem.code
    const params = problem.params ?? {}
    const max = params.maximum
    const [head, index, leaf] = path
    if (!code) {
      // an answer without codes (an older route, a refusal of the course): its own words
      return path.length ? t("campaigns.problems.generic", { field: fieldLabel(path, draft), message: problem.message }) : problem.message
    }
    if (head === "name" && path.length === 1) {
      return code === "too_big" ? t("campaigns.problems.nameTooLong", { max }) : t("campaigns.problems.nameEmpty")
    }
    if (head === "segment" && index === "name") {
      return code === "too_big" ? t("campaigns.problems.segmentNameTooLong", { max }) : t("campaigns.problems.segmentNameEmpty")
    }
    if (head === "variants" && index !== undefined && /^\d+$/.test(index)) {
      const id = (draft.variants[Number(index)]?.id ?? String(Number(index) + 1)).toUpperCase()
      if (leaf === "sms_body") {
        if (params.reason === "too_long") return t("campaigns.problems.variantTextTooLong", { id })
        if (params.reason === "syntax") return t("campaigns.problems.variantTextSyntax", { id })
        if (params.reason === "unknown_variable") {
          return t("campaigns.problems.variantUnknownVariable", { id, name: `{{${String(params.name)}}}`, interpolation: { escapeValue: false } })
        }
        if (code === "too_small" || params.reason === "no_text" || code === "invalid_type") return t("campaigns.problems.variantTextEmpty", { id })
      }
      if (leaf === "name") return t("campaigns.problems.variantNameEmpty", { id })
      if (leaf === "weight") return t("campaigns.problems.variantWeight", { id })
    }
    if (head === "variants" && path.length === 1) {
      if (params.reason === "split") return t("campaigns.problems.split", { total: params.total })
      if (code === "too_big" || code === "too_small") return t("campaigns.problems.variantsCount", { max: max ?? 5 })
    }
    if (head === "ab_test") {
      if (params.reason === "test_needs_two") return t("campaigns.problems.testNeedsTwo")
      if (index === "test_share") return t("campaigns.problems.testShare")
      if (index === "decide_after_hours") return t("campaigns.problems.decideAfter")
    }
    if (head === "throttle") {
      const perSecond = !!draft.throttle && typeof draft.throttle === "object" && "per_second" in draft.throttle
      return t(perSecond ? "campaigns.problems.perSecond" : "campaigns.problems.spread")
    }
    if (code === "custom") return t("campaigns.problems.generic", { field: fieldLabel(path, draft), message: problem.message })
    return t("campaigns.problems.invalid", { field: fieldLabel(path, draft) })
  }

  /** Each problem as a sentence, placed under its variant when it is one's. */
  const place = (problems: ApiProblem[], draft: Draft): PlacedProblems => {
    const placed: PlacedProblems = { general: [], byVariant: {} }
    const seen = new Set<string>()
    for (const problem of problems) {
      const text = sentence(problem, draft)
      const match = problem.path.match(/^variants\.(\d+)\./)
      const key = `${match?.[1] ?? ""}|${text}`
      // zod may report one empty text twice (too small, and no text nor template): say it once
      if (seen.has(key)) continue
      seen.add(key)
      if (match && problem.code) (placed.byVariant[Number(match[1])] ??= []).push(text)
      else placed.general.push(text)
    }
    return placed
  }

  return { sentence, place }
}
