import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useFormat, useT } from "../../lib/i18n"
import type { MessagingOverview } from "../../lib/overview"

// Inline: the dashboard's Tailwind build does not generate every responsive class a plugin uses.
const GRID_STYLE = { gridTemplateColumns: "repeat(auto-fit, minmax(11rem, 1fr))" } as const

// a figure reads at a glance; inline for the same reason as the grid
const FIGURE_STYLE = { fontSize: "1.5rem", lineHeight: "2rem" } as const

type Tile = { key: string; label: string; raw: number | string; value: ReactNode; hint?: string; tone?: "error" }

/** Sent today and this month, failures of the last 24 h, opt-outs this week, spend this month. */
export const OverviewTiles = ({ overview }: { overview: MessagingOverview }) => {
  const { t } = useT()
  const format = useFormat()
  const spend = overview.spend_this_month
  const tiles: Tile[] = [
    {
      key: "sent-today",
      label: t("overview.sentToday"),
      raw: overview.sent_today,
      value: format.number(overview.sent_today),
      hint: overview.test_sends_today ? t("overview.testsApart", { count: overview.test_sends_today }) : undefined,
    },
    { key: "sent-month", label: t("overview.sentMonth"), raw: overview.sent_this_month, value: format.number(overview.sent_this_month) },
    {
      key: "failures",
      label: t("overview.failures"),
      raw: overview.failures_24h.total,
      value: format.number(overview.failures_24h.total),
      tone: overview.failures_24h.total ? "error" : undefined,
    },
    { key: "opt-outs", label: t("overview.optOuts"), raw: overview.opt_outs_this_week, value: format.number(overview.opt_outs_this_week), hint: t("overview.optOutsHint") },
    {
      key: "spend",
      label: t("overview.spend"),
      raw: spend.map((s) => `${s.amount} ${s.currency_code}`).join(", "),
      // the currency's own minor unit (cents for EUR): estimates add up fractions of a cent
      value: spend.length ? spend.map((s) => format.money(s.amount, s.currency_code)).join(" + ") : format.money(0, null),
      hint: spend.length ? t("overview.spendHint") : t("overview.spendNone"),
    },
  ]
  return (
    <div className="grid gap-3" style={GRID_STYLE} data-testid="overview-tiles">
      {tiles.map((tile) => (
        <Container key={tile.key} className="flex flex-col gap-y-1 px-4 py-3" data-testid={`overview-${tile.key}`} data-value={tile.raw}>
          <Text size="xsmall" weight="plus" className="text-ui-fg-muted">
            {tile.label}
          </Text>
          <Heading
            level="h2"
            className={tile.tone === "error" ? "text-ui-fg-error" : "text-ui-fg-base"}
            style={FIGURE_STYLE}
            data-testid={`overview-${tile.key}-value`}
          >
            {tile.value}
          </Heading>
          {tile.hint && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {tile.hint}
            </Text>
          )}
        </Container>
      ))}
    </div>
  )
}
