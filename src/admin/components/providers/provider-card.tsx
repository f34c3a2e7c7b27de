import { Heading, Text } from "@medusajs/ui"
import type { AdminProvider } from "../../lib/providers"
import { ChannelBadge } from "../shared/channel-badge"
import { ProviderHealthCheck } from "./provider-health-check"
import { WebhookUrlList } from "./webhook-url-list"

/** Labels and their values side by side (inline: the dashboard's CSS holds only the classes it uses itself). */
const LABEL_VALUE = { gridTemplateColumns: "max-content 1fr", columnGap: "1.5rem", rowGap: "0.25rem" } as const

const yesNo = (value: boolean) => (value ? "Yes" : "No")

/** One configured gateway: what the plugin sends through it, what it can do, its webhooks and its health. */
export const ProviderCard = ({ provider }: { provider: AdminProvider }) => (
  <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="provider-card" data-provider={provider.id}>
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Heading level="h3" data-testid="provider-id">
        {provider.id}
      </Heading>
      <div className="flex items-center gap-x-1" data-testid="provider-roles" aria-label="Sends">
        {provider.roles.map((role) => (
          <ChannelBadge key={role} channel={role} />
        ))}
      </div>
    </div>
    <dl className="grid" style={LABEL_VALUE}>
      <Text size="small" className="text-ui-fg-subtle" asChild>
        <dt>Channels it can send</dt>
      </Text>
      <Text size="small" asChild>
        <dd data-testid="provider-channels">{provider.channels.map((c) => c.toUpperCase()).join(", ")}</dd>
      </Text>
      <Text size="small" className="text-ui-fg-subtle" asChild>
        <dt>Checks RCS capability</dt>
      </Text>
      <Text size="small" asChild>
        <dd data-testid="provider-checks-capability">{yesNo(provider.checks_capability)}</dd>
      </Text>
      <Text size="small" className="text-ui-fg-subtle" asChild>
        <dt>Can revoke undelivered RCS</dt>
      </Text>
      <Text size="small" asChild>
        <dd data-testid="provider-can-revoke">{yesNo(provider.can_revoke)}</dd>
      </Text>
    </dl>
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        Webhook URLs
      </Text>
      <WebhookUrlList webhooks={provider.webhooks} />
    </div>
    <ProviderHealthCheck providerId={provider.id} />
  </div>
)
