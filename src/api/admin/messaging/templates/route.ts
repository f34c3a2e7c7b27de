import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { knownTemplateKeys, templateKeyInfo } from "../../../../lib/templates/template-keys"
import { COMMON_VARIABLES, DEFAULT_TEMPLATES } from "../../../../lib/templates"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import { checkDraft, problemsResponse } from "./draft"
import type { AdminSaveTemplateBodyType } from "./validators"

type StoredTemplate = {
  id: string
  key: string
  locale: string
  purpose: "transactional" | "marketing"
  sms_body: string
  rcs_payload: Record<string, unknown> | null
  media_url?: string | null
  enabled: boolean
  metadata: Record<string, unknown> | null
  updated_at: Date
}

const declaredVariables = (template?: { metadata?: Record<string, unknown> | null }) =>
  (template?.metadata?.variables as string[] | undefined) ?? null

function entry(key: string, locale: string, stored?: StoredTemplate) {
  const info = templateKeyInfo(key, declaredVariables(stored))
  const shipped = DEFAULT_TEMPLATES[key]
  return {
    id: stored?.id ?? null,
    key,
    locale,
    purpose: stored?.purpose ?? info.purpose,
    sms_body: stored?.sms_body ?? shipped?.sms[locale] ?? "",
    rcs_payload: stored ? stored.rcs_payload : (shipped?.rcs?.[locale] ?? null),
    media_url: stored?.media_url ?? null,
    enabled: stored?.enabled ?? true,
    is_default: !stored,
    variables: [...COMMON_VARIABLES, ...(info.variables ?? [])],
    automation: info.automation,
    event: info.event,
    updated_at: stored?.updated_at ?? null,
  }
}

/**
 * GET /admin/messaging/templates — one entry per key and locale: the store's own template, or the one
 * shipped with the plugin, with the variables it may use and the automation that sends it.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const stored = (await messaging.listTemplates({}, { take: null, order: { key: "ASC" } })) as StoredTemplate[]
  const byKeyLocale = new Map(stored.map((t) => [`${t.key}:${t.locale}`, t]))
  const pairs = new Set<string>()
  for (const key of knownTemplateKeys()) {
    for (const locale of Object.keys(DEFAULT_TEMPLATES[key]?.sms ?? { en: "", fr: "" })) pairs.add(`${key}:${locale}`)
  }
  stored.forEach((t) => pairs.add(`${t.key}:${t.locale}`))
  const templates = [...pairs]
    .sort()
    .map((pair) => {
      const [key, locale] = pair.split(":")
      return entry(key, locale, byKeyLocale.get(pair))
    })
  res.json({ templates })
}

/**
 * POST /admin/messaging/templates — saves the store's version of a template (per key and locale).
 * Refused with a 400 listing every problem: bad syntax, unknown variables, an empty SMS text (the RCS
 * fallback), RCS limits exceeded.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSaveTemplateBodyType>, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const draft = req.validatedBody
  const [existing] = (await messaging.listTemplates({ key: draft.key, locale: draft.locale }, { take: 1 })) as StoredTemplate[]
  const checked = checkDraft(draft, declaredVariables(existing))
  if (checked.problems.length) {
    res.status(400).json(problemsResponse(checked.problems))
    return
  }
  const fields = {
    key: draft.key,
    locale: draft.locale,
    purpose: draft.purpose ?? existing?.purpose ?? checked.info.purpose,
    sms_body: draft.sms_body,
    rcs_payload: (checked.rcs as Record<string, unknown> | null) ?? null,
    // left out: kept as it was; null: removed
    media_url: draft.media_url === undefined ? existing?.media_url ?? null : draft.media_url || null,
    enabled: draft.enabled ?? existing?.enabled ?? true,
    metadata: {
      ...existing?.metadata,
      ...(draft.variables ? { variables: draft.variables } : {}),
      updated_by: req.auth_context.actor_id,
    },
  }
  const saved = (existing
    ? await messaging.updateTemplates({ id: existing.id, ...fields })
    : await messaging.createTemplates(fields)) as StoredTemplate
  await messaging.templatesChanged()
  res.status(existing ? 200 : 201).json({ template: entry(saved.key, saved.locale, saved) })
}
