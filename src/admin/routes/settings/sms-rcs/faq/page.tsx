import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { FaqForm } from "../../../../components/faq/faq-form"
import { useDeleteFaq, useFaqEntries, useSaveFaq, type FaqEntry } from "../../../../lib/conversations"
import { useFormat, useT } from "../../../../lib/i18n"
import { useStoreTimeZone } from "../../../../lib/store-settings"

/** The languages an answer can be written in: those the store has answers in, and the two shipped. */
const localesOf = (entries: FaqEntry[]) => [...new Set(["en", "fr", ...entries.map((e) => e.locale)])]

/**
 * Settings → SMS & RCS → Automatic answers: the FAQ the inbox answers on its own. Shipped examples (delivery
 * times, returns, opening hours) are flagged "to fill in" until the store replaces their [brackets].
 */
const FaqPage = () => {
  const { t } = useT()
  const format = useFormat()
  const zone = useStoreTimeZone()
  const prompt = usePrompt()
  const { data, error, isPending } = useFaqEntries()
  const save = useSaveFaq()
  const remove = useDeleteFaq()
  // null: no form; "new": adding; else the id being edited
  const [editing, setEditing] = useState<string | null>(null)
  const entries = data?.entries ?? []
  const locales = localesOf(entries)

  const onDelete = async (entry: FaqEntry) => {
    if (!(await prompt({ title: t("conversations.faq.delete"), description: t("conversations.faq.deleteConfirm"), confirmText: t("conversations.faq.delete"), cancelText: t("conversations.faq.cancel") }))) return
    remove.mutate(entry.id, {
      onSuccess: () => toast.success(t("conversations.faq.deleted")),
      onError: (e) => toast.error(e.message),
    })
  }
  const form = (entry: FaqEntry | null) => (
    <FaqForm
      entry={entry}
      locales={locales}
      saving={save.isPending}
      error={save.error?.message ?? null}
      onCancel={() => {
        save.reset()
        setEditing(null)
      }}
      onSave={(draft) =>
        save.mutate(
          { ...draft, id: entry?.id },
          {
            onSuccess: () => {
              toast.success(t("conversations.faq.saved"))
              setEditing(null)
            },
          }
        )
      }
    />
  )

  return (
    <Container className="divide-y p-0" data-testid="faq-page">
      <div className="flex flex-wrap items-start justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h1">{t("conversations.faq.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{t("conversations.faq.subtitle")}</Text>
        </div>
        {editing !== "new" && (
          <Button size="small" variant="secondary" onClick={() => { save.reset(); setEditing("new") }} data-testid="faq-add">
            {t("conversations.faq.add")}
          </Button>
        )}
      </div>
      {editing === "new" && form(null)}
      {isPending && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{t("common.loading")}</Text>}
      {error && (
        <Text size="small" className="px-6 py-4 text-ui-fg-error" role="alert" data-testid="faq-load-error">
          {t("conversations.faq.error", { error: error.message })}
        </Text>
      )}
      {!isPending && !error && entries.length === 0 && editing !== "new" && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="faq-empty">{t("conversations.faq.empty")}</Text>
      )}
      {entries.map((entry) =>
        editing === entry.id ? (
          <div key={entry.id}>{form(entry)}</div>
        ) : (
          <div key={entry.id} className="flex flex-wrap items-start justify-between gap-3 px-6 py-4" data-testid="faq-entry" data-faq-id={entry.id} data-default={entry.is_default}>
            <div className="flex min-w-0 flex-1 flex-col gap-y-1">
              <div className="flex flex-wrap items-center gap-1.5">
                <Badge size="2xsmall">{entry.locale.toUpperCase()}</Badge>
                {entry.is_default && (
                  <Badge size="2xsmall" color="orange" data-testid="faq-to-fill" title={t("conversations.faq.toFillHelp")}>
                    {t("conversations.faq.toFill")}
                  </Badge>
                )}
                {!entry.enabled && (
                  <Badge size="2xsmall" color="grey" data-testid="faq-off">
                    {t("conversations.faq.disabledBadge")}
                  </Badge>
                )}
                <Text size="small" weight="plus" data-testid="faq-keywords-shown">
                  {[...entry.keywords, ...entry.postbacks].join(" · ")}
                </Text>
              </div>
              <Text size="small" className="whitespace-pre-wrap break-words text-ui-fg-subtle" data-testid="faq-answer-shown">
                {entry.answer}
              </Text>
              <Text size="xsmall" className="text-ui-fg-muted">
                {t("conversations.faq.updated", { time: format.dateTime(entry.updated_at, zone) })}
              </Text>
            </div>
            <div className="flex gap-x-2">
              <Button size="small" variant="secondary" onClick={() => { save.reset(); setEditing(entry.id) }} data-testid="faq-edit">
                {t("conversations.faq.edit")}
              </Button>
              <Button size="small" variant="danger" onClick={() => onDelete(entry)} isLoading={remove.isPending && remove.variables === entry.id} data-testid="faq-delete">
                {t("conversations.faq.delete")}
              </Button>
            </div>
          </div>
        )
      )}
    </Container>
  )
}

const Crumb = () => <>{useT().t("conversations.faq.title")}</>

export const handle = {
  breadcrumb: () => <Crumb />,
}

export default FaqPage
