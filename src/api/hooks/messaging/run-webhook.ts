import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import { findGateway, gatewayOptions, type WebhookEvent, type WebhookOutcome } from "../../../providers"
import { handleInboundMessageWorkflow } from "../../../workflows/consent/handle-inbound-message"

/**
 * POST /hooks/messaging/{gateway}[/{hook}] — any gateway's webhook. The gateway's handler for that path
 * (see its folder's gateway.ts) verifies the request over its raw body (kept by middlewares.ts) and reads
 * it; this applies what it read: statuses through the state machine, texts to the consent keywords and
 * replies, suggestion taps as touches. 404 for a path no gateway serves, or a gateway not configured.
 */
export async function runWebhook(req: MedusaRequest, res: MedusaResponse, hook: string): Promise<void> {
  const gateway = findGateway(req.params.gateway)
  // own keys only: "constructor" is no webhook
  const handler = gateway?.webhooks && Object.prototype.hasOwnProperty.call(gateway.webhooks, hook) ? gateway.webhooks[hook] : null
  if (!gateway || !handler) {
    res.status(404).json({ type: "not_found", message: "No such webhook" })
    return
  }
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const options = gatewayOptions(messaging.getOptions(), gateway)
  if (!options) {
    res.status(404).json({ type: "not_found", message: `${gateway.docsName} is not configured` })
    return
  }
  const outcome = handler(
    {
      rawBody: (req as MedusaRequest & { rawBody?: Buffer }).rawBody,
      body: req.body,
      originalUrl: req.originalUrl,
      query: req.query,
      header: (name) => req.get(name),
    },
    options
  )
  if (outcome.refused) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`medusa-plugin-sms-rcs: ${outcome.refused} (${req.ip}, ${req.path})`)
  }
  if (outcome.eventId && (await messaging.isDuplicateWebhook(gateway.id, outcome.eventId))) {
    res.status(200).json({ duplicate: true })
    return
  }
  for (const event of outcome.events ?? []) {
    await apply(req, messaging, gateway, event)
  }
  if (outcome.eventId) {
    await messaging.markWebhookSeen(gateway.id, outcome.eventId)
  }
  answer(res, outcome.answer)
}

async function apply(req: MedusaRequest, messaging: MessagingModuleService, gateway: { id: string; channels: readonly string[] }, event: WebhookEvent) {
  const provider = gateway.id
  switch (event.kind) {
    case "status":
      await (event.keepIfUnknown ? messaging.receiveStatusEvent(event.event) : messaging.applyStatusEvent(event.event))
      return
    case "tap":
      await messaging.recordSuggestionTap({ message_id: event.message_id, from: event.from, at: event.at })
      return
    case "inbound": {
      const { kind: _kind, ...text } = event
      const channel = gateway.channels.includes("sms") ? "sms" : "rcs"
      await handleInboundMessageWorkflow(req.scope).run({ input: { ...text, provider, channel } })
      return
    }
  }
}

function answer(res: MedusaResponse, { status, json, text, type }: WebhookOutcome["answer"]) {
  res.status(status)
  if (type) res.type(type)
  if (json !== undefined) res.json(json)
  else if (text !== undefined) res.send(text)
  else res.end()
}
