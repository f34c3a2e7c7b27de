import { useEffect, useRef, useState } from "react"
import { ApiError, requestWithProblems, type ApiProblem } from "./api"
import { sdk } from "./sdk"
import { useAdminGet } from "./use-admin-get"

export type TemplatePurpose = "transactional" | "marketing"

/** One template per key × locale: the store's own, or else the shipped default. */
export type AdminTemplate = {
  id: string | null
  key: string
  locale: string
  purpose: TemplatePurpose
  sms_body: string
  rcs_payload: Record<string, unknown> | null
  is_default: boolean
  variables: string[]
  automation: string | null
  updated_at: string | null
}

export type TemplateDraft = {
  key: string
  locale: string
  sms_body: string
  rcs_payload?: Record<string, unknown> | null
  purpose?: TemplatePurpose
}

export type NonGsmCharacter = { char: string; index: number; replacement: string | null }

export type TemplatePreview = {
  body: string
  encoding: "GSM-7" | "UCS-2"
  segments: number
  characters: number
  non_gsm: NonGsmCharacter[]
  cost: { amount: number; currency_code: string } | null
  rcs: Record<string, unknown> | null
  problems: ApiProblem[]
}

export type TestMessage = { id: string; status: string; status_reason: string | null; to: string | null }

/** Every template (key × locale), reloadable after a save or a revert. */
export function useTemplates() {
  const { value, ...state } = useAdminGet<{ templates: AdminTemplate[] }>("/admin/messaging/templates", {
    templates: [],
  })
  return { ...state, templates: value.templates }
}

/** Creates or replaces the store's version of a template (by key and locale). Throws `ApiError` with problems. */
export async function saveTemplate(draft: TemplateDraft): Promise<AdminTemplate> {
  const { template } = await requestWithProblems<{ template: AdminTemplate }>("/admin/messaging/templates", {
    method: "POST",
    body: draft,
  })
  return template
}

/** Removes the store's version: the shipped default applies again. */
export async function revertTemplate(id: string): Promise<void> {
  await sdk.client.fetch(`/admin/messaging/templates/${encodeURIComponent(id)}`, { method: "DELETE" })
}

/** Sends the draft, rendered with sample values, to `phone`. Throws `ApiError` with problems. */
export async function sendTestMessage(draft: TemplateDraft & { phone: string }): Promise<TestMessage> {
  const { message } = await requestWithProblems<{ message: TestMessage }>("/admin/messaging/templates/send-test", {
    method: "POST",
    body: draft,
  })
  return message
}

export type PreviewState = {
  preview: TemplatePreview | null
  /** The `sms_body` the preview was rendered from: `non_gsm` indexes point into it. */
  previewedBody: string | null
  loading: boolean
  /** Problems of a preview that could not render (4xx/5xx). */
  problems: ApiProblem[]
}

/**
 * The rendered draft, its encoding, segments and cost, asked again `delayMs` after the owner stops typing.
 * Answers that arrive after a newer request was sent are dropped.
 */
export function useTemplatePreview<D extends { sms_body: string }>(
  draft: D | null,
  delayMs = 250,
  /** The campaign builder previews through its own endpoint, which answers the same shape. */
  path = "/admin/messaging/templates/preview"
): PreviewState {
  const [state, setState] = useState<PreviewState>({ preview: null, previewedBody: null, loading: false, problems: [] })
  const sequence = useRef(0)
  const key = draft ? JSON.stringify(draft) : null

  useEffect(() => {
    if (!draft) return
    const id = ++sequence.current
    setState((s) => ({ ...s, loading: true }))
    const timer = setTimeout(async () => {
      try {
        const preview = await requestWithProblems<TemplatePreview>(path, {
          method: "POST",
          body: draft,
        })
        if (id !== sequence.current) return
        setState({ preview, previewedBody: draft.sms_body, loading: false, problems: [] })
      } catch (error) {
        if (id !== sequence.current) return
        const problems =
          error instanceof ApiError && error.problems.length
            ? error.problems
            : [{ path: "", message: `The preview failed: ${(error as Error).message}` }]
        setState({ preview: null, previewedBody: null, loading: false, problems })
      }
    }, delayMs)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs, path])

  return state
}

/** The RCS textarea's JSON: `null` when empty, the object when valid, or why it is not. */
export function parseRcsJson(text: string): { payload: Record<string, unknown> | null; error?: string } {
  if (!text.trim()) return { payload: null }
  try {
    const value = JSON.parse(text)
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      return { payload: null, error: "The RCS variant must be a JSON object, such as { \"type\": \"card\", … }" }
    }
    return { payload: value }
  } catch (error) {
    return { payload: null, error: `The RCS variant is not valid JSON: ${(error as Error).message}` }
  }
}
