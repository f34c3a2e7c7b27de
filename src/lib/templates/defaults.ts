/**
 * Templates that ship with the plugin, per key and locale. A store overrides any of them by saving a
 * template with the same key and locale. Every text stays in GSM-7 where the language allows it, so a
 * message costs one segment where it can.
 */
export type DefaultTemplate = {
  purpose: "transactional" | "marketing"
  /** Variables this template may use, documented in the README. */
  variables: readonly string[]
  sms: Record<string, string>
}

export const DEFAULT_TEMPLATES: Record<string, DefaultTemplate> = {
  order_confirmation: {
    purpose: "transactional",
    variables: ["store_name", "customer_first_name", "order_display_id", "order_total", "items_count"],
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
  variables: ["store_name", "customer_first_name", "order_display_id", "tracking_number", "tracking_url"],
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
  variables: ["store_name", "customer_first_name", "order_display_id"],
  sms: {
    en: "{{store_name}}: order #{{order_display_id}} has been delivered. Enjoy{{#customer_first_name}}, {{customer_first_name}}{{/customer_first_name}}!",
    fr: "{{store_name}} : votre commande #{{order_display_id}} a été livrée. Bonne journée{{#customer_first_name}} {{customer_first_name}}{{/customer_first_name}} !",
  },
}
DEFAULT_TEMPLATES.order_canceled = {
  purpose: "transactional",
  variables: ["store_name", "order_display_id", "order_total"],
  sms: {
    en: "{{store_name}}: order #{{order_display_id}} ({{order_total}}) has been canceled. Questions? Reply to this message.",
    fr: "{{store_name}} : votre commande #{{order_display_id}} ({{order_total}}) a été annulée. Une question ? Répondez à ce message.",
  },
}

// The replies the consent rules require. Kept in GSM-7 (no ê, â, ç …) so each is one segment.
DEFAULT_TEMPLATES.consent_stop_confirmation = {
  purpose: "transactional",
  variables: ["store_name", "stopped_all"],
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
  variables: ["store_name"],
  sms: {
    en: "{{store_name}}: you are subscribed to our texts again. Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
    fr: "{{store_name}} : inscription confirmée. Frais selon votre opérateur. Répondez AIDE pour de l'aide, STOP pour vous désinscrire.",
  },
}
DEFAULT_TEMPLATES.consent_double_opt_in = {
  purpose: "transactional",
  variables: ["store_name", "message_frequency"],
  sms: {
    en: "{{store_name}}: reply YES to get our offers by text. {{message_frequency}}. Msg & data rates may apply. Reply STOP to opt out.",
    fr: "{{store_name}} : répondez OUI pour recevoir nos offres par SMS. {{message_frequency}}. Frais selon votre opérateur. STOP pour refuser.",
  },
}
DEFAULT_TEMPLATES.consent_help = {
  purpose: "transactional",
  variables: ["store_name", "help_contact", "message_frequency"],
  sms: {
    en:
      "{{store_name}}: order updates and, if you opted in, offers. {{message_frequency}}. Msg & data rates may apply." +
      "{{#help_contact}} Help: {{help_contact}}.{{/help_contact}} Reply STOP to opt out.",
    fr:
      "{{store_name}} : suivi de commande et, si vous l'avez accepté, nos offres. {{message_frequency}}. Frais selon votre opérateur." +
      "{{#help_contact}} Aide : {{help_contact}}.{{/help_contact}} Répondez STOP pour vous désinscrire.",
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
