import type { WebhookOutcome } from "./types"

/**
 * Where gateways' webhooks are served: `src/api/hooks/messaging/[gateway]/route.ts` and
 * `[gateway]/[hook]/route.ts` hand each request to the handler the gateway registers for that path.
 */
export const WEBHOOKS_PATH = "/hooks/messaging"

/** The path of a gateway's webhook ("" is `/hooks/messaging/{gateway}` itself). */
export const webhookPath = (gatewayId: string, hook = "") => `${WEBHOOKS_PATH}/${gatewayId}${hook ? `/${hook}` : ""}`

/** A request that did not prove it comes from the gateway: 403 with `message`, and `log` in the log. */
export const refuseWebhook = (log: string, message: string): WebhookOutcome => ({
  answer: { status: 403, json: { type: "not_allowed", message } },
  refused: log,
})

/** A signed request the gateway would not send: 400. */
export const invalidWebhook = (message: string): WebhookOutcome => ({
  answer: { status: 400, json: { type: "invalid_data", message } },
})
