import { Container, Heading, Input, Text } from "@medusajs/ui"
import { useCallback, useMemo, useRef } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { TemplateEditor } from "../../../../components/templates/template-editor"
import { TemplateList } from "../../../../components/templates/template-list"
import { useUnsavedEditsGuard } from "../../../../components/templates/use-unsaved-edits-guard"
import { useT } from "../../../../lib/i18n"
import { useStoreTimeZone } from "../../../../lib/store-settings"
import { templateName, useTemplates, type AdminTemplate } from "../../../../lib/templates"

/** Longest search the box takes: a search is a few words. */
const MAX_QUERY = 100

/**
 * Settings → SMS & RCS → Templates: every template the plugin sends, searchable, and an editor with a live
 * phone preview. The template being edited and the search are in the address (`?key=…&locale=…&q=…`), so a
 * reload keeps them. Unsaved edits are never dropped silently: picking another template or leaving the page
 * asks first.
 */
const TemplatesPage = () => {
  const { t } = useT()
  const { data, isPending: loading, error } = useTemplates()
  const templates = useMemo(() => data?.templates ?? [], [data])
  const zone = useStoreTimeZone()
  const [params, setParams] = useSearchParams()
  const selectedKey = params.get("key")
  const selectedLocale = params.get("locale")
  const query = params.get("q") ?? ""

  const selected = useMemo(
    () => templates.find((tpl) => tpl.key === selectedKey && (!selectedLocale || tpl.locale === selectedLocale)) ?? null,
    [templates, selectedKey, selectedLocale]
  )

  // by name (in the admin's language), key or text; one pass over each template
  const needle = query.trim().toLocaleLowerCase()
  const shown = useMemo(
    () =>
      needle
        ? templates.filter((tpl) =>
            [templateName(t, tpl.key), tpl.key, tpl.sms_body].some((field) => field.toLocaleLowerCase().includes(needle))
          )
        : templates,
    [templates, needle, t]
  )

  const guard = useUnsavedEditsGuard(
    selected ? { name: templateName(t, selected.key), locale: selected.locale } : null
  )

  const select = async (tpl: AdminTemplate) => {
    if (selected && tpl.key === selected.key && tpl.locale === selected.locale) return
    if (!(await guard.confirmDiscard())) return
    const next = new URLSearchParams(params)
    next.set("key", tpl.key)
    next.set("locale", tpl.locale)
    setParams(next, { replace: false })
    // the editor comes into view when a template is picked in the (long) list
    requestAnimationFrame(() => editorRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }))
  }

  const search = (value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set("q", value.slice(0, MAX_QUERY))
    else next.delete("q")
    setParams(next, { replace: true })
  }

  const editorRef = useRef<HTMLDivElement>(null)
  const onDirtyChange = useCallback((dirty: boolean) => guard.setDirty(dirty), [guard.setDirty])

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-templates-page">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
          <div>
            <Heading level="h1">{t("templates.page.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("templates.page.subtitle")}
            </Text>
          </div>
          <Link to="/settings/sms-rcs/automations" className="text-ui-fg-interactive txt-compact-small-plus">
            {t("templates.page.automationsLink")}
          </Link>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-6 py-3">
          <div style={{ width: 320 }}>
            <Input
              type="search"
              size="small"
              placeholder={t("templates.page.search")}
              aria-label={t("templates.page.search")}
              value={query}
              maxLength={MAX_QUERY}
              onChange={(e) => search(e.target.value)}
              data-testid="template-search"
            />
          </div>
          {!loading && !error && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="template-count">
              {t("templates.page.matches", { count: shown.length })}
            </Text>
          )}
        </div>
        {loading && <Text className="px-6 py-4 text-ui-fg-subtle">{t("common.loading")}</Text>}
        {error && (
          <Text className="px-6 py-4 text-ui-fg-error" data-testid="template-list-error">
            {t("templates.page.loadFailed", { message: error.message })}
          </Text>
        )}
        {!loading && !error && shown.length === 0 && (
          <Text className="px-6 py-4 text-ui-fg-subtle" data-testid="template-no-match">
            {t("templates.page.noMatch", { query: query.trim() })}
          </Text>
        )}
        {!loading && !error && shown.length > 0 && (
          <div style={{ maxHeight: 420, overflowY: "auto" }}>
            <TemplateList templates={shown} selected={selected} onSelect={select} timeZone={zone} />
          </div>
        )}
      </Container>

      <div ref={editorRef}>
        {selected ? (
          <TemplateEditor
            key={`${selected.key}:${selected.locale}:${selected.id ?? "default"}:${selected.updated_at ?? ""}`}
            template={selected}
            onDirtyChange={onDirtyChange}
          />
        ) : (
          !loading &&
          !error && (
            <Container className="px-6 py-4">
              <Text className="text-ui-fg-subtle">{t("templates.page.pick")}</Text>
            </Container>
          )
        )}
      </div>
    </div>
  )
}

const Crumb = () => {
  const { t } = useT()
  return <>{t("templates.settings.templates")}</>
}

export const handle = {
  breadcrumb: () => <Crumb />,
}

export default TemplatesPage
