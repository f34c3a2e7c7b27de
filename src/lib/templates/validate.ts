import Mustache from "mustache"
import { mapRcsTexts, rcsPayloadSchema, rcsTexts, type RcsPayload } from "../rcs/payload"
import { COMMON_VARIABLES, ITEM_FIELDS } from "./catalog"
import { isTooLongForSms, MAX_SMS_CHARACTERS, tooLongMessage } from "../sms-encoding"
import { renderTemplate, templateVariables, type RenderOptions } from "./render"
import { locateSyntaxError, type SyntaxErrorCode } from "./syntax-error"

/**
 * One thing wrong with a template. A syntax error also says where the faulty tag is (`at`), so the editor
 * can name the line and column and select the tag.
 */
export type TemplateProblem = {
  path: string
  message: string
  at?: { code: SyntaxErrorCode; name: string | null; start: number; end: number; line: number; column: number }
}

export { MAX_SMS_CHARACTERS }

export type TemplateDraft = {
  sms_body?: unknown
  rcs_payload?: unknown
}

/**
 * Everything wrong with a template, each with where it is: bad syntax, unknown variables, an empty SMS
 * text (it is the RCS fallback too, so it is mandatory), RCS limits exceeded. Empty when it is good.
 * `allowed` lists the variables of the template's event, on top of the common ones.
 */
export function validateTemplate(
  draft: TemplateDraft,
  allowed: readonly string[]
): { problems: TemplateProblem[]; rcs: RcsPayload | null } {
  const problems: TemplateProblem[] = []
  const known = new Set<string>([...COMMON_VARIABLES, ...allowed, "."])
  if (known.has("items")) {
    ITEM_FIELDS.forEach((field) => known.add(field))
  }
  const checkText = (path: string, text: string) => {
    let names: string[]
    try {
      names = templateVariables(text)
    } catch (error) {
      const { message, code, name, start, end, line, column } = locateSyntaxError(text, error as Error)
      problems.push({ path, message: `syntax error: ${message}`, at: { code, name, start, end, line, column } })
      return
    }
    for (const name of names) {
      const root = name.split(".")[0]
      if (!known.has(name) && !(name.includes(".") && known.has(root))) {
        problems.push({ path, message: `unknown variable "${name}"; this template may use: ${[...known].filter((n) => n !== ".").join(", ")}` })
      }
    }
  }

  if (typeof draft.sms_body !== "string" || !draft.sms_body.trim()) {
    problems.push({
      path: "sms_body",
      message: "the SMS text is empty; it is mandatory, also as the fallback of the RCS variant",
    })
  } else {
    if (isTooLongForSms(draft.sms_body)) {
      // said first, and the text is not parsed further: the rest of the checks would be noise
      problems.push({ path: "sms_body", message: tooLongMessage(draft.sms_body, "the SMS text") })
    } else {
      checkText("sms_body", draft.sms_body)
    }
  }

  let rcs: RcsPayload | null = null
  if (draft.rcs_payload !== undefined && draft.rcs_payload !== null) {
    const parsed = rcsPayloadSchema.safeParse(draft.rcs_payload)
    if (parsed.success) {
      rcs = parsed.data
      for (const { path, text } of rcsTexts(rcs)) {
        checkText(`rcs_payload.${path}`, text)
      }
    } else {
      for (const issue of parsed.error.issues) {
        problems.push({ path: ["rcs_payload", ...issue.path].join("."), message: rcsIssueMessage(issue) })
      }
    }
  }
  return { problems, rcs }
}

function rcsIssueMessage(issue: { code: string; message: string; keys?: string[]; options?: unknown[] }): string {
  if (issue.code === "unrecognized_keys" && issue.keys) {
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`
  }
  if (issue.code === "invalid_union" && issue.message.includes("discriminator")) {
    return issue.message
  }
  return issue.message
}

/** The RCS variant with its variables filled in. */
export function renderRcsPayload(payload: RcsPayload, variables: Record<string, unknown>, options: RenderOptions = {}): RcsPayload {
  return mapRcsTexts(payload, (text) => renderTemplate(text, variables, options))
}

/** True when the text parses as Mustache (for callers that only need a yes/no). */
export function isValidSyntax(text: string): boolean {
  try {
    Mustache.parse(text)
    return true
  } catch {
    return false
  }
}
