import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { randomUUID } from "node:crypto"
import type { RcsPayload } from "../../../../../lib/rcs/payload"
import { formatVariables } from "../../../../../lib/templates"
import { sendMessageWorkflow } from "../../../../../workflows/messages/send-message"
import { checkDraft, problemsResponse, sampleVariables } from "../draft"
import type { AdminTestTemplateBodyType } from "../validators"

/**
 * POST /admin/messaging/templates/send-test — sends the draft, filled with sample values, to the admin's
 * phone through the real pipeline (consent, provider, status), so what arrives is what shoppers get.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminTestTemplateBodyType>, res: MedusaResponse) {
  const { phone, ...draft } = req.validatedBody
  const checked = checkDraft(draft)
  if (checked.problems.length) {
    res.status(400).json(problemsResponse(checked.problems))
    return
  }
  const variables = formatVariables(await sampleVariables(req.scope, checked.info), draft.locale)
  const { result } = await sendMessageWorkflow(req.scope).run({
    input: {
      template_key: draft.key,
      idempotency_key: `template-test:${randomUUID()}`,
      phone,
      locale: draft.locale,
      body: draft.sms_body,
      rcs_payload: checked.rcs as RcsPayload | null,
      variables,
      // a test goes to the admin's own phone: it is not a marketing message
      purpose: "transactional",
      metadata: { test: true, sent_by: req.auth_context.actor_id },
    },
  })
  const { message } = result
  if (message.status === "skipped" || message.status === "suppressed" || message.status === "failed") {
    const path = message.status_reason?.startsWith("text_too_long") ? "sms_body" : "phone"
    res.status(400).json({
      type: "invalid_data",
      message: `Not sent: ${message.status_reason}`,
      problems: [{ path, message: message.status_reason ?? message.status }],
    })
    return
  }
  res.json({ message: { id: message.id, status: message.status, status_reason: message.status_reason, to: message.to } })
}
