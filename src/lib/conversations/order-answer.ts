import type { RcsPayload } from "../rcs/payload"

/** An order as the order-status answer reads it (workflows/conversations/utils/orders-of-phone.ts). */
export type AnsweredOrder = {
  id: string
  display_id: number | null
  status: string
  fulfillment_status: string | null
  tracking: { number: string | null; url: string | null }[]
}

export type OrderAnswer = {
  template_key: "conversation_order_status" | "conversation_order_list" | "conversation_no_order"
  variables: Record<string, unknown>
  /** Several open orders on RCS: one card per order, its tracking a tap away. */
  rcs_payload: RcsPayload | null
  order_id: string | null
}

/** At most this many orders in the list: a text stays short, a carousel holds ten cards. */
export const MAX_LISTED_ORDERS = 5

const LABELS: Record<string, Record<string, string>> = {
  en: { not_fulfilled: "being prepared", fulfilled: "packed, ready to ship", shipped: "on its way", delivered: "delivered", canceled: "canceled" },
  fr: { not_fulfilled: "en préparation", fulfilled: "emballée, prête à partir", shipped: "en route", delivered: "livrée", canceled: "annulée" },
}

/** What the shopper is told of an order's progress, in their language (English otherwise). */
export function orderStatusLabel(order: Pick<AnsweredOrder, "status" | "fulfillment_status">, locale: string): string {
  const labels = LABELS[locale.toLowerCase().split(/[-_]/)[0]] ?? LABELS.en
  if (order.status === "canceled") return labels.canceled
  return labels[order.fulfillment_status ?? "not_fulfilled"] ?? labels.not_fulfilled
}

const isOpen = (o: AnsweredOrder) => o.status !== "canceled" && o.status !== "archived" && o.fulfillment_status !== "delivered" && o.fulfillment_status !== "canceled"
const numberOf = (o: AnsweredOrder) => (o.display_id != null ? String(o.display_id) : o.id)
const trackingOf = (o: AnsweredOrder) => o.tracking.find((t) => t.url) ?? o.tracking[0] ?? null

/**
 * The answer to "where is my order?" from the orders tied to the phone (newest first): none → say so
 * (nothing about anyone else's order); one open order, or none open → the latest one's status and
 * tracking; several open → a short list (and, on RCS, a carousel of them).
 */
export function orderAnswer(orders: readonly AnsweredOrder[], locale: string, rcs: boolean): OrderAnswer {
  if (!orders.length) return { template_key: "conversation_no_order", variables: {}, rcs_payload: null, order_id: null }
  const open = orders.filter(isOpen)
  if (open.length <= 1) {
    const order = open[0] ?? orders[0]
    const tracking = trackingOf(order)
    return {
      template_key: "conversation_order_status",
      variables: {
        order_display_id: numberOf(order),
        order_status: orderStatusLabel(order, locale),
        tracking_url: tracking?.url ?? null,
        tracking_number: tracking?.number ?? null,
      },
      rcs_payload: null,
      order_id: order.id,
    }
  }
  const listed = open.slice(0, MAX_LISTED_ORDERS)
  const line = (o: AnsweredOrder) => {
    const tracking = trackingOf(o)
    return `#${numberOf(o)} ${orderStatusLabel(o, locale)}${tracking?.url ? ` ${tracking.url}` : tracking?.number ? ` (${tracking.number})` : ""}`
  }
  const fr = locale.toLowerCase().startsWith("fr")
  const rcsPayload: RcsPayload | null = rcs
    ? {
        type: "carousel",
        card_width: "medium",
        cards: listed.map((o) => {
          const tracking = trackingOf(o)
          return {
            title: `${fr ? "Commande" : "Order"} #${numberOf(o)}`.slice(0, 200),
            description: orderStatusLabel(o, locale),
            ...(tracking?.url && /^https?:\/\/\S+$/.test(tracking.url)
              ? { suggestions: [{ type: "open_url" as const, text: fr ? "Suivre le colis" : "Track it", url: tracking.url, postback_data: "track_order_open" }] }
              : {}),
          }
        }),
      }
    : null
  return {
    template_key: "conversation_order_list",
    variables: { orders_count: open.length, orders_list: listed.map(line).join("; ") },
    rcs_payload: rcsPayload,
    order_id: listed[0].id,
  }
}
