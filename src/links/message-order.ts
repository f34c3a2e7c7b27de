import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import MessagingModule from "../modules/messaging"

/** Read-only: a message's order, by `order_id`, for `query.graph({ entity: "message", fields: ["order.*"] })`. */
export default defineLink(
  { linkable: MessagingModule.linkable.message, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
