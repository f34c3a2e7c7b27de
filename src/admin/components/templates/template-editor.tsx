import { Badge, Button, Container, Heading, Input, Label, Select, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { problemsOf, requestWithProblems, type ApiProblem } from "../../lib/api"
import { applyGsmReplacements, locateNonGsm, summarizeReplacements } from "../../lib/gsm"
import { useT } from "../../lib/i18n"
import {
  parseRcsJson,
  templateName,
  type TemplatePreview,
  useRevertTemplate,
  useSaveTemplate,
  useTemplatePreview,
  type AdminTemplate,
  type TemplateDraft,
  type TemplatePurpose,
} from "../../lib/templates"
import { NonGsmHighlight } from "../shared/non-gsm-highlight"
import { PhonePreview } from "../shared/phone-preview"
import { ProblemList } from "../shared/problem-list"
import { SendTestForm } from "./send-test-form"
import { SmsMeter } from "../shared/sms-meter"
import { RcsVariantEditor } from "./rcs-variant-editor"
import { TemplateProblems } from "./template-problems"

const rcsToText = (payload: AdminTemplate["rcs_payload"]) => (payload ? JSON.stringify(payload, null, 2) : "")

/**
 * Edits one template: the SMS text and its optional RCS variant, with a live phone preview, the encoding,
 * segments and cost as the owner types, the characters that force UCS-2 and their fix, and save, revert
 * to default and send-a-test. `onDirtyChange` tells the page whether there are unsaved edits, so that it
 * asks before they are lost.
 */
export const TemplateEditor = ({
  template,
  onDirtyChange,
}: {
  template: AdminTemplate
  onDirtyChange?: (dirty: boolean) => void
}) => {
  const { t } = useT()
  const name = templateName(t, template.key)
  const [smsBody, setSmsBody] = useState(template.sms_body)
  const [rcsText, setRcsText] = useState(rcsToText(template.rcs_payload))
  const [purpose, setPurpose] = useState<TemplatePurpose>(template.purpose)
  const [mediaUrl, setMediaUrl] = useState(template.media_url ?? "")
  const saving = useSaveTemplate()
  const reverting = useRevertTemplate()
  const [saveProblems, setSaveProblems] = useState<ApiProblem[]>([])
  const [fixing, setFixing] = useState(false)
  const smsRef = useRef<HTMLTextAreaElement>(null)
  const prompt = usePrompt()

  const rcs = useMemo(() => parseRcsJson(rcsText), [rcsText])
  const draft: TemplateDraft = useMemo(
    () => ({ key: template.key, locale: template.locale, sms_body: smsBody, rcs_payload: rcs.code ? null : rcs.payload, purpose }),
    [template.key, template.locale, smsBody, rcs, purpose]
  )
  const { preview, lastGood, previewedBody, loading, problems: previewFailure } = useTemplatePreview(draft)
  const upToDate = previewedBody === smsBody && !loading
  // A text that does not parse renders nothing: the phone and the meter keep the last text that rendered,
  // marked stale, rather than an empty bubble counted as "0 segments, €0.00".
  const broken = preview?.rendered === false
  const shown: TemplatePreview | null = broken ? lastGood?.preview ?? null : preview

  // Highlights follow the text the preview was made from; Fix waits until it is the text in the editor.
  const located = useMemo(
    () => (preview && previewedBody !== null ? locateNonGsm(previewedBody, preview.non_gsm ?? []) : []),
    [preview, previewedBody]
  )

  const dirty =
    smsBody !== template.sms_body ||
    rcsText.trim() !== rcsToText(template.rcs_payload).trim() ||
    purpose !== template.purpose ||
    mediaUrl.trim() !== (template.media_url ?? "")
  useEffect(() => {
    onDirtyChange?.(dirty)
  }, [dirty, onDirtyChange])
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange])

  /**
   * Fix changes the spelling (ê → e, ç → c): it says what it will replace, and what the text then costs,
   * before it does anything. Characters that are GSM-7 (é, è, à, ù …) are never in the list.
   */
  const fix = async () => {
    if (!upToDate || previewedBody === null || !preview) return
    const { text, fixed } = applyGsmReplacements(previewedBody, located)
    if (!fixed) return
    const changes = summarizeReplacements(located)
      .map((r) => `${r.from} → ${r.to} (${r.count}×)`)
      .join(", ")
    setFixing(true)
    let after: TemplatePreview | null = null
    try {
      after = await requestWithProblems<TemplatePreview>("/admin/messaging/templates/preview", {
        method: "POST",
        body: { ...draft, sms_body: text },
      })
    } catch {
      after = null
    } finally {
      setFixing(false)
    }
    const outcome = !after
      ? t("templates.gsm.promptAfterUnknown")
      : t(
          after.encoding !== "GSM-7"
            ? "templates.gsm.promptAfterUcs"
            : after.segments === preview.segments
              ? "templates.gsm.promptAfterGsmSame"
              : "templates.gsm.promptAfterGsm",
          { count: after.segments, before: preview.segments }
        )
    const confirmed = await prompt({
      title: t("templates.gsm.promptTitle"),
      description: `${t("templates.gsm.promptChanges", { list: changes })} ${outcome} ${t("templates.gsm.promptSpelling")}`,
      confirmText: t("templates.gsm.promptConfirm"),
      cancelText: t("templates.gsm.promptCancel"),
      variant: "confirmation",
    })
    if (!confirmed) return
    setSmsBody(text)
    toast.success(t("templates.gsm.replaced", { count: fixed }))
  }

  const insertVariable = (variable: string) => {
    const el = smsRef.current
    const token = `{{${variable}}}`
    const start = el?.selectionStart ?? smsBody.length
    const end = el?.selectionEnd ?? smsBody.length
    setSmsBody(smsBody.slice(0, start) + token + smsBody.slice(end))
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  const selectInText = (start: number, end: number) => {
    const el = smsRef.current
    if (!el) return
    el.focus()
    el.setSelectionRange(start, end)
  }

  const save = async () => {
    if (rcs.code) {
      setSaveProblems([{ path: "rcs_payload", message: rcs.code === "not_object" ? t("templates.editor.rcsNotObject") : t("templates.editor.rcsJsonInvalid", { message: rcs.error }) }])
      return
    }
    setSaveProblems([])
    try {
      // resolves once the list holds the saved text: the page then reopens the editor on it
      await saving.mutateAsync({ ...draft, media_url: mediaUrl.trim() || null })
      toast.success(t("templates.editor.saved", { name, locale: template.locale }))
    } catch (error) {
      setSaveProblems(problemsOf(error))
      toast.error(t("templates.editor.notSaved"))
    }
  }

  const revert = async () => {
    if (!template.id) return
    const confirmed = await prompt({
      title: t("templates.editor.revertTitle"),
      description: t("templates.editor.revertDescription", { name, locale: template.locale }),
      confirmText: t("templates.editor.revertConfirm"),
      cancelText: t("templates.editor.cancel"),
    })
    if (!confirmed) return
    try {
      await reverting.mutateAsync(template.id)
      toast.success(t("templates.editor.reverted"))
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const previewProblems = [...previewFailure, ...(preview?.problems ?? [])]
  // A refused save repeats the problems the preview already shows: each is shown once, above.
  const shownKeys = new Set(previewProblems.map((p) => `${p.path}\u0000${p.message}`))
  const newSaveProblems = saveProblems.filter((p) => !shownKeys.has(`${p.path}\u0000${p.message}`))
  const sender = shown?.store_name || lastGood?.preview.store_name || t("templates.phone.fallbackSender")

  return (
    <Container className="divide-y p-0" data-testid="template-editor" data-key={template.key} data-locale={template.locale}>
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div className="flex flex-wrap items-center gap-x-2">
          <Heading level="h2" data-testid="template-editor-name">
            {name} · {template.locale}
          </Heading>
          {name !== template.key && (
            <code className="font-mono text-xs text-ui-fg-muted" data-testid="template-editor-key">
              {template.key}
            </code>
          )}
          <Badge size="2xsmall" color={template.is_default ? "grey" : "blue"} data-testid="template-editor-source">
            {template.is_default ? t("templates.editor.default") : t("templates.editor.custom")}
          </Badge>
          {template.automation && (
            <Badge size="2xsmall" color="purple">
              {t("templates.editor.automation", { name: t(`automations.names.${template.automation}`, { defaultValue: template.automation }) })}
            </Badge>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          {!template.is_default && template.id && (
            <Button size="small" variant="secondary" type="button" onClick={revert} isLoading={reverting.isPending} data-testid="template-revert">
              {t("templates.editor.revert")}
            </Button>
          )}
          <Button
            size="small"
            variant="primary"
            type="button"
            onClick={save}
            isLoading={saving.isPending}
            disabled={!dirty || saving.isPending}
            data-testid="template-save"
          >
            {t("templates.editor.save")}
          </Button>
        </div>
      </div>

      <div className="grid grid-cols-1 gap-6 px-6 py-4 lg:grid-cols-2">
        <div className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-2">
            <div className="flex items-center justify-between">
              <Label size="small" weight="plus" htmlFor="template-sms-body">
                {t("templates.editor.smsText")}
              </Label>
              <div style={{ width: 176 }}>
                <Select size="small" value={purpose} onValueChange={(v) => setPurpose(v as TemplatePurpose)}>
                  <Select.Trigger data-testid="template-purpose">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="transactional">{t("templates.editor.transactional")}</Select.Item>
                    <Select.Item value="marketing">{t("templates.editor.marketing")}</Select.Item>
                  </Select.Content>
                </Select>
              </div>
            </div>
            <Textarea
              id="template-sms-body"
              ref={smsRef}
              rows={6}
              value={smsBody}
              onChange={(e) => setSmsBody(e.target.value)}
              className="font-mono text-sm"
              aria-invalid={broken}
              data-testid="template-editor-sms"
            />
            {template.variables.length > 0 && (
              <div className="flex flex-wrap items-center gap-1" data-testid="template-variables">
                <Text size="xsmall" className="text-ui-fg-subtle">{t("templates.editor.insert")}</Text>
                {template.variables.map((v) => (
                  <button
                    key={v}
                    type="button"
                    onClick={() => insertVariable(v)}
                    className="rounded-md border border-ui-border-base bg-ui-bg-subtle px-1.5 py-0.5 font-mono text-xs text-ui-fg-subtle hover:bg-ui-bg-subtle-hover"
                  >
                    {`{{${v}}}`}
                  </button>
                ))}
              </div>
            )}
            <NonGsmHighlight text={previewedBody ?? ""} characters={located} onFix={fix} disabled={!upToDate || fixing} />
          </div>

          <TemplateProblems problems={previewProblems} smsBody={previewedBody ?? smsBody} onSelect={selectInText} />

          <RcsVariantEditor text={rcsText} onChange={setRcsText} />

          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" htmlFor="template-media-url">
              {t("templates.editor.mmsLabel")}
            </Label>
            <Input
              id="template-media-url"
              size="small"
              placeholder="https://shop.example.com/mms/image.jpg"
              value={mediaUrl}
              onChange={(e) => setMediaUrl(e.target.value)}
              data-testid="template-media-url"
            />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("templates.editor.mmsHint")}
            </Text>
          </div>

          {saveProblems.length > 0 &&
            (newSaveProblems.length > 0 ? (
              <ProblemList problems={newSaveProblems} title={t("templates.editor.notSavedTitle")} testId="template-save-problems" />
            ) : (
              <Text size="small" className="text-ui-fg-error" data-testid="template-save-problems">
                {t("templates.editor.notSavedSeeAbove")}
              </Text>
            ))}

          <SendTestForm draft={rcs.code ? null : draft} />
        </div>

        <div className="flex flex-col gap-y-4" data-testid="template-preview" data-stale={broken || loading}>
          <SmsMeter preview={shown} pending={loading} />
          {broken && lastGood && (
            <Text size="xsmall" className="text-ui-tag-orange-text" data-testid="preview-stale">
              {t("templates.editor.staleNotice")}
            </Text>
          )}
          <PhonePreview body={shown?.body ?? null} rcs={shown?.rcs ?? null} stale={loading || broken} sender={sender} />
        </div>
      </div>
    </Container>
  )
}
