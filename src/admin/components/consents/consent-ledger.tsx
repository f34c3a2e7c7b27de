import { Badge, Text } from "@medusajs/ui"
import type { LedgerEvent } from "../../lib/consents"
import { useFormat, useT } from "../../lib/i18n"

/** Sources where the number's owner acted (a box ticked, a text sent): no admin user behind them. */
const OWNER_SOURCES = new Set(["checkout", "storefront_form", "keyword", "double_opt_in"])

const ACTION_COLOR = { grant: "green", revoke: "red", request: "orange" } as const

/** Who recorded an event: the admin user (email, and name when known), the number's owner, or "—". */
function useRecordedBy() {
  const { t } = useT()
  return (e: LedgerEvent) => {
    if (e.recorded_by) {
      const who = e.recorded_by.email ? (e.recorded_by.name ? `${e.recorded_by.name} (${e.recorded_by.email})` : e.recorded_by.email) : e.recorded_by.id
      return t("consents.ledger.by", { who })
    }
    if (OWNER_SOURCES.has(e.source)) return t("consents.ledger.byOwner", { source: t(`consents.source.${e.source}`) })
    return t("consents.ledger.byUnknown")
  }
}

/** A phone's ledger, newest first: every event whatever recorded it, with its proof and who recorded it. */
export const ConsentLedger = ({ events, zone, total }: { events: LedgerEvent[]; zone?: string; total?: number }) => {
  const { t } = useT()
  const { dateTime } = useFormat()
  const recordedBy = useRecordedBy()
  if (!events.length) return <Text size="small" className="text-ui-fg-subtle">{t("consents.ledger.empty")}</Text>
  return (
    <div className="flex flex-col gap-y-2" data-testid="consent-ledger">
      {events.map((e) => (
        <div key={e.id} className="flex flex-col gap-y-0.5 rounded-md bg-ui-bg-subtle p-2" data-testid="sms-rcs-consent-event">
          <div className="flex flex-wrap items-center gap-x-2">
            <Badge size="2xsmall" color={ACTION_COLOR[e.action]}>{t(`consents.action.${e.action}`)}</Badge>
            <Text size="xsmall" weight="plus">
              {t(`consents.purpose.${e.purpose}`)} · {t(`consents.source.${e.source}`)}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">{dateTime(e.occurred_at, zone)}</Text>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle" data-testid="consent-event-actor">{recordedBy(e)}</Text>
          {e.wording && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("consents.ledger.wording", { wording: e.wording })}
              {e.wording_version ? ` ${t("consents.ledger.version", { version: e.wording_version })}` : ""}
            </Text>
          )}
          {typeof e.evidence?.note === "string" && (
            <Text size="xsmall" className="text-ui-fg-subtle">{t("consents.ledger.note", { note: e.evidence.note })}</Text>
          )}
          {e.source === "import" && typeof e.evidence?.line === "number" && (
            <Text size="xsmall" className="text-ui-fg-muted">{t("consents.ledger.importLine", { line: e.evidence.line })}</Text>
          )}
        </div>
      ))}
      {total !== undefined && total > events.length && (
        <Text size="xsmall" className="text-ui-fg-muted">{t("consents.ledger.truncated", { shown: events.length, count: total })}</Text>
      )}
    </div>
  )
}
