import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { remindAbandonedCarts } from "../../../../../../workflows/automations/abandoned-carts"
import { sendWinBackMessages } from "../../../../../../workflows/automations/win-back"

/**
 * POST /admin/messaging/automations/:key/run — runs a scheduled automation (abandoned_cart, win_back)
 * now instead of at its next scheduled time, and says what it did. Safe to repeat: each cart or lapse
 * is texted once.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  switch (req.params.key) {
    case "abandoned_cart":
      res.json({ run: await remindAbandonedCarts(req.scope) })
      return
    case "win_back":
      res.json({ run: await sendWinBackMessages(req.scope) })
      return
    default:
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `"${req.params.key}" runs on its event, not on a schedule; only abandoned_cart and win_back can be run`
      )
  }
}
