import { Badge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { amountOf, TOUCH_LABELS, windowHoursOf, type AdminAttribution } from "../../lib/attribution"
import { formatDateTime, formatMoney } from "../../lib/format"
import type { AdminMessage } from "../../lib/messages"
import { ChannelBadge } from "../shared/channel-badge"
import { MessageStatusBadge } from "../shared/message-status-badge"
import { useStoreTimeZone } from "../../lib/store-settings"

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="flex items-baseline justify-between gap-x-3">
    <Text size="xsmall" className="shrink-0 text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xsmall" className="min-w-0 break-words text-right" data-testid={testId}>
      {children}
    </Text>
  </div>
)

/**
 * The message and touch that won an order's credit: channel, what the shopper did and when, where the
 * message came from (template, automation, campaign), its text, the amount credited, and the rule used
 * (model and windows) so a figure in the analytics can be traced back to one text.
 */
export const AttributionSummary = ({ attribution, message }: { attribution: AdminAttribution; message: AdminMessage | null }) => {
  const zone = useStoreTimeZone()
  const touchWindow = windowHoursOf(attribution.touch_type, attribution.windows)
  const windows = attribution.windows
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="attribution-credit" data-message-id={attribution.message_id}>
      <div className="flex flex-wrap items-center gap-2">
        <ChannelBadge channel={attribution.channel} />
        <Badge size="2xsmall" color="green" data-testid="attribution-touch">
          {attribution.touch_type}
        </Badge>
        <Text size="small">The shopper {TOUCH_LABELS[attribution.touch_type] ?? attribution.touch_type}.</Text>
      </div>

      <div className="flex flex-col gap-y-1">
        <Fact label="Touch" testId="attribution-touch-at">
          {formatDateTime(attribution.touch_at, zone)}
        </Fact>
        <Fact label="Order total credited" testId="attribution-total">
          {formatMoney(amountOf(attribution.order_total), attribution.currency_code)}
        </Fact>
        {attribution.template_key && (
          <Fact label="Template" testId="attribution-template">
            <code className="font-mono">{attribution.template_key}</code>
          </Fact>
        )}
        {attribution.automation && (
          <Fact label="Automation" testId="attribution-automation">
            <code className="font-mono">{attribution.automation}</code>
          </Fact>
        )}
        {attribution.campaign_id && (
          <Fact label="Campaign" testId="attribution-campaign">
            <code className="font-mono">{attribution.campaign_id}</code>
          </Fact>
        )}
        {attribution.message_cost !== null && attribution.message_cost !== undefined && (
          <Fact label="Message cost">{formatMoney(attribution.message_cost, message?.cost_currency_code ?? null, 4)}</Fact>
        )}
      </div>

      {message ? (
        <div className="flex flex-col gap-y-1" data-testid="attribution-message">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="xsmall" className="text-ui-fg-subtle">
              Sent {formatDateTime(message.sent_at ?? message.created_at, zone)}
              {message.to ? ` to ${message.to}` : ""}
            </Text>
            <MessageStatusBadge status={message.status} />
          </div>
          {message.body && (
            <Text size="small" className="whitespace-pre-wrap break-words rounded-lg bg-ui-bg-subtle p-3" data-testid="attribution-message-body">
              {message.body}
            </Text>
          )}
        </div>
      ) : (
        <Text size="xsmall" className="text-ui-fg-muted">
          The message ({attribution.message_id}) is no longer stored.
        </Text>
      )}

      <Text size="xsmall" className="text-ui-fg-muted" data-testid="attribution-model">
        Model {attribution.model}
        {touchWindow !== undefined ? ` · this touch counts for ${touchWindow} h` : ""}
        {windows
          ? ` · windows: click ${windows.click_hours ?? "?"} h, read ${windows.read_hours ?? "?"} h, delivery ${windows.delivery_hours ?? "?"} h`
          : ""}
      </Text>
    </div>
  )
}
