import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CHANNEL_LABELS } from "../../lib/channels"
import { useFormat, useT } from "../../lib/i18n"
import type { MessagingOverview } from "../../lib/overview"

/** Each configured gateway: whether it accepts the store's credentials now (the providers page's check). */
export const ProviderHealthList = ({ providers, zone }: { providers: MessagingOverview["providers"]; zone: string }) => {
  const { t } = useT()
  const format = useFormat()
  return (
    <Container className="divide-y p-0" data-testid="overview-providers">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">{t("overview.providersTitle")}</Heading>
        <Link to="/settings/sms-rcs/providers" className="txt-compact-small text-ui-fg-interactive">
          {t("overview.providersLink")} →
        </Link>
      </div>
      <ul className="divide-y">
        {providers.map((p) => (
          <li key={p.id} className="flex items-start justify-between gap-x-4 px-6 py-3" data-testid="overview-provider" data-provider={p.id} data-ok={p.ok}>
            <div className="flex min-w-0 flex-col gap-y-1">
              <Text size="small" weight="plus">
                {p.id}
              </Text>
              <Text size="xsmall" className="break-words text-ui-fg-subtle">
                {[
                  p.roles.length ? t("overview.providerRoles", { roles: p.roles.map((r) => CHANNEL_LABELS[r]).join(" + ") }) : null,
                  p.detail,
                  t("overview.providerChecked", { at: format.dateTime(p.checked_at, zone) }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </div>
            <StatusBadge color={p.ok ? "green" : "red"} className="shrink-0" data-testid="overview-provider-status">
              {p.ok ? t("overview.providerOk") : t("overview.providerFailed")}
            </StatusBadge>
          </li>
        ))}
      </ul>
    </Container>
  )
}
