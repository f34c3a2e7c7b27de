import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { useFormat, useT } from "../../lib/i18n"
import type { AdminMessage } from "../../lib/messages"
import { ChannelBadge } from "../shared/channel-badge"

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="grid items-baseline gap-x-3 px-6 py-2" style={{ gridTemplateColumns: "minmax(8rem, 1fr) 2fr" }}>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" className="min-w-0 break-words" data-testid={testId}>
      {children}
    </Text>
  </div>
)

const Mono = ({ children }: { children: ReactNode }) => <code className="font-mono text-xs">{children}</code>

/** Where a message went and what it was: phone, channel, purpose, origin, order and customer (linked), size, cost, provider. */
export const MessageFacts = ({ message }: { message: AdminMessage }) => {
  const { t } = useT()
  const format = useFormat()
  const resendOf = typeof message.metadata?.resend_of === "string" ? message.metadata.resend_of : null
  return (
    <div className="flex flex-col divide-y" data-testid="message-facts">
      <Fact label={t("messages.detail.to")} testId="message-to">
        {message.to ?? t("common.none")}
      </Fact>
      <Fact label={t("messages.detail.channel")}>
        <ChannelBadge channel={message.channel} />
      </Fact>
      <Fact label={t("messages.detail.purpose")} testId="message-purpose">
        {t(`messages.purpose.${message.purpose}`)}
      </Fact>
      {message.template_key && (
        <Fact label={t("messages.detail.template")}>
          <Mono>{message.template_key}</Mono>
        </Fact>
      )}
      {message.automation && (
        <Fact label={t("messages.detail.automation")}>
          <Mono>{message.automation}</Mono>
        </Fact>
      )}
      {message.campaign_id && (
        <Fact label={t("messages.detail.campaign")}>
          <Link to={`/messaging/campaigns/${message.campaign_id}`} className="text-ui-fg-interactive">
            <Mono>{message.campaign_id}</Mono>
          </Link>
        </Fact>
      )}
      {message.order_id && (
        <Fact label={t("messages.detail.order")}>
          <Link to={`/orders/${message.order_id}`} className="text-ui-fg-interactive" data-testid="message-order-link">
            <Mono>{message.order_id}</Mono>
          </Link>
        </Fact>
      )}
      {message.customer_id && (
        <Fact label={t("messages.detail.customer")}>
          <Link to={`/customers/${message.customer_id}`} className="text-ui-fg-interactive" data-testid="message-customer-link">
            <Mono>{message.customer_id}</Mono>
          </Link>
        </Fact>
      )}
      <Fact label={t("messages.detail.segments")} testId="message-segments">
        {message.channel === "rcs"
          ? t("messages.detail.richMessage")
          : t("messages.detail.segmentsValue", { count: message.segments, encoding: message.encoding ?? t("common.none") })}
      </Fact>
      <Fact label={t("messages.detail.cost")} testId="message-cost">
        {message.cost_amount != null ? format.money(message.cost_amount, message.cost_currency_code) : t("common.none")}
      </Fact>
      <Fact label={t("messages.detail.provider")} testId="message-provider">
        {message.provider ?? t("common.none")}
      </Fact>
      <Fact label={t("messages.detail.providerId")} testId="message-provider-id">
        {message.provider_message_id ? <Mono>{message.provider_message_id}</Mono> : t("common.none")}
      </Fact>
      <Fact label={t("messages.detail.attempts")}>{format.number(message.attempts ?? 0)}</Fact>
      {message.fallback_of_id && (
        <Fact label={t("messages.detail.fallbackOf")}>
          <Link to={`/messaging/messages/${message.fallback_of_id}`} className="text-ui-fg-interactive">
            <Mono>{message.fallback_of_id}</Mono>
          </Link>
        </Fact>
      )}
      {resendOf && (
        <Fact label={t("messages.detail.resendOf")} testId="message-resend-of">
          <Link to={`/messaging/messages/${resendOf}`} className="text-ui-fg-interactive">
            <Mono>{resendOf}</Mono>
          </Link>
        </Fact>
      )}
    </div>
  )
}
