import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useMemo, useRef } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { TemplateEditor } from "../../../../components/templates/template-editor"
import { TemplateList } from "../../../../components/templates/template-list"
import { useStoreTimeZone } from "../../../../lib/store-settings"
import { useTemplates, type AdminTemplate } from "../../../../lib/templates"

/**
 * Settings → SMS & RCS → Templates: every template the plugin sends, and an editor with a live phone preview.
 * The template being edited is in the address (`?key=…&locale=…`), so a reload keeps it open.
 */
const TemplatesPage = () => {
  const { data, isPending: loading, error } = useTemplates()
  const templates = useMemo(() => data?.templates ?? [], [data])
  const zone = useStoreTimeZone()
  const [params, setParams] = useSearchParams()
  const selectedKey = params.get("key")
  const selectedLocale = params.get("locale")

  const selected = useMemo(
    () => templates.find((t) => t.key === selectedKey && (!selectedLocale || t.locale === selectedLocale)) ?? null,
    [templates, selectedKey, selectedLocale]
  )

  const select = (t: AdminTemplate) => setParams({ key: t.key, locale: t.locale }, { replace: false })

  // Bring the editor into view when a template is picked in the (long) list.
  const editorRef = useRef<HTMLDivElement>(null)
  const selectedId = selected ? `${selected.key}:${selected.locale}` : null
  useEffect(() => {
    if (selectedId) editorRef.current?.scrollIntoView({ behavior: "smooth", block: "start" })
  }, [selectedId])

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-templates-page">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">SMS &amp; RCS templates</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              The texts the store sends, per language. Edit one to replace the shipped default; revert to go back to it.
            </Text>
          </div>
          <Link to="/settings/sms-rcs/automations" className="text-ui-fg-interactive txt-compact-small-plus">
            Automations →
          </Link>
        </div>
        {loading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
        {error && <Text className="px-6 py-4 text-ui-fg-error">Could not load the templates: {error.message}</Text>}
        {!loading && !error && (
          <div style={{ maxHeight: 420, overflowY: "auto" }}>
            <TemplateList templates={templates} selected={selected} onSelect={select} timeZone={zone} />
          </div>
        )}
      </Container>

      <div ref={editorRef}>
        {selected ? (
          <TemplateEditor
            key={`${selected.key}:${selected.locale}:${selected.id ?? "default"}:${selected.updated_at ?? ""}`}
            template={selected}
          />
        ) : (
          !loading &&
          !error && (
            <Container className="px-6 py-4">
              <Text className="text-ui-fg-subtle">Pick a template above to edit it.</Text>
            </Container>
          )
        )}
      </div>
    </div>
  )
}

export const handle = {
  breadcrumb: () => "Templates",
}

export default TemplatesPage
