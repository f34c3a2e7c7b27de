/** What can earn an order its credit, most to least direct (ties on time go to the more direct). */
export const TOUCH_TYPES = ["discount_code", "click", "suggestion", "reply", "read", "delivered"] as const
export type TouchType = (typeof TOUCH_TYPES)[number]

export type AttributionWindows = {
  /** A click, an RCS suggestion tap, a reply or a discount code from the message. */
  click_hours: number
  /** An SMS delivered (no click needed: the "view-through" of SMS). */
  delivery_hours: number
  /** An RCS message read. */
  read_hours: number
}

export const DEFAULT_WINDOWS: AttributionWindows = { click_hours: 120, delivery_hours: 24, read_hours: 24 }
export const ATTRIBUTION_MODEL = "last_touch_v1"

export type Touch = { type: TouchType; at: Date; message_id: string }

function windowOf(type: TouchType, windows: AttributionWindows): number {
  if (type === "delivered") return windows.delivery_hours
  if (type === "read") return windows.read_hours
  return windows.click_hours
}

/**
 * Last touch: of the touches before the order and inside their window, the latest wins; at the same
 * instant, the more direct kind. Null when none qualifies.
 */
export function pickLastTouch(touches: readonly Touch[], orderAt: Date, windows: AttributionWindows): Touch | null {
  let best: Touch | null = null
  for (const touch of touches) {
    const age = orderAt.getTime() - touch.at.getTime()
    if (age < 0 || age > windowOf(touch.type, windows) * 3_600_000) continue
    if (
      !best ||
      touch.at.getTime() > best.at.getTime() ||
      (touch.at.getTime() === best.at.getTime() && TOUCH_TYPES.indexOf(touch.type) < TOUCH_TYPES.indexOf(best.type))
    ) {
      best = touch
    }
  }
  return best
}
