import { Badge, Button, Container, Heading, Label, Select, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMemo, useRef, useState } from "react"
import { problemsOf, type ApiProblem } from "../../lib/api"
import { applyGsmReplacements, locateNonGsm } from "../../lib/gsm"
import {
  parseRcsJson,
  useRevertTemplate,
  useSaveTemplate,
  useTemplatePreview,
  type AdminTemplate,
  type TemplateDraft,
  type TemplatePurpose,
} from "../../lib/templates"
import { NonGsmHighlight } from "./non-gsm-highlight"
import { PhonePreview } from "../shared/phone-preview"
import { ProblemList } from "../shared/problem-list"
import { SendTestForm } from "./send-test-form"
import { SmsMeter } from "../shared/sms-meter"

const RCS_EXAMPLE = `{
  "type": "card",
  "card": {
    "title": "{{store_name}}",
    "description": "Your message, with the same variables as the SMS text.",
    "media": { "url": "https://example.com/banner.png", "height": "medium" },
    "suggestions": [{ "type": "open_url", "text": "Open the shop", "url": "https://example.com" }]
  }
}`

const rcsToText = (payload: AdminTemplate["rcs_payload"]) => (payload ? JSON.stringify(payload, null, 2) : "")

/**
 * Edits one template: the SMS text and its optional RCS variant, with a live phone preview, the encoding,
 * segments and cost as the owner types, the characters that force UCS-2 and their fix, and save, revert
 * to default and send-a-test.
 */
export const TemplateEditor = ({ template }: { template: AdminTemplate }) => {
  const [smsBody, setSmsBody] = useState(template.sms_body)
  const [rcsText, setRcsText] = useState(rcsToText(template.rcs_payload))
  const [purpose, setPurpose] = useState<TemplatePurpose>(template.purpose)
  const saving = useSaveTemplate()
  const reverting = useRevertTemplate()
  const [saveProblems, setSaveProblems] = useState<ApiProblem[]>([])
  const smsRef = useRef<HTMLTextAreaElement>(null)
  const prompt = usePrompt()

  const rcs = useMemo(() => parseRcsJson(rcsText), [rcsText])
  const draft: TemplateDraft = useMemo(
    () => ({ key: template.key, locale: template.locale, sms_body: smsBody, rcs_payload: rcs.error ? null : rcs.payload, purpose }),
    [template.key, template.locale, smsBody, rcs, purpose]
  )
  const { preview, previewedBody, loading, problems: previewFailure } = useTemplatePreview(draft)
  const upToDate = previewedBody === smsBody && !loading

  // Highlights follow the text the preview was made from; Fix waits until it is the text in the editor.
  const located = useMemo(
    () => (preview && previewedBody !== null ? locateNonGsm(previewedBody, preview.non_gsm ?? []) : []),
    [preview, previewedBody]
  )

  const dirty =
    smsBody !== template.sms_body || rcsText.trim() !== rcsToText(template.rcs_payload).trim() || purpose !== template.purpose

  const fix = () => {
    if (!upToDate || previewedBody === null) return
    const { text, fixed } = applyGsmReplacements(previewedBody, located)
    if (fixed) {
      setSmsBody(text)
      toast.success(`${fixed} character${fixed === 1 ? "" : "s"} replaced with GSM-7 look-alikes`)
    }
  }

  const insertVariable = (name: string) => {
    const el = smsRef.current
    const token = `{{${name}}}`
    const start = el?.selectionStart ?? smsBody.length
    const end = el?.selectionEnd ?? smsBody.length
    setSmsBody(smsBody.slice(0, start) + token + smsBody.slice(end))
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  const save = async () => {
    if (rcs.error) {
      setSaveProblems([{ path: "rcs_payload", message: rcs.error }])
      return
    }
    setSaveProblems([])
    try {
      // resolves once the list holds the saved text: the page then reopens the editor on it
      await saving.mutateAsync(draft)
      toast.success(`Template ${template.key} (${template.locale}) saved`)
    } catch (error) {
      setSaveProblems(problemsOf(error))
      toast.error("The template was not saved")
    }
  }

  const revert = async () => {
    if (!template.id) return
    const confirmed = await prompt({
      title: "Revert to the default text?",
      description: `Your version of ${template.key} (${template.locale}) will be deleted and the shipped default used again.`,
      confirmText: "Revert",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await reverting.mutateAsync(template.id)
      toast.success("Reverted to the default text")
    } catch (error) {
      toast.error((error as Error).message)
    }
  }

  const previewProblems = [...previewFailure, ...(preview?.problems ?? [])]

  return (
    <Container className="divide-y p-0" data-testid="template-editor" data-key={template.key} data-locale={template.locale}>
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">
            <code className="font-mono">{template.key}</code> · {template.locale}
          </Heading>
          <Badge size="2xsmall" color={template.is_default ? "grey" : "blue"} data-testid="template-editor-source">
            {template.is_default ? "Default" : "Custom"}
          </Badge>
          {template.automation && (
            <Badge size="2xsmall" color="purple">
              automation: {template.automation}
            </Badge>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          {!template.is_default && template.id && (
            <Button size="small" variant="secondary" type="button" onClick={revert} isLoading={reverting.isPending} data-testid="template-revert">
              Revert to default
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
            Save
          </Button>
        </div>
      </div>

      <div className="grid grid-cols-1 gap-6 px-6 py-4 lg:grid-cols-2">
        <div className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-2">
            <div className="flex items-center justify-between">
              <Label size="small" weight="plus" htmlFor="template-sms-body">
                SMS text
              </Label>
              <div style={{ width: 176 }}>
                <Select size="small" value={purpose} onValueChange={(v) => setPurpose(v as TemplatePurpose)}>
                  <Select.Trigger data-testid="template-purpose">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="transactional">Transactional</Select.Item>
                    <Select.Item value="marketing">Marketing</Select.Item>
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
              data-testid="template-editor-sms"
            />
            {template.variables.length > 0 && (
              <div className="flex flex-wrap items-center gap-1" data-testid="template-variables">
                <Text size="xsmall" className="text-ui-fg-subtle">Insert:</Text>
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
            <NonGsmHighlight text={previewedBody ?? ""} characters={located} onFix={fix} disabled={!upToDate} />
          </div>

          <div className="flex flex-col gap-y-2">
            <div className="flex items-center justify-between">
              <Label size="small" weight="plus" htmlFor="template-rcs-payload">
                RCS variant (optional, JSON)
              </Label>
              {!rcsText.trim() && (
                <Button size="small" variant="transparent" type="button" onClick={() => setRcsText(RCS_EXAMPLE)} data-testid="template-rcs-example">
                  Start from an example
                </Button>
              )}
            </div>
            <Textarea
              id="template-rcs-payload"
              rows={8}
              value={rcsText}
              onChange={(e) => setRcsText(e.target.value)}
              placeholder='{ "type": "card", "card": { "title": "…", "description": "…" } }'
              className="font-mono text-xs"
              data-testid="template-editor-rcs"
            />
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="template-rcs-fallback">
              A rich card or a carousel with suggestions. Phones that cannot receive RCS, and any RCS message that
              fails, get the SMS text above instead — keep it complete on its own.
            </Text>
            {rcs.error && <ProblemList problems={[{ path: "rcs_payload", message: rcs.error }]} testId="template-rcs-json-error" />}
          </div>

          <ProblemList problems={previewProblems} title="Problems" tone="warning" testId="preview-problems" />
          <ProblemList problems={saveProblems} title="Not saved" testId="template-save-problems" />

          <SendTestForm draft={rcs.error ? null : draft} />
        </div>

        <div className="flex flex-col gap-y-4" data-testid="template-preview">
          <SmsMeter preview={preview} pending={loading} />
          <PhonePreview body={preview?.body ?? null} rcs={preview?.rcs ?? null} stale={loading} />
        </div>
      </div>
    </Container>
  )
}
