import { Button, Input, Label, Select, Switch, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { FaqDraft, FaqEntry } from "../../lib/conversations"
import { useT } from "../../lib/i18n"
import { faqProblems, lines } from "./faq-problems"

/** Adds or edits an automatic answer: language, keywords, RCS postbacks, the answer, on or off. */
export const FaqForm = ({
  entry,
  locales,
  saving,
  error,
  onSave,
  onCancel,
}: {
  entry: FaqEntry | null
  locales: string[]
  saving: boolean
  error: string | null
  onSave: (draft: FaqDraft) => void
  onCancel: () => void
}) => {
  const { t } = useT()
  const [locale, setLocale] = useState(entry?.locale ?? locales[0] ?? "en")
  const [keywords, setKeywords] = useState((entry?.keywords ?? []).join("\n"))
  const [postbacks, setPostbacks] = useState((entry?.postbacks ?? []).join("\n"))
  const [answer, setAnswer] = useState(entry?.answer ?? "")
  const [enabled, setEnabled] = useState(entry?.enabled ?? true)
  const [tried, setTried] = useState(false)
  const draft: FaqDraft = { locale, keywords: lines(keywords), postbacks: lines(postbacks), answer, enabled }
  const problems = faqProblems(draft)
  const save = () => {
    setTried(true)
    if (!problems.length) onSave(draft)
  }
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="faq-form">
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="faq-locale">{t("conversations.faq.locale")}</Label>
        <div style={{ width: 160 }}>
          <Select size="small" value={locale} onValueChange={setLocale}>
            <Select.Trigger id="faq-locale" data-testid="faq-locale">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {locales.map((l) => (
                <Select.Item key={l} value={l}>
                  {l.toUpperCase()}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      <div className="grid gap-4" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(16rem, 1fr))" }}>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="faq-keywords">{t("conversations.faq.keywords")}</Label>
          <Textarea id="faq-keywords" rows={4} value={keywords} onChange={(e) => setKeywords(e.target.value)} data-testid="faq-keywords" />
          <Text size="xsmall" className="text-ui-fg-muted">{t("conversations.faq.keywordsHelp")}</Text>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="faq-postbacks">{t("conversations.faq.postbacks")}</Label>
          <Textarea id="faq-postbacks" rows={4} value={postbacks} onChange={(e) => setPostbacks(e.target.value)} data-testid="faq-postbacks" />
          <Text size="xsmall" className="text-ui-fg-muted">{t("conversations.faq.postbacksHelp")}</Text>
        </div>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="faq-answer">{t("conversations.faq.answer")}</Label>
        <Textarea id="faq-answer" rows={4} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="faq-answer" />
        {entry?.is_default && <Text size="xsmall" className="text-ui-fg-muted">{t("conversations.faq.toFillHelp")}</Text>}
      </div>
      <div className="flex items-center gap-x-2">
        <Switch id="faq-enabled" checked={enabled} onCheckedChange={setEnabled} data-testid="faq-enabled" />
        <Label size="small" htmlFor="faq-enabled">{t("conversations.faq.enabled")}</Label>
      </div>
      {tried && problems.length > 0 && (
        <ul className="flex flex-col gap-y-1" role="alert" data-testid="faq-problems">
          {problems.map((p) => (
            <li key={p}>
              <Text size="small" className="text-ui-fg-error">{t(`conversations.faq.problems.${p}`)}</Text>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <Text size="small" className="text-ui-fg-error" role="alert" data-testid="faq-error">
          {error}
        </Text>
      )}
      <div className="flex gap-x-2">
        <Button size="small" onClick={save} isLoading={saving} data-testid="faq-save">
          {t("conversations.faq.save")}
        </Button>
        <Button size="small" variant="secondary" onClick={onCancel} disabled={saving}>
          {t("conversations.faq.cancel")}
        </Button>
      </div>
    </div>
  )
}
