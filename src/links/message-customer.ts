import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import MessagingModule from "../modules/messaging"

/** Read-only: a message's customer, by `customer_id`. */
export default defineLink(
  { linkable: MessagingModule.linkable.message, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
