import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useT } from "../../lib/i18n"
import type { MessagingOverview } from "../../lib/overview"

/** The last 24 hours' failures grouped by their code, each with an example of the reason and a count. */
export const FailureReasons = ({ failures }: { failures: MessagingOverview["failures_24h"] }) => {
  const { t } = useT()
  return (
    <Container className="divide-y p-0" data-testid="overview-failures">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("overview.failuresTitle")}</Heading>
        {failures.total > 0 && (
          <Link to="/messaging/messages?status=failed" className="txt-compact-small text-ui-fg-interactive" data-testid="overview-failures-link">
            {t("overview.failuresSeeAll")} →
          </Link>
        )}
      </div>
      {failures.reasons.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="overview-failures-none">
          {t("overview.failuresNone")}
        </Text>
      ) : (
        <ul className="divide-y">
          {failures.reasons.map((r) => (
            <li key={r.code} className="flex items-start justify-between gap-x-4 px-6 py-3" data-testid="overview-failure-reason" data-code={r.code}>
              <div className="flex min-w-0 flex-col gap-y-1">
                <code className="txt-compact-xsmall-plus font-mono text-ui-fg-base">{r.code}</code>
                <Text size="xsmall" className="break-words text-ui-fg-subtle">
                  {withoutCode(r.reason, r.code)}
                </Text>
              </div>
              <Badge size="2xsmall" color="red" className="shrink-0" data-testid="overview-failure-count">
                {t("overview.failureCount", { count: r.count })}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}

/** "SBX_INVALID_DESTINATION: the destination…" under its code reads "the destination…". */
function withoutCode(reason: string, code: string): string {
  return reason.startsWith(`${code}: `) ? reason.slice(code.length + 2) : reason
}
