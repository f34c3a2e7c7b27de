import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { remindAbandonedCarts } from "../../../../../../workflows/automations/abandoned-carts"
import { sendBirthdayMessages } from "../../../../../../workflows/automations/birthdays"
import { sendReviewRequests } from "../../../../../../workflows/automations/review-requests"
import { sendWinBackMessages } from "../../../../../../workflows/automations/win-back"
import { notifyBackInStock } from "../../../../../../workflows/back-in-stock/notify-back-in-stock"
import { remindBrowseAbandonment } from "../../../../../../workflows/browse/remind-browse-abandonment"
import { checkPriceDrops } from "../../../../../../workflows/price-drop/check-price-drops"

/**
 * POST /admin/messaging/automations/:key/run — runs a scheduled automation (abandoned_cart, win_back, back_in_stock, browse_abandonment,
 * birthday, price_drop, review_request)
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
    case "back_in_stock":
      res.json({ run: await notifyBackInStock(req.scope) })
      return
    case "browse_abandonment":
      res.json({ run: await remindBrowseAbandonment(req.scope) })
      return
    case "birthday":
      res.json({ run: await sendBirthdayMessages(req.scope) })
      return
    case "price_drop":
      // the hourly sweep: every variant's price read, the drops texted
      res.json({ run: await checkPriceDrops(req.scope, null) })
      return
    case "review_request":
      res.json({ run: await sendReviewRequests(req.scope) })
      return
    default:
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `"${req.params.key}" runs on its event, not on a schedule; only abandoned_cart, win_back, back_in_stock, browse_abandonment, birthday, price_drop and review_request can be run`
      )
  }
}
