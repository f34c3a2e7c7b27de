import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useRef, useState } from "react"
import { problemsOf } from "../../lib/api"
import { CodedApiError, useImportConsents, usePreviewImport, type ImportPreview, type RejectedRow } from "../../lib/consents"
import { useFormat, useT } from "../../lib/i18n"
import { useStoreTimeZone } from "../../lib/store-settings"

const MAX_BYTES = 10 * 1024 * 1024
const CHANGE_COLOR = { opt_in: "green", opt_out: "red", unchanged: "grey" } as const

/**
 * CSV import in two steps: the file is read by the server in dry-run mode and the page shows what will
 * change and the refused rows with their line and reason; "Import" then sends the same file with the
 * preview's fingerprint, so exactly the previewed rows are recorded.
 */
export const ConsentImport = () => {
  const { t } = useT()
  const { dateTime } = useFormat()
  const zone = useStoreTimeZone()
  const input = useRef<HTMLInputElement>(null)
  const [csv, setCsv] = useState<string | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [fileName, setFileName] = useState<string | null>(null)
  const previewing = usePreviewImport()
  const importing = useImportConsents()

  const reset = () => {
    setCsv(null)
    setPreview(null)
    setProblem(null)
    setFileName(null)
    if (input.current) input.current.value = ""
  }

  // a file refused whole (413 too many rows, 400 a row too long, 409 not the previewed file) is said from
  // its code in the admin's language; the server's English only for a code the catalogue does not know
  const refusal = (error: unknown) =>
    error instanceof CodedApiError && error.code
      ? t(`consents.import.refusals.${error.code}`, { defaultValue: error.message, line: error.details.line ?? "?" })
      : problemsOf(error).map((p) => p.message).join("; ")

  const read = async (file: File | undefined) => {
    setPreview(null)
    setProblem(null)
    if (!file) return
    if (file.size > MAX_BYTES) {
      setProblem(t("consents.import.tooBig"))
      return
    }
    const text = await file.text()
    setCsv(text)
    try {
      setPreview((await previewing.mutateAsync(text)).preview)
    } catch (error) {
      setProblem(refusal(error))
    }
  }

  const apply = async () => {
    if (!csv || !preview) return
    try {
      const result = await importing.mutateAsync({ csv, csv_sha256: preview.csv_sha256 })
      toast.success(t("consents.import.done", { count: result.imported }))
      reset()
    } catch (error) {
      setProblem(refusal(error))
    }
  }

  const reasonOf = (r: RejectedRow) =>
    r.codes?.length ? r.codes.map((c) => t(`consents.import.codes.${c}`, { defaultValue: r.reason })).join(" · ") : r.reason

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="consent-import">
      <div>
        <Heading level="h2">{t("consents.import.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("consents.import.intro")}</Text>
      </div>
      <div className="flex items-center gap-x-2">
        {/* the browser's own file button speaks the browser's language: ours speaks the admin's */}
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          className="hidden"
          onChange={(e) => {
            setFileName(e.target.files?.[0]?.name ?? null)
            read(e.target.files?.[0])
          }}
          data-testid="consent-import-file"
        />
        <Button size="small" variant="secondary" onClick={() => input.current?.click()} data-testid="consent-import-choose">
          {t("consents.import.choose")}
        </Button>
        <Text size="small" className="text-ui-fg-subtle">{fileName ?? t("consents.import.noFile")}</Text>
        {previewing.isPending && <Text size="small" className="text-ui-fg-subtle">{t("consents.import.previewing")}</Text>}
      </div>
      {problem && <Text size="small" className="text-ui-fg-error" data-testid="consent-import-problem">{problem}</Text>}
      {preview && (
        <div className="flex flex-col gap-y-3" data-testid="consent-import-preview">
          <Text size="small" weight="plus" data-testid="consent-import-summary">
            {t("consents.import.summary", {
              optIns: preview.summary.opt_ins,
              optOuts: preview.summary.opt_outs,
              unchanged: preview.summary.unchanged,
              rejected: preview.summary.rejected,
            })}
          </Text>
          {preview.rejected.length > 0 && (
            <div>
              <Text size="small" weight="plus" className="text-ui-fg-error">{t("consents.import.rejected")}</Text>
              <Table data-testid="consent-import-rejected">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("consents.import.line")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("consents.import.reason")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {preview.rejected.map((r) => (
                    <Table.Row key={r.line} data-testid="consent-import-rejected-row" data-line={r.line}>
                      <Table.Cell>{r.line}</Table.Cell>
                      <Table.Cell>{reasonOf(r)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {preview.rows.length > 0 && (
            <div>
              <Text size="small" weight="plus">{t("consents.import.rows")}</Text>
              <Table data-testid="consent-import-rows">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>{t("consents.import.line")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("consents.table.phone")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("consents.table.purpose")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("consents.import.change")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("consents.import.when")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {preview.rows.map((r) => (
                    <Table.Row key={r.line} data-testid="consent-import-row" data-line={r.line} data-change={r.change}>
                      <Table.Cell>{r.line}</Table.Cell>
                      <Table.Cell>{r.phone}</Table.Cell>
                      <Table.Cell>{t(`consents.purpose.${r.purpose}`)}</Table.Cell>
                      <Table.Cell>
                        <Badge size="2xsmall" color={CHANGE_COLOR[r.change]}>{t(`consents.import.changes.${r.change}`)}</Badge>
                        {r.why && (
                          <Text as="span" size="xsmall" className="ml-1 text-ui-fg-subtle">
                            {t(`consents.import.why.${r.why}`, { status: r.before ? t(`consents.status.${r.before}`).toLowerCase() : "" })}
                          </Text>
                        )}
                      </Table.Cell>
                      <Table.Cell>{dateTime(r.occurred_at, zone)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {!preview.rows.length && <Text size="small" className="text-ui-fg-error">{t("consents.import.nothingToImport")}</Text>}
          <div className="flex gap-x-2">
            <Button size="small" onClick={apply} disabled={!preview.rows.length} isLoading={importing.isPending} data-testid="consent-import-apply">
              {t("consents.import.apply", { count: preview.rows.length })}
            </Button>
            <Button size="small" variant="secondary" onClick={reset}>{t("consents.import.cancel")}</Button>
          </div>
        </div>
      )}
    </Container>
  )
}
