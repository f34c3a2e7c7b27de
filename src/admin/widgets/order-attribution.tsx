import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { AttributionSummary } from "../components/orders/attribution-summary"
import { CustomerMessageTimeline } from "../components/orders/customer-message-timeline"
import { useAttribution } from "../lib/attribution"
import { useT } from "../lib/i18n"

/**
 * On the order page: the message that drove this order (the touch that won the last-touch credit), or
 * that none did, and the customer's texts around it.
 */
const OrderAttributionWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useT()
  const { data, isPending: loading, error } = useAttribution(order.id, order.created_at)
  const attribution = data?.attribution ?? null
  const message = data?.message ?? null
  // The order page loads `*customer`, not `customer_id`: take either.
  const customerId = (order as AdminOrder & { customer_id?: string | null }).customer_id ?? order.customer?.id ?? null

  return (
    <Container className="divide-y p-0" data-testid="sms-rcs-order-attribution">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("orders.attribution.title")}</Heading>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("orders.messages.title")}
        </Text>
      </div>
      {loading && <Text className="px-6 py-4 text-ui-fg-subtle">{t("common.loading")}</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{t("orders.attribution.error", { error: error.message })}</Text>}
      {!loading && !error && !attribution && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="attribution-none">
          {t("orders.attribution.none")}
        </Text>
      )}
      {attribution && <AttributionSummary attribution={attribution} message={message} />}
      {customerId ? (
        <CustomerMessageTimeline customerId={customerId} creditedMessageId={attribution?.message_id ?? null} orderPlacedAt={order.created_at} />
      ) : (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {t("orders.attribution.noCustomer")}
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderAttributionWidget
