import { Copy, Text } from "@medusajs/ui"
import { useT } from "../../lib/i18n"
import type { AdminProvider } from "../../lib/providers"

/** The URLs to paste into a provider's console, each with a copy button. */
export const WebhookUrlList = ({ webhooks }: { webhooks: AdminProvider["webhooks"] }) => {
  const { t } = useT()
  if (!webhooks.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle" data-testid="provider-webhooks-none">
        {t("providers.card.noWebhooks")}
      </Text>
    )
  }
  return (
    <ul className="flex flex-col gap-y-2" data-testid="provider-webhooks">
      {webhooks.map((w) => (
        <li key={w.url} className="flex flex-col gap-y-0.5" data-testid="provider-webhook">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {w.label}
          </Text>
          <div className="flex items-center gap-x-2">
            <code className="bg-ui-bg-subtle rounded px-2 py-1 font-mono text-xs break-all" data-testid="provider-webhook-url">
              {w.url}
            </code>
            <Copy content={w.url} data-testid="provider-webhook-copy" />
          </div>
        </li>
      ))}
    </ul>
  )
}
