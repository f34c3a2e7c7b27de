import type { MedusaContainer } from "@medusajs/framework/types"
import { templateKeyInfo, type TemplateKeyInfo } from "../../../../lib/templates/template-keys"
import { withOptOutMention } from "../../../../lib/consent"
import { estimateCost } from "../../../../lib/sms-encoding"
import type { RcsPayload } from "../../../../lib/rcs/payload"
import { countSegments, findNonGsmCharacters, smartEncode } from "../../../../lib/sms-encoding"
import { isTooLongForSms, tooLongMessage } from "../../../../lib/sms-encoding"
import {
  formatVariables,
  renderRcsPayload,
  renderTemplate,
  SAMPLE_VARIABLES,
  validateTemplate,
  type TemplateProblem,
} from "../../../../lib/templates"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { storeName } from "../../../../workflows/utils/store-facts"

export type TemplateDraft = {
  key: string
  locale: string
  sms_body: string
  rcs_payload?: unknown
  purpose?: "transactional" | "marketing"
  variables?: string[]
}

export type CheckedDraft = { info: TemplateKeyInfo; problems: TemplateProblem[]; rcs: RcsPayload | null }

/** Every problem of a draft template: its key, syntax, variables, RCS limits. */
export function checkDraft(draft: TemplateDraft, storedVariables?: string[] | null): CheckedDraft {
  const info = templateKeyInfo(draft.key, draft.variables ?? storedVariables)
  const problems: TemplateProblem[] = []
  if (!info.variables) {
    problems.push({
      path: "variables",
      message:
        `"${draft.key}" is neither shipped with the plugin nor mapped to an event in the "events" option: ` +
        `list the variables your subscriber passes to sendMessageWorkflow in "variables"`,
    })
  }
  const checked = validateTemplate(draft, info.variables ?? [])
  return { info, problems: [...problems, ...checked.problems], rcs: checked.rcs }
}

/** The values a draft is previewed and test-sent with: samples, and the store's real name and links. */
export async function sampleVariables(container: MedusaContainer, info: TemplateKeyInfo) {
  const options = container.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  const own = Object.fromEntries((info.source === "custom" ? info.variables ?? [] : []).map((name) => [name, `[${name}]`]))
  return {
    ...SAMPLE_VARIABLES,
    ...own,
    store_name: options.storeName ?? (await storeName(container)),
    ...(options.storefrontUrl ? { storefront_url: options.storefrontUrl } : {}),
    ...(options.consent.helpContact ? { help_contact: options.consent.helpContact } : {}),
    message_frequency: options.consent.messageFrequency,
  }
}

/**
 * The draft as a shopper would get it, with sample values: the text after the opt-out mention and smart
 * encoding the real send applies, its encoding, segments and estimated cost, and the characters of the
 * draft that force UCS-2 with a GSM-7 replacement when there is one.
 */
export async function previewDraft(container: MedusaContainer, draft: TemplateDraft, checked: CheckedDraft) {
  const options = container.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions()
  const samples = await sampleVariables(container, checked.info)
  const variables = formatVariables(samples, draft.locale)
  const purpose = draft.purpose ?? checked.info.purpose
  const limits = { maxVariableLength: options.templates.maxVariableLength }
  let body = ""
  let rendered = true
  try {
    const filled = renderTemplate(draft.sms_body, variables, limits)
    const mentioned = purpose === "marketing" ? withOptOutMention(filled, draft.sms_body, draft.locale, options.consent.optOutText) : filled
    body = options.smartEncoding ? smartEncode(mentioned) : mentioned
  } catch {
    // a syntax error, already in the problems: nothing to render. Said with `rendered: false`, so the
    // editor keeps showing the last text that did render instead of an empty bubble counted as 0 segments.
    rendered = false
  }
  if (isTooLongForSms(body)) {
    // the draft fits, but not once filled in (the opt-out mention, sample values): refused, not counted
    return { refused: problemsResponse([{ path: "sms_body", message: tooLongMessage(body, "the SMS text, filled in,") }]) }
  }
  const { encoding, segments } = countSegments(body)
  const cost = estimateCost(options.pricing, { channel: "sms", country: options.defaultCountry, segments }) ?? null
  let rcs: RcsPayload | null = null
  try {
    rcs = checked.rcs ? renderRcsPayload(checked.rcs, variables, limits) : null
  } catch {
    rcs = null
  }
  return {
    rendered,
    body,
    /** Who the phone shows as the sender in the preview: the store's name, as {{store_name}} renders. */
    store_name: String(samples.store_name ?? ""),
    encoding,
    segments,
    characters: [...body].length,
    non_gsm: isTooLongForSms(draft.sms_body) ? [] : findNonGsmCharacters(draft.sms_body),
    cost,
    rcs,
    purpose,
    problems: checked.problems,
  }
}

/** The 400 body for a refused template: a summary, and every problem with where it is. */
export function problemsResponse(problems: { path: string; message: string }[]) {
  return {
    type: "invalid_data",
    message: `The template has ${problems.length} problem${problems.length > 1 ? "s" : ""}: ${problems
      .map((p) => `${p.path}: ${p.message}`)
      .join("; ")}`,
    problems,
  }
}
