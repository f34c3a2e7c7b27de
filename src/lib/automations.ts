import {
  BACK_IN_STOCK_VARIABLES,
  BROWSE_VARIABLES,
  CART_VARIABLES,
  CUSTOMER_VARIABLES,
  PRICE_DROP_VARIABLES,
  FULFILLMENT_VARIABLES,
  ORDER_VARIABLES,
  REFUND_VARIABLES,
  OFFER_VARIABLES,
  REVIEW_VARIABLES,
} from "./templates/catalog"
import type { OfferSetting } from "./offers/offer-code"

export type AutomationKey =
  | "order_placed"
  | "order_fulfilled"
  | "order_shipped"
  | "order_delivered"
  | "order_canceled"
  | "return_received"
  | "order_refunded"
  | "welcome"
  | "abandoned_cart"
  | "win_back"
  | "back_in_stock"
  | "browse_abandonment"
  | "birthday"
  | "price_drop"
  | "review_request"

export type AutomationDefinition = {
  /** The Medusa event, or the scheduled job, that starts it. */
  trigger: string
  template_key: string
  purpose: "transactional" | "marketing"
  variables: readonly string[]
  /** Defaults: minutes to wait before sending, and the job's own settings. */
  delay_minutes: number
  period_days?: number
  max_age_hours?: number
  /** Marketing automations may attach a single-use offer code (`{{offer_code}}`) to their texts. */
  offers?: boolean
}

/**
 * Every automation the plugin ships, with its trigger and template. Transactional ones go out at once;
 * the welcome waits a little so a shopper who signs up and opts in on the same page is counted as
 * consenting; abandoned carts wait an hour of inactivity and give up after 48 h (carts older than that
 * are stale, and texting them reads as tracking); win-back texts once per 90 days without an order.
 */
export const AUTOMATIONS: Record<AutomationKey, AutomationDefinition> = {
  order_placed: { trigger: "order.placed", template_key: "order_confirmation", purpose: "transactional", variables: ORDER_VARIABLES, delay_minutes: 0 },
  order_fulfilled: { trigger: "order.fulfillment_created", template_key: "order_fulfilled", purpose: "transactional", variables: FULFILLMENT_VARIABLES, delay_minutes: 0 },
  order_shipped: { trigger: "shipment.created", template_key: "order_shipped", purpose: "transactional", variables: FULFILLMENT_VARIABLES, delay_minutes: 0 },
  order_delivered: { trigger: "delivery.created", template_key: "order_delivered", purpose: "transactional", variables: ORDER_VARIABLES, delay_minutes: 0 },
  order_canceled: { trigger: "order.canceled", template_key: "order_canceled", purpose: "transactional", variables: ORDER_VARIABLES, delay_minutes: 0 },
  return_received: { trigger: "order.return_received", template_key: "return_received", purpose: "transactional", variables: REFUND_VARIABLES, delay_minutes: 0 },
  order_refunded: { trigger: "payment.refunded", template_key: "order_refunded", purpose: "transactional", variables: REFUND_VARIABLES, delay_minutes: 0 },
  welcome: { trigger: "customer.created", template_key: "welcome", purpose: "marketing", variables: [...CUSTOMER_VARIABLES, ...OFFER_VARIABLES], delay_minutes: 10, offers: true },
  abandoned_cart: { trigger: "job: abandoned carts (every 5 minutes)", template_key: "abandoned_cart", purpose: "marketing", variables: [...CART_VARIABLES, ...OFFER_VARIABLES], delay_minutes: 60, max_age_hours: 48, offers: true },
  win_back: { trigger: "job: win-back (daily)", template_key: "win_back", purpose: "marketing", variables: [...CUSTOMER_VARIABLES, ...OFFER_VARIABLES], delay_minutes: 0, period_days: 90, offers: true },
  // the shopper asked for this one text (the request is its consent): sent as soon as the stock is back
  back_in_stock: { trigger: "inventory.inventory-level.* (and a job every 15 minutes)", template_key: "back_in_stock", purpose: "marketing", variables: BACK_IN_STOCK_VARIABLES, delay_minutes: 0 },
  // a product looked at 4 hours ago and not carted nor bought, for a view of the last 48 h (at most one per week)
  browse_abandonment: { trigger: "job: browse abandonment (every 15 minutes)", template_key: "browse_abandonment", purpose: "marketing", variables: BROWSE_VARIABLES, delay_minutes: 240, max_age_hours: 48 },
  // once a year, on the day (or `birthday.daysBefore` days before) from 10:00 in the recipient's zone
  birthday: { trigger: "job: birthdays (hourly)", template_key: "birthday", purpose: "marketing", variables: [...CUSTOMER_VARIABLES, ...OFFER_VARIABLES], delay_minutes: 0, offers: true },
  // a variant carted or asked for in the last `period_days` (30) got cheaper by `minDropPercent` (10 %) or more: one text, at most one a week
  price_drop: { trigger: "product-variant.updated, pricing.price.* / pricing.price-list.* (and a job every hour)", template_key: "price_drop", purpose: "marketing", variables: PRICE_DROP_VARIABLES, delay_minutes: 0, period_days: 30 },
  // one text per order, `period_days` (7) after its delivery: time to have tried it, soon enough to remember it
  review_request: { trigger: "job: review requests (hourly)", template_key: "review_request", purpose: "marketing", variables: REVIEW_VARIABLES, delay_minutes: 0, period_days: 7 },
}

export const AUTOMATION_KEYS = Object.keys(AUTOMATIONS) as AutomationKey[]

/** The automation that sends a template, if any (for the template list). */
export function automationOfTemplate(templateKey: string): AutomationKey | null {
  return AUTOMATION_KEYS.find((key) => AUTOMATIONS[key].template_key === templateKey) ?? null
}

/** An automation as it runs now: shipped default, then plugin options, then the admin's choice. */
export type EffectiveAutomation = {
  key: AutomationKey
  trigger: string
  template_key: string
  purpose: "transactional" | "marketing"
  enabled: boolean
  delay_minutes: number
  period_days: number | null
  max_age_hours: number | null
  /** The single-use code its texts carry as `{{offer_code}}`, when the store chose a promotion. */
  offer: OfferSetting | null
  /**
   * Percent (0–50) of eligible recipients held back, never texted, to measure what the automation causes
   * (README, "Incrementality"). Always 0 for transactional automations: an order confirmation is owed.
   */
  holdout_percent: number
}

type OptionsOverride = { enabled?: boolean; delayMinutes?: number; periodDays?: number; maxAgeHours?: number }
type AdminOverride = {
  enabled?: boolean | null
  delay_minutes?: number | null
  period_days?: number | null
  max_age_hours?: number | null
  offer_promotion_id?: string | null
  offer_valid_hours?: number | null
  holdout_percent?: number | null
}

/** Hours a code stays valid when the store picked a promotion without saying for how long. */
export const DEFAULT_OFFER_VALID_HOURS = 72

export function effectiveAutomation(
  key: AutomationKey,
  fromOptions: OptionsOverride | undefined,
  fromAdmin: AdminOverride | undefined
): EffectiveAutomation {
  const shipped = AUTOMATIONS[key]
  return {
    key,
    trigger: shipped.trigger,
    template_key: shipped.template_key,
    purpose: shipped.purpose,
    enabled: fromAdmin?.enabled ?? fromOptions?.enabled ?? true,
    delay_minutes: fromAdmin?.delay_minutes ?? fromOptions?.delayMinutes ?? shipped.delay_minutes,
    period_days:
      shipped.period_days === undefined ? null : fromAdmin?.period_days ?? fromOptions?.periodDays ?? shipped.period_days,
    max_age_hours:
      shipped.max_age_hours === undefined
        ? null
        : fromAdmin?.max_age_hours ?? fromOptions?.maxAgeHours ?? shipped.max_age_hours,
    offer:
      shipped.offers && fromAdmin?.offer_promotion_id
        ? { promotion_id: fromAdmin.offer_promotion_id, valid_hours: fromAdmin.offer_valid_hours ?? DEFAULT_OFFER_VALID_HOURS }
        : null,
    holdout_percent: shipped.purpose === "marketing" ? fromAdmin?.holdout_percent ?? 0 : 0,
  }
}

export function isAutomationKey(key: string): key is AutomationKey {
  return key in AUTOMATIONS
}
