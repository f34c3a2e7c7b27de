import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendCustomerMessageWorkflow } from "../workflows/messages/send-customer-message"
import { automationMessageInput, runAutomation } from "../workflows/automations/run-automation"

/**
 * Welcome text for a new account. It waits the automation's delay (10 minutes by default) and is sent
 * only if the phone has marketing consent by then, so a shopper who signs up and opts in on the same
 * page gets it, and one who does not, does not. Guest customers created at checkout get none.
 */
export default async function customerCreatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await runAutomation(container, "welcome", `welcome text for ${event.data.id}`, async (settings) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: event.data.id } })
    if (!data[0]?.has_account) {
      return
    }
    await sendCustomerMessageWorkflow(container).run({
      input: {
        customer_id: event.data.id,
        template_key: settings.template_key,
        idempotency_key: `customer.created:${event.data.id}`,
        purpose: "marketing",
        ...automationMessageInput(settings),
      },
    })
  })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "sms-rcs-customer-created" },
}
