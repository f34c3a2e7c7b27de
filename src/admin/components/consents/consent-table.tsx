import { Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { ConsentRow } from "../../lib/consents"
import { useFormat, useT } from "../../lib/i18n"
import { ConsentStatusBadge } from "./consent-status-badge"

export const PAGE_SIZE = 20

/** One page of consents; a row opens the phone's ledger. */
export const ConsentTable = ({
  rows,
  count,
  pageIndex,
  onPage,
  onOpen,
  zone,
}: {
  rows: ConsentRow[]
  count: number
  pageIndex: number
  onPage: (index: number) => void
  onOpen: (phone: string) => void
  zone?: string
}) => {
  const { t } = useT()
  const { dateTime } = useFormat()
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  return (
    <div>
      <Table data-testid="consents-table">
        <Table.Header>
          <Table.Row>
            {(["phone", "purpose", "status", "source", "changed", "customer"] as const).map((h) => (
              <Table.HeaderCell key={h}>{t(`consents.table.${h}`)}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((c) => (
            <Table.Row key={c.id} className="cursor-pointer" onClick={() => onOpen(c.phone)} data-testid="consent-row" data-phone={c.phone}>
              <Table.Cell>{c.phone}</Table.Cell>
              <Table.Cell>{t(`consents.purpose.${c.purpose}`)}</Table.Cell>
              <Table.Cell><ConsentStatusBadge status={c.status} /></Table.Cell>
              <Table.Cell>{c.source ? t(`consents.source.${c.source}`) : t("common.none")}</Table.Cell>
              <Table.Cell><Text size="small">{dateTime(c.last_event_at, zone)}</Text></Table.Cell>
              <Table.Cell onClick={(e) => e.stopPropagation()}>
                {c.customer_id ? <Link className="text-ui-fg-interactive" to={`/customers/${c.customer_id}`}>{c.customer_id}</Link> : t("common.none")}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={pageIndex}
        pageCount={pageCount}
        canPreviousPage={pageIndex > 0}
        canNextPage={pageIndex + 1 < pageCount}
        previousPage={() => onPage(pageIndex - 1)}
        nextPage={() => onPage(pageIndex + 1)}
        translations={{ of: t("consents.table.of"), results: t("consents.table.results"), pages: t("consents.table.pages"), prev: t("consents.table.prev"), next: t("consents.table.next") }}
      />
    </div>
  )
}
