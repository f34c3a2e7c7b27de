import type { RcsPayload } from "../rcs/payload"
import {
  BACK_IN_STOCK_VARIABLES,
  BROWSE_VARIABLES,
  CART_VARIABLES,
  CUSTOMER_VARIABLES,
  FULFILLMENT_VARIABLES,
  OFFER_VARIABLES,
  ORDER_VARIABLES,
  PRICE_DROP_VARIABLES,
  REFUND_VARIABLES,
  REVIEW_VARIABLES,
} from "./catalog"

/**
 * Templates that ship with the plugin, per key and locale. A store overrides any of them by saving a
 * template with the same key and locale. Every text stays in GSM-7 where the language allows it, so a
 * message costs one segment where it can.
 */
export type DefaultTemplate = {
  purpose: "transactional" | "marketing"
  /** Variables this template may use besides the common ones, documented in the README. */
  variables: readonly string[]
  sms: Record<string, string>
  /** The RCS variant, per locale; its SMS fallback is `sms`. */
  rcs?: Record<string, RcsPayload>
}

export const DEFAULT_TEMPLATES: Record<string, DefaultTemplate> = {
  order_confirmation: {
    purpose: "transactional",
    variables: ORDER_VARIABLES,
    sms: {
      en:
        "{{store_name}}: thank you{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}}! " +
        "Order #{{order_display_id}} ({{order_total}}) is confirmed. We will text you when it ships.",
      fr:
        "{{store_name}} : merci{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}} ! " +
        "Votre commande #{{order_display_id}} ({{order_total}}) est confirmée. Nous vous préviendrons de son envoi.",
    },
  },
}

DEFAULT_TEMPLATES.order_shipped = {
  purpose: "transactional",
  variables: FULFILLMENT_VARIABLES,
  sms: {
    en:
      "{{store_name}}: order #{{order_display_id}} is on its way!" +
      "{{#tracking_number}} Tracking: {{tracking_number}}{{/tracking_number}}{{#tracking_url}} {{tracking_url}}{{/tracking_url}}",
    fr:
      "{{store_name}} : votre commande #{{order_display_id}} est en route !" +
      "{{#tracking_number}} Suivi : {{tracking_number}}{{/tracking_number}}{{#tracking_url}} {{tracking_url}}{{/tracking_url}}",
  },
}
DEFAULT_TEMPLATES.order_delivered = {
  purpose: "transactional",
  variables: ORDER_VARIABLES,
  sms: {
    en: "{{store_name}}: order #{{order_display_id}} has been delivered. Enjoy{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}}!",
    fr: "{{store_name}} : votre commande #{{order_display_id}} a été livrée. Bonne journée{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}} !",
  },
}
DEFAULT_TEMPLATES.order_canceled = {
  purpose: "transactional",
  variables: ORDER_VARIABLES,
  sms: {
    en: "{{store_name}}: order #{{order_display_id}} ({{order_total}}) has been canceled. Questions? Reply to this message.",
    fr: "{{store_name}} : votre commande #{{order_display_id}} ({{order_total}}) a été annulée. Une question ? Répondez à ce message.",
  },
}

// Shipped with an RCS card: the tracking button is one tap instead of a long link.
DEFAULT_TEMPLATES.order_shipped.rcs = {
  en: {
    type: "card",
    card: {
      title: "Order #{{order_display_id}} is on its way",
      description: "{{store_name}}{{#tracking_number}} · Tracking {{tracking_number}}{{/tracking_number}}",
      suggestions: [{ type: "open_url", text: "Track my parcel", url: "{{{tracking_url}}}", postback_data: "track" }],
    },
  },
  fr: {
    type: "card",
    card: {
      title: "Votre commande #{{order_display_id}} est en route",
      description: "{{store_name}}{{#tracking_number}} · Suivi {{tracking_number}}{{/tracking_number}}",
      suggestions: [{ type: "open_url", text: "Suivre mon colis", url: "{{{tracking_url}}}", postback_data: "track" }],
    },
  },
}
// The confirmation as an RCS card: the order at a glance, and a reply chip that tells the store it landed.
DEFAULT_TEMPLATES.order_confirmation.rcs = {
  en: {
    type: "card",
    card: {
      title: "Order #{{order_display_id}} is confirmed",
      description:
        "Thank you{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}}! {{order_total}} · " +
        "{{store_name}} will let you know when it ships.",
      suggestions: [{ type: "reply", text: "Thanks!", postback_data: "order_confirmation_thanks" }],
    },
  },
  fr: {
    type: "card",
    card: {
      title: "Commande #{{order_display_id}} confirmée",
      description:
        "Merci{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}} ! {{order_total}} · " +
        "{{store_name}} vous préviendra de son envoi.",
      suggestions: [{ type: "reply", text: "Merci !", postback_data: "order_confirmation_thanks" }],
    },
  },
}
DEFAULT_TEMPLATES.order_fulfilled = {
  purpose: "transactional",
  variables: FULFILLMENT_VARIABLES,
  sms: {
    en: "{{store_name}}: good news{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}}, order #{{order_display_id}} is packed and will ship soon.",
    fr: "{{store_name}} : bonne nouvelle{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}}, votre commande #{{order_display_id}} est emballée et partira sous peu.",
  },
}
DEFAULT_TEMPLATES.return_received = {
  purpose: "transactional",
  variables: REFUND_VARIABLES,
  sms: {
    en: "{{store_name}}: we received the return for order #{{order_display_id}}.{{#refund_amount}} Your refund of {{refund_amount}} is on its way.{{/refund_amount}}",
    fr: "{{store_name}} : nous avons bien réceptionné votre retour pour la commande #{{order_display_id}}.{{#refund_amount}} Votre remboursement de {{refund_amount}} est en cours.{{/refund_amount}}",
  },
}
DEFAULT_TEMPLATES.order_refunded = {
  purpose: "transactional",
  variables: REFUND_VARIABLES,
  sms: {
    en: "{{store_name}}: we refunded {{refund_amount}} for order #{{order_display_id}}. It can take a few days to show on your statement.",
    fr: "{{store_name}} : nous avons remboursé {{refund_amount}} pour la commande #{{order_display_id}}. Comptez quelques jours pour le voir sur votre compte.",
  },
}

// Marketing: sent only with marketing consent; the opt-out mention is added when a text lacks one.
DEFAULT_TEMPLATES.welcome = {
  purpose: "marketing",
  variables: ["customer_first_name", ...OFFER_VARIABLES],
  sms: {
    en: "{{store_name}}: welcome{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}}! You will be the first to hear about new arrivals and offers.{{#offer_code}} Your code {{offer_code}} is valid until {{offer_expires}}.{{/offer_code}}{{#storefront_url}} {{{storefront_url}}}{{/storefront_url}}",
    fr: "{{store_name}} : bienvenue{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}} ! Vous serez les premiers informés des nouveautés et des offres.{{#offer_code}} Votre code {{offer_code}} est valable jusqu'au {{offer_expires}}.{{/offer_code}}{{#storefront_url}} {{{storefront_url}}}{{/storefront_url}}",
  },
}
DEFAULT_TEMPLATES.abandoned_cart = {
  purpose: "marketing",
  variables: [...CART_VARIABLES, ...OFFER_VARIABLES],
  sms: {
    en: "{{store_name}}: you left {{items_count}} item(s) in your cart{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}}. Complete your order: {{{cart_recovery_url}}}",
    fr: "{{store_name}} : vous avez laissé {{items_count}} article(s) dans votre panier{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}}. Finalisez votre commande : {{{cart_recovery_url}}}",
  },
  rcs: {
    en: {
      type: "card",
      card: {
        title: "Still thinking it over?",
        description: "{{items_summary}} · {{cart_total}}",
        suggestions: [{ type: "open_url", text: "Complete my order", url: "{{{cart_recovery_url}}}", postback_data: "recover_cart" }],
      },
    },
    fr: {
      type: "card",
      card: {
        title: "Vous hésitez encore ?",
        description: "{{items_summary}} · {{cart_total}}",
        suggestions: [{ type: "open_url", text: "Finaliser ma commande", url: "{{{cart_recovery_url}}}", postback_data: "recover_cart" }],
      },
    },
  },
}
DEFAULT_TEMPLATES.win_back = {
  purpose: "marketing",
  variables: ["customer_first_name", "days_since_last_order", ...OFFER_VARIABLES],
  sms: {
    en: "{{store_name}}: we miss you{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}}! See what is new since your last visit.{{#offer_code}} Your code {{offer_code}} is valid until {{offer_expires}}.{{/offer_code}}{{#storefront_url}} {{{storefront_url}}}{{/storefront_url}}",
    fr: "{{store_name}} : vous nous manquez{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}} ! Découvrez nos nouveautés.{{#offer_code}} Votre code {{offer_code}} est valable jusqu'au {{offer_expires}}.{{/offer_code}}{{#storefront_url}} {{{storefront_url}}}{{/storefront_url}}",
  },
}

// The replies the consent rules require. Kept in GSM-7 (no ê, â, ç …) so each is one segment.
DEFAULT_TEMPLATES.consent_stop_confirmation = {
  purpose: "transactional",
  variables: ["stopped_all"],
  sms: {
    en:
      "{{store_name}}: you are unsubscribed and will get no more {{^stopped_all}}marketing {{/stopped_all}}texts from us. " +
      "Reply START to subscribe again.",
    fr:
      "{{store_name}} : desinscription confirmée, vous ne recevrez plus nos SMS{{^stopped_all}} promotionnels{{/stopped_all}}. " +
      "Répondez START pour vous réinscrire.",
  },
}
DEFAULT_TEMPLATES.consent_start_confirmation = {
  purpose: "transactional",
  variables: [],
  sms: {
    en: "{{store_name}}: you are subscribed to our texts again. Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
    fr: "{{store_name}} : inscription confirmée. Frais selon votre opérateur. Répondez AIDE pour de l'aide, STOP pour vous désinscrire.",
  },
}
DEFAULT_TEMPLATES.consent_double_opt_in = {
  purpose: "transactional",
  variables: [],
  sms: {
    en: "{{store_name}}: reply YES to get our offers by text. {{message_frequency}}. Msg & data rates may apply. Reply STOP to opt out.",
    fr: "{{store_name}} : répondez OUI pour recevoir nos offres par SMS. {{message_frequency}}. Frais selon votre opérateur. STOP pour refuser.",
  },
}
DEFAULT_TEMPLATES.consent_help = {
  purpose: "transactional",
  variables: [],
  sms: {
    en:
      "{{store_name}}: order updates and, if you opted in, offers. {{message_frequency}}. Msg & data rates may apply." +
      "{{#help_contact}} Help: {{help_contact}}.{{/help_contact}} Reply STOP to opt out.",
    fr:
      "{{store_name}} : suivi de commande et, si vous l'avez accepté, nos offres. {{message_frequency}}. Frais selon votre opérateur." +
      "{{#help_contact}} Aide : {{help_contact}}.{{/help_contact}} Répondez STOP pour vous désinscrire.",
  },
}

// Answer to an ambiguous text ("when will this stop?"): no consent changed, the way to stop said plainly.
DEFAULT_TEMPLATES.consent_clarify = {
  purpose: "transactional",
  variables: [],
  sms: {
    en: "{{store_name}}: to stop our offers, reply STOP. To stop all texts, including order updates, reply STOP ALL. Reply HELP for help.",
    fr: "{{store_name}} : pour ne plus recevoir nos offres, répondez STOP. Pour ne plus rien recevoir, suivi de commande compris, répondez STOP TOUT.",
  },
}
// The code that proves a shopper holds the number before the storefront changes its transactional consent.
DEFAULT_TEMPLATES.consent_verification_code = {
  purpose: "transactional",
  variables: ["code", "minutes"],
  sms: {
    en: "{{store_name}}: your code is {{code}}. It expires in {{minutes}} minutes. If you did not ask for it, ignore this text.",
    fr: "{{store_name}} : votre code est {{code}}. Il expire dans {{minutes}} minutes. Si vous ne l'avez pas demandé, ignorez ce SMS.",
  },
}

/** The text for a key in the wanted locale, falling back to its language, then English. */
export function defaultSmsTemplate(key: string, locale: string): string | undefined {
  const template = DEFAULT_TEMPLATES[key]
  if (!template) {
    return undefined
  }
  const language = locale.toLowerCase().split(/[-_]/)[0]
  return template.sms[locale] ?? template.sms[language] ?? template.sms.en
}

/** The RCS variant shipped for a key in the wanted locale (same fallbacks as the text). */
export function defaultRcsTemplate(key: string, locale: string): RcsPayload | undefined {
  const rcs = DEFAULT_TEMPLATES[key]?.rcs
  if (!rcs) {
    return undefined
  }
  const language = locale.toLowerCase().split(/[-_]/)[0]
  return rcs[locale] ?? rcs[language] ?? rcs.en
}

// Asked for by the shopper (its own consent for this one text): the product is one tap away.
DEFAULT_TEMPLATES.back_in_stock = {
  purpose: "marketing",
  variables: BACK_IN_STOCK_VARIABLES,
  sms: {
    en: "{{store_name}}: {{product_title}}{{#variant_title}} ({{variant_title}}){{/variant_title}} is back in stock!{{#product_url}} {{{product_url}}}{{/product_url}}",
    fr: "{{store_name}} : {{product_title}}{{#variant_title}} ({{variant_title}}){{/variant_title}} est de retour en stock !{{#product_url}} {{{product_url}}}{{/product_url}}",
  },
  rcs: {
    en: {
      type: "card",
      card: {
        title: "{{product_title}} is back",
        description: "{{store_name}}{{#variant_title}} · {{variant_title}}{{/variant_title}} · back in stock now",
        suggestions: [{ type: "open_url", text: "See it", url: "{{{product_url}}}", postback_data: "back_in_stock_open" }],
      },
    },
    fr: {
      type: "card",
      card: {
        title: "{{product_title}} est de retour",
        description: "{{store_name}}{{#variant_title}} · {{variant_title}}{{/variant_title}} · de nouveau en stock",
        suggestions: [{ type: "open_url", text: "Voir l’article", url: "{{{product_url}}}", postback_data: "back_in_stock_open" }],
      },
    },
  },
}

// A product looked at and left: one gentle nudge with its link, never on top of a cart reminder.
DEFAULT_TEMPLATES.browse_abandonment = {
  purpose: "marketing",
  variables: BROWSE_VARIABLES,
  sms: {
    en: "{{store_name}}: still thinking about {{product_title}}{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}}? Have another look:{{#product_url}} {{{product_url}}}{{/product_url}}",
    fr: "{{store_name}} : {{product_title}} vous fait toujours envie{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}} ? Revoyez-le ici :{{#product_url}} {{{product_url}}}{{/product_url}}",
  },
  rcs: {
    en: {
      type: "card",
      card: {
        title: "Still thinking about {{product_title}}?",
        description: "{{store_name}} kept it for you to have another look.",
        suggestions: [{ type: "open_url", text: "Have a look", url: "{{{product_url}}}", postback_data: "browse_abandonment_open" }],
      },
    },
    fr: {
      type: "card",
      card: {
        title: "{{product_title}} vous fait envie ?",
        description: "{{store_name}} vous le remet sous les yeux.",
        suggestions: [{ type: "open_url", text: "Revoir l’article", url: "{{{product_url}}}", postback_data: "browse_abandonment_open" }],
      },
    },
  },
}

// Some days after delivery: a review asked for, and what others bought with it (a carousel on RCS, see
// lib/recommendations/message.ts). The list comes on its own lines so each link stays whole.
DEFAULT_TEMPLATES.review_request = {
  purpose: "marketing",
  variables: REVIEW_VARIABLES,
  sms: {
    en:
      "{{store_name}}: how do you like your order #{{order_display_id}}{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}}? " +
      "Tell us in a review:{{#review_url}} {{{review_url}}}{{/review_url}}" +
      "{{#recommendations}}\nBought with it:\n{{{recommendations}}}{{/recommendations}}",
    fr:
      "{{store_name}} : votre commande #{{order_display_id}} vous plait{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}} ? " +
      "Donnez-nous votre avis :{{#review_url}} {{{review_url}}}{{/review_url}}" +
      "{{#recommendations}}\nAchetés avec :\n{{{recommendations}}}{{/recommendations}}",
  },
  rcs: {
    en: {
      type: "card",
      card: {
        title: "How do you like order #{{order_display_id}}?",
        description: "{{store_name}} would love your review{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}}.",
        suggestions: [{ type: "open_url", text: "Write a review", url: "{{{review_url}}}", postback_data: "review_request_open" }],
      },
    },
    fr: {
      type: "card",
      card: {
        title: "Votre commande #{{order_display_id}} vous plaît ?",
        description: "{{store_name}} aimerait votre avis{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}}.",
        suggestions: [{ type: "open_url", text: "Donner mon avis", url: "{{{review_url}}}", postback_data: "review_request_open" }],
      },
    },
  },
}

// ---- Conversations: the automatic answers (workflows/conversations/answer-inbound.ts) ----
// Each is transactional (the shopper asked), sent as a conversation message of its own kind.

/** "Where is my order?" with one order tied to the phone: its status and tracking. */
DEFAULT_TEMPLATES.conversation_order_status = {
  purpose: "transactional",
  variables: ["order_display_id", "order_status", "tracking_url", "tracking_number"],
  sms: {
    en:
      "{{store_name}}: order #{{order_display_id}} is {{order_status}}." +
      "{{#tracking_url}} Track it: {{{tracking_url}}}{{/tracking_url}}{{^tracking_url}}{{#tracking_number}} Tracking number: {{tracking_number}}.{{/tracking_number}}{{/tracking_url}}",
    fr:
      "{{store_name}} : la commande #{{order_display_id}} est {{order_status}}." +
      "{{#tracking_url}} Suivez-la : {{{tracking_url}}}{{/tracking_url}}{{^tracking_url}}{{#tracking_number}} Numéro de suivi : {{tracking_number}}.{{/tracking_number}}{{/tracking_url}}",
  },
}

/** "Where is my order?" with several open orders: a short list (an RCS carousel is built beside it). */
DEFAULT_TEMPLATES.conversation_order_list = {
  purpose: "transactional",
  variables: ["orders_list", "orders_count"],
  sms: {
    en: "{{store_name}}: your {{orders_count}} open orders: {{{orders_list}}}",
    fr: "{{store_name}} : vos {{orders_count}} commandes en cours : {{{orders_list}}}",
  },
}

/** "Where is my order?" from a number tied to no order: nothing about anyone's order is said. */
DEFAULT_TEMPLATES.conversation_no_order = {
  purpose: "transactional",
  variables: [],
  sms: {
    en: "{{store_name}}: we found no order for this number. Reply HUMAN to reach a person{{#help_contact}}, or contact {{help_contact}}{{/help_contact}}.",
    fr: "{{store_name}} : nous ne trouvons aucune commande pour ce numéro. Répondez CONSEILLER pour parler à quelqu'un{{#help_contact}}, ou contactez {{help_contact}}{{/help_contact}}.",
  },
}

/** "Talk to a person": when to expect the answer (the store's business hours). */
DEFAULT_TEMPLATES.conversation_handoff = {
  purpose: "transactional",
  variables: ["open_now", "opens_at"],
  sms: {
    en: "{{store_name}}: thanks, a person from our team will answer you here {{#open_now}}shortly{{/open_now}}{{^open_now}}from {{opens_at}}{{/open_now}}.",
    fr: "{{store_name}} : merci, une personne de notre équipe vous répondra ici {{#open_now}}très vite{{/open_now}}{{^open_now}}à partir de {{opens_at}}{{/open_now}}.",
  },
}

/** Text-to-join from a number already subscribed: nothing to confirm. */
DEFAULT_TEMPLATES.conversation_join_subscribed = {
  purpose: "transactional",
  variables: [],
  sms: {
    en: "{{store_name}}: you are already subscribed to our texts. Reply STOP to opt out.",
    fr: "{{store_name}} : vous recevez déjà nos SMS. Répondez STOP pour vous désinscrire.",
  },
}

// Once a year, from a date the shopper gave: a warm word, and the store's offer when the automation has one.
DEFAULT_TEMPLATES.birthday = {
  purpose: "marketing",
  variables: [...CUSTOMER_VARIABLES, ...OFFER_VARIABLES],
  sms: {
    en: "{{store_name}}: happy birthday{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}}! A little treat is waiting for you.{{#offer_code}} Your code {{offer_code}} is valid until {{offer_expires}}.{{/offer_code}}{{#storefront_url}} {{{storefront_url}}}{{/storefront_url}}",
    fr: "{{store_name}} : joyeux anniversaire{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}} ! Une petite attention vous attend.{{#offer_code}} Votre code {{offer_code}} est valable jusqu'au {{offer_expires}}.{{/offer_code}}{{#storefront_url}} {{{storefront_url}}}{{/storefront_url}}",
  },
}

// A variant the shopper carted or asked for got cheaper: the old and new price, the product one tap away.
DEFAULT_TEMPLATES.price_drop = {
  purpose: "marketing",
  variables: PRICE_DROP_VARIABLES,
  sms: {
    en: "{{store_name}}: {{product_title}}{{#variant_title}} ({{variant_title}}){{/variant_title}} is now {{new_price}} instead of {{old_price}}.{{#product_url}} {{{product_url}}}{{/product_url}}",
    fr: "{{store_name}} : {{product_title}}{{#variant_title}} ({{variant_title}}){{/variant_title}} passe à {{new_price}} au lieu de {{old_price}}.{{#product_url}} {{{product_url}}}{{/product_url}}",
  },
  rcs: {
    en: {
      type: "card",
      card: {
        title: "{{product_title}} is now {{new_price}}",
        description: "{{store_name}}{{#variant_title}} · {{variant_title}}{{/variant_title}} · was {{old_price}}",
        suggestions: [{ type: "open_url", text: "See it", url: "{{{product_url}}}", postback_data: "price_drop_open" }],
      },
    },
    fr: {
      type: "card",
      card: {
        title: "{{product_title}} passe à {{new_price}}",
        description: "{{store_name}}{{#variant_title}} · {{variant_title}}{{/variant_title}} · au lieu de {{old_price}}",
        suggestions: [{ type: "open_url", text: "Voir l’article", url: "{{{product_url}}}", postback_data: "price_drop_open" }],
      },
    },
  },
}
