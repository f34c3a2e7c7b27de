import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { personName, type ConversationThread } from "../../lib/conversations"
import { useFormat, useT } from "../../lib/i18n"

/** The shopper behind the phone and their orders, each leading to the dashboard's own page. */
export const ConversationCustomer = ({ conversation, zone }: { conversation: ConversationThread["conversation"]; zone: string | undefined }) => {
  const { t } = useT()
  const format = useFormat()
  const customer = conversation.customer
  return (
    <Container className="flex flex-col gap-y-3 px-4 py-4" data-testid="conversation-customer">
      <Heading level="h3">{t("conversations.customer.title")}</Heading>
      <div className="flex flex-col gap-y-0.5">
        {customer && (
          <Text size="small" weight="plus" data-testid="conversation-customer-name">
            {personName(customer)}
          </Text>
        )}
        <Text size="small" className="text-ui-fg-subtle" data-testid="conversation-phone">
          {conversation.phone}
        </Text>
        {customer?.email && (
          <Text size="small" className="text-ui-fg-subtle">
            {customer.email}
          </Text>
        )}
        {customer ? (
          <Link to={`/customers/${customer.id}`} className="txt-compact-small text-ui-fg-interactive" data-testid="conversation-customer-link">
            {t("conversations.customer.openCustomer")} →
          </Link>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            {t("conversations.customer.unknown")}
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">
          {t("conversations.customer.orders")}
        </Text>
        {conversation.orders.length === 0 && (
          <Text size="small" className="text-ui-fg-muted" data-testid="conversation-no-orders">
            {t("conversations.customer.noOrders")}
          </Text>
        )}
        {conversation.orders.map((order) => (
          <Link
            key={order.id}
            to={`/orders/${order.id}`}
            className="flex flex-col rounded-md border border-ui-border-base px-3 py-2 hover:bg-ui-bg-base-hover"
            data-testid="conversation-order"
            data-order-id={order.id}
          >
            <div className="flex items-center justify-between gap-x-2">
              <Text size="small" weight="plus" className="text-ui-fg-interactive">
                {t("conversations.customer.order", { id: order.display_id ?? order.id })}
              </Text>
              <Text size="small">{order.total === null ? "—" : format.money(order.total, order.currency_code)}</Text>
            </div>
            <Text size="xsmall" className="text-ui-fg-muted">
              {[
                format.dateTime(order.created_at, zone),
                t(`conversations.customer.orderStatus.${order.status}`, { defaultValue: order.status }),
                order.fulfillment_status ? t(`conversations.customer.fulfillment.${order.fulfillment_status}`, { defaultValue: order.fulfillment_status }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </Link>
        ))}
      </div>
    </Container>
  )
}
