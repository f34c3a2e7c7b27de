import { model } from "@medusajs/framework/utils"

/**
 * An order placed by a recipient of a marketing automation or campaign message — sent or held out —
 * within the longest attribution window after it: what incrementality compares, treated against held
 * out. Unlike an attribution (one message per order, needs a touch), every exposure in the window gets
 * the order, whatever the shopper did with the text, so both groups are counted the same way. Written
 * beside the attribution (and rewritten by a recompute); no phone here, only ids and the order's total.
 */
export const RecipientOrder = model
  .define(
    { name: "recipient_order", tableName: "sms_rcs_recipient_order" },
    {
      id: model.id({ prefix: "smsrord" }).primaryKey(),
      /** The message, or the RCS message an SMS fallback replaced (the recipient's one exposure). */
      message_id: model.text(),
      order_id: model.text(),
      order_total: model.float(),
      currency_code: model.text(),
      placed_at: model.dateTime(),
    }
  )
  .indexes([
    { on: ["message_id", "order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"] },
  ])
