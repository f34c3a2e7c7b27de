import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runWebhook } from "../run-webhook"

/** POST /hooks/messaging/{gateway} — a gateway's webhook at its own path (RBM's agent webhook). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await runWebhook(req, res, "")
}
