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

/** The text for a key in the wanted locale, falling back to its language, then English. */
export function defaultSmsTemplate(key: string, locale: string): string | undefined {
  const template = DEFAULT_TEMPLATES[key]
  if (!template) {
    return undefined
  }
  const language = locale.toLowerCase().split(/[-_]/)[0]
  return template.sms[locale] ?? template.sms[language] ?? template.sms.en
}
