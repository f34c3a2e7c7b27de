import { Heading, Text } from "@medusajs/ui"
import { useT } from "../../lib/i18n"
import type { AdminProvider } from "../../lib/providers"
import { ChannelBadge } from "../shared/channel-badge"
import { ProviderHealthCheck } from "./provider-health-check"
import { WebhookUrlList } from "./webhook-url-list"

/** Labels and their values side by side (inline: the dashboard's CSS holds only the classes it uses itself). */
const LABEL_VALUE = { gridTemplateColumns: "max-content 1fr", columnGap: "1.5rem", rowGap: "0.25rem" } as const

/** One configured gateway: what the plugin sends through it, what it can do, its webhooks and its health. */
export const ProviderCard = ({ provider }: { provider: AdminProvider }) => {
  const { t } = useT()
  const yesNo = (value: boolean) => (value ? t("providers.card.yes") : t("providers.card.no"))
  return (
  <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="provider-card" data-provider={provider.id}>
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Heading level="h3" data-testid="provider-id">
        {provider.id}
      </Heading>
      <div className="flex items-center gap-x-1" data-testid="provider-roles" aria-label={t("providers.card.sends")}>
        {provider.roles.map((role) => (
          <ChannelBadge key={role} channel={role} />
        ))}
      </div>
    </div>
    <dl className="grid" style={LABEL_VALUE}>
      <Text size="small" className="text-ui-fg-subtle" asChild>
        <dt>{t("providers.card.channels")}</dt>
      </Text>
      <Text size="small" asChild>
        <dd data-testid="provider-channels">{provider.channels.map((c) => c.toUpperCase()).join(", ")}</dd>
      </Text>
      <Text size="small" className="text-ui-fg-subtle" asChild>
        <dt>{t("providers.card.checksCapability")}</dt>
      </Text>
      <Text size="small" asChild>
        <dd data-testid="provider-checks-capability">{yesNo(provider.checks_capability)}</dd>
      </Text>
      <Text size="small" className="text-ui-fg-subtle" asChild>
        <dt>{t("providers.card.canRevoke")}</dt>
      </Text>
      <Text size="small" asChild>
        <dd data-testid="provider-can-revoke">{yesNo(provider.can_revoke)}</dd>
      </Text>
    </dl>
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        {t("providers.card.webhooks")}
      </Text>
      <WebhookUrlList webhooks={provider.webhooks} />
    </div>
    <ProviderHealthCheck providerId={provider.id} />
  </div>
  )
}
