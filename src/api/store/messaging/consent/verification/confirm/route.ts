import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { confirmPhoneVerificationWorkflow } from "../../../../../../workflows/consent/phone-verification"
import type { StoreVerificationConfirmBodyType } from "../../validators"

/**
 * POST /store/messaging/consent/verification/confirm `{ id, code }` — applies the consent change the code
 * was asked for. 200 `{ consent: { phone, purpose, status } }`; 400 `wrong_code` with the tries left, or
 * `code_expired` (expired, used, out of tries, or unknown: ask for a new code).
 */
export async function POST(req: MedusaRequest<StoreVerificationConfirmBodyType>, res: MedusaResponse) {
  const { result } = await confirmPhoneVerificationWorkflow(req.scope).run({ input: req.validatedBody })
  if (result.ok) {
    res.json({ consent: result.consent })
  } else if (result.reason === "wrong_code") {
    res.status(400).json({
      type: "invalid_data",
      code: "wrong_code",
      message: `Wrong code: ${result.attempts_left} ${result.attempts_left === 1 ? "try" : "tries"} left.`,
    })
  } else {
    res.status(400).json({
      type: "invalid_data",
      code: "code_expired",
      message: "This code has expired, was used already or had too many wrong tries: ask for a new one.",
    })
  }
}
