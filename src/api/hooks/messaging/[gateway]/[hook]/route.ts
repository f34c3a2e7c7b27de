import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runWebhook } from "../../run-webhook"

/** POST /hooks/messaging/{gateway}/{hook} — one of a gateway's webhooks (Twilio's status and inbound). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await runWebhook(req, res, req.params.hook)
}
