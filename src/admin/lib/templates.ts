import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { ApiError, requestWithProblems, type ApiProblem } from "./api"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"
import { useDebouncedValue } from "./use-debounced-value"

export type TemplatePurpose = "transactional" | "marketing"

/** One template per key × locale: the store's own, or else the shipped default. */
export type AdminTemplate = {
  id: string | null
  key: string
  locale: string
  purpose: TemplatePurpose
  sms_body: string
  rcs_payload: Record<string, unknown> | null
  /** MMS image (US and Canada through Twilio), or null. */
  media_url: string | null
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
  /** Only when saving: the MMS image, null to remove it. */
  media_url?: string | null
}

export type NonGsmCharacter = { char: string; index: number; replacement: string | null }

/** Where a syntax error's tag is in the text (see `src/lib/templates/syntax-error.ts`). */
export type SyntaxErrorAt = {
  code: "unclosed_section" | "unopened_section" | "unclosed_tag" | "other"
  name: string | null
  start: number
  end: number
  line: number
  column: number
}

export type TemplateProblem = ApiProblem & { at?: SyntaxErrorAt }

export type TemplatePreview = {
  /** False when the text does not parse: `body`, `segments` and `cost` then describe nothing. */
  rendered?: boolean
  /** The store's name, as the phone shows the sender. */
  store_name?: string
  body: string
  encoding: "GSM-7" | "UCS-2"
  segments: number
  characters: number
  non_gsm: NonGsmCharacter[]
  cost: { amount: number; currency_code: string } | null
  rcs: Record<string, unknown> | null
  problems: TemplateProblem[]
}

export type TestMessage = { id: string; status: string; status_reason: string | null; to: string | null }

export const templateKeys = queryKeys("templates")

/** Every template (key × locale). */
export function useTemplates() {
  return useQuery({
    queryKey: templateKeys.list(),
    queryFn: () => sdk.client.fetch<{ templates: AdminTemplate[] }>("/admin/messaging/templates"),
  })
}

/**
 * Creates or replaces the store's version of a template (by key and locale); throws `ApiError` with
 * problems. The list is asked again before the save resolves, so the editor reopens on what is saved.
 */
export function useSaveTemplate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (draft: TemplateDraft) =>
      (await requestWithProblems<{ template: AdminTemplate }>("/admin/messaging/templates", { method: "POST", body: draft })).template,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  })
}

/** Removes the store's version: the shipped default applies again. */
export function useRevertTemplate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/messaging/templates/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  })
}

/** Sends the draft, rendered with sample values, to `phone`. Throws `ApiError` with problems. */
export function useSendTestMessage() {
  return useMutation({
    mutationFn: async (draft: TemplateDraft & { phone: string }) =>
      (await requestWithProblems<{ message: TestMessage }>("/admin/messaging/templates/send-test", { method: "POST", body: draft })).message,
  })
}

export type PreviewState = {
  preview: TemplatePreview | null
  /**
   * The last preview that rendered, and the text it was made from: while the text does not parse, the
   * editor shows this one (marked stale) instead of an empty bubble counted as 0 segments.
   */
  lastGood: { preview: TemplatePreview; body: string } | null
  /** The `sms_body` the preview was rendered from: `non_gsm` indexes point into it. */
  previewedBody: string | null
  loading: boolean
  /** Problems of a preview that could not render (4xx/5xx). */
  problems: ApiProblem[]
}

/**
 * The rendered draft, its encoding, segments and cost, asked `delayMs` after the owner stops typing.
 * Until the answer for the text as it is now arrives, the previous preview stays (marked loading); an
 * answer to an older text is never shown for a newer one (each text is its own query).
 */
export function useTemplatePreview<D extends { sms_body: string }>(
  draft: D | null,
  delayMs = 250,
  /** The campaign builder previews through its own endpoint, which answers the same shape. */
  path = "/admin/messaging/templates/preview"
): PreviewState {
  const key = draft ? JSON.stringify(draft) : null
  const settledKey = useDebouncedValue(key, delayMs)
  const settled = useMemo(() => (settledKey ? (JSON.parse(settledKey) as D) : null), [settledKey])
  const query = useQuery({
    queryKey: [...templateKeys.all, "preview", path, settled],
    enabled: !!settled,
    queryFn: async () => ({
      preview: await requestWithProblems<TemplatePreview>(path, { method: "POST", body: settled }),
      body: settled!.sms_body,
    }),
    placeholderData: keepPreviousData,
    // a refused text (400 with problems) is refused again: say so at once
    retry: false,
  })
  const [lastGood, setLastGood] = useState<PreviewState["lastGood"]>(null)
  const data = query.data
  useEffect(() => {
    if (data && data.preview.rendered !== false) setLastGood({ preview: data.preview, body: data.body })
  }, [data])
  const error = query.error
  const problems: ApiProblem[] = !error
    ? []
    : error instanceof ApiError && error.problems.length
      ? error.problems
      : [{ path: "", message: `The preview failed: ${error.message}` }]
  return {
    preview: query.data?.preview ?? null,
    lastGood,
    previewedBody: query.data?.body ?? null,
    loading: key !== settledKey || query.isFetching,
    problems,
  }
}

/**
 * The RCS textarea's JSON: `null` when empty, the object when valid, or why it is not (`code` for the
 * translated message, `error` for the parser's detail).
 */
export function parseRcsJson(text: string): {
  payload: Record<string, unknown> | null
  error?: string
  code?: "not_object" | "invalid_json"
} {
  if (!text.trim()) return { payload: null }
  try {
    const value = JSON.parse(text)
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      return { payload: null, code: "not_object", error: "The RCS variant must be a JSON object, such as { \"type\": \"card\", … }" }
    }
    return { payload: value }
  } catch (error) {
    return { payload: null, code: "invalid_json", error: (error as Error).message }
  }
}

/**
 * A template's name for people ("Order confirmation"), from the catalogue's `templates.names`; a key of the
 * developer's own has none and shows as it is.
 */
export function templateName(t: (key: string, options?: Record<string, unknown>) => string, key: string): string {
  return t(`templates.names.${key}`, { defaultValue: key })
}
