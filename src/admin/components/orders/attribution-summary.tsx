import { Badge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { amountOf, windowHoursOf, type AdminAttribution } from "../../lib/attribution"
import { useFormat, useT } from "../../lib/i18n"
import type { AdminMessage } from "../../lib/messages"
import { ChannelBadge } from "../shared/channel-badge"
import { MessageStatusBadge } from "../shared/message-status-badge"
import { useStoreTimeZone } from "../../lib/store-settings"

const TOUCH_TYPES: string[] = ["click", "suggestion", "reply", "discount_code", "read", "delivered"]

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
  const { t } = useT()
  const format = useFormat()
  const known = TOUCH_TYPES.includes(attribution.touch_type)
  const touchWindow = windowHoursOf(attribution.touch_type, attribution.windows)
  const windows = attribution.windows
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="attribution-credit" data-message-id={attribution.message_id}>
      <div className="flex flex-wrap items-center gap-2">
        <ChannelBadge channel={attribution.channel} />
        <Badge size="2xsmall" color="green" data-testid="attribution-touch">
          {known ? t(`orders.attribution.touchBadge.${attribution.touch_type}`) : attribution.touch_type}
        </Badge>
        <Text size="small">
          {t("orders.attribution.shopper", { touch: known ? t(`orders.attribution.touches.${attribution.touch_type}`) : attribution.touch_type })}
        </Text>
      </div>

      <div className="flex flex-col gap-y-1">
        <Fact label={t("orders.attribution.touchAt")} testId="attribution-touch-at">
          {format.dateTime(attribution.touch_at, zone)}
        </Fact>
        <Fact label={t("orders.attribution.totalCredited")} testId="attribution-total">
          {format.money(amountOf(attribution.order_total), attribution.currency_code)}
        </Fact>
        {attribution.template_key && (
          <Fact label={t("orders.attribution.template")} testId="attribution-template">
            <code className="font-mono">{attribution.template_key}</code>
          </Fact>
        )}
        {attribution.automation && (
          <Fact label={t("orders.attribution.automation")} testId="attribution-automation">
            <code className="font-mono">{attribution.automation}</code>
          </Fact>
        )}
        {attribution.campaign_id && (
          <Fact label={t("orders.attribution.campaign")} testId="attribution-campaign">
            <code className="font-mono">{attribution.campaign_id}</code>
          </Fact>
        )}
        {attribution.message_cost !== null && attribution.message_cost !== undefined && (
          <Fact label={t("orders.attribution.messageCost")}>{format.money(attribution.message_cost, message?.cost_currency_code ?? attribution.currency_code)}</Fact>
        )}
      </div>

      {message ? (
        <div className="flex flex-col gap-y-1" data-testid="attribution-message">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="xsmall" className="text-ui-fg-subtle">
              {message.to
                ? t("orders.attribution.sentAtTo", { at: format.dateTime(message.sent_at ?? message.created_at, zone), phone: message.to })
                : t("orders.attribution.sentAt", { at: format.dateTime(message.sent_at ?? message.created_at, zone) })}
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
          {t("orders.attribution.gone", { id: attribution.message_id })}
        </Text>
      )}

      <Text size="xsmall" className="text-ui-fg-muted" data-testid="attribution-model">
        {[
          t("orders.attribution.model", { model: attribution.model }),
          touchWindow !== undefined ? t("orders.attribution.touchWindow", { hours: touchWindow }) : null,
          windows
            ? t("orders.attribution.windows", {
                click: windows.click_hours ?? "?",
                read: windows.read_hours ?? "?",
                delivery: windows.delivery_hours ?? "?",
              })
            : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Text>
    </div>
  )
}
