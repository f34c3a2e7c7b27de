import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { parseBirthday } from "../../../../lib/birthday"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../modules/messaging"
import type { StoreBirthdayBodyType } from "./validators"

async function metadataOf(req: AuthenticatedMedusaRequest): Promise<Record<string, unknown>> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "metadata"], filters: { id: req.auth_context.actor_id } })
  return ((data[0] as { metadata?: Record<string, unknown> | null } | undefined)?.metadata ?? {}) as Record<string, unknown>
}

const keyOf = (req: AuthenticatedMedusaRequest) => req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE).getOptions().birthday.metadataKey

/** GET /store/messaging/birthday — the signed-in customer's birthday as kept for the birthday text, or null. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const value = (await metadataOf(req))[keyOf(req)]
  res.json({ birthday: parseBirthday(value) ? String(value) : null })
}

/**
 * POST /store/messaging/birthday { birthday } — the signed-in customer sets ("1990-04-23", "04-23") or
 * removes (null) the date of their birthday text, kept in their `metadata[birthday.metadataKey]`
 * through Medusa's customer workflow; the customer's other metadata is kept as it was.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreBirthdayBodyType>, res: MedusaResponse) {
  const key = keyOf(req)
  const metadata = { ...(await metadataOf(req)), [key]: req.validatedBody.birthday }
  await updateCustomersWorkflow(req.scope).run({ input: { selector: { id: req.auth_context.actor_id }, update: { metadata } } })
  res.json({ birthday: req.validatedBody.birthday })
}
