import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { withOptOutMention } from "../../lib/consent"
import type { RcsPayload } from "../../lib/rcs/payload"
import { countSegments, smartEncode, type SmsEncoding } from "../../lib/segments"
import { isTooLongForSms, MAX_SMS_CHARACTERS, tooLongMessage } from "../../lib/sms-length"
import { trackableHosts } from "../../lib/tracking"
import {
  capString,
  DEFAULT_TEMPLATES,
  defaultRcsTemplate,
  defaultSmsTemplate,
  formatVariables,
  renderRcsPayload,
  renderTemplate,
} from "../../lib/templates"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { fallbackLocale, storeName } from "./store-facts"

export type RenderTemplateStepInput = {
  template_key: string
  /** The message's purpose when the caller knows better than the template. */
  purpose?: "transactional" | "marketing"
  locale?: string | null
  variables?: Record<string, unknown>
  /** Ready text, instead of a template (test sends, Notification Module calls with `content`). */
  body?: string | null
  /** Ready RCS variant to go with `body` (test sends of a draft). */
  rcs_payload?: RcsPayload | null
}

export type RenderedMessage = {
  body: string
  locale: string
  purpose: "transactional" | "marketing"
  encoding: SmsEncoding
  segments: number
  /** The RCS variant, filled in; the text above is its SMS fallback. */
  rcs: RcsPayload | null
  /** Hosts of the links the plugin filled in (a shipment's tracking page): they may be tracked. */
  link_hosts: string[]
  /**
   * Why the text cannot be sent (it is longer than a provider accepts once filled in): the message is
   * recorded as failed with this reason, its text cut to the limit, and nothing is counted or sent.
   */
  problem: string | null
}

/**
 * Picks the store's template for the key and locale (or the one shipped with the plugin), fills it
 * in, and counts what it will cost in segments.
 */
export const renderTemplateStep = createStep(
  "sms-rcs-render-template",
  async (input: RenderTemplateStepInput, { container }): Promise<StepResponse<RenderedMessage>> => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const locale = input.locale || (await fallbackLocale(container, options.defaultLocale))
    const language = locale.toLowerCase().split(/[-_]/)[0]

    const stored = input.body
      ? []
      : await messaging.listTemplates({ key: input.template_key, locale: [locale, language], enabled: true }, { take: 2 })
    const own = stored.find((t) => t.locale === locale) ?? stored[0]
    const text = input.body ?? own?.sms_body ?? defaultSmsTemplate(input.template_key, locale)
    if (!text) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `No SMS template "${input.template_key}" for locale "${locale}", and the plugin ships none with that key`
      )
    }
    const rcsTemplate = input.body
      ? input.rcs_payload ?? null
      : own
        ? ((own.rcs_payload as RcsPayload | null) ?? null)
        : defaultRcsTemplate(input.template_key, locale) ?? null
    const purpose = input.purpose ?? own?.purpose ?? DEFAULT_TEMPLATES[input.template_key]?.purpose ?? "transactional"

    // What every template may use, whatever its event: who the store is and how to reach it.
    const common = {
      store_name: options.storeName ?? (await storeName(container)),
      storefront_url: options.storefrontUrl ?? null,
      help_contact: options.consent.helpContact ?? null,
      message_frequency: options.consent.messageFrequency,
    }
    const variables = formatVariables({ ...common, ...input.variables }, locale)
    const limits = { maxVariableLength: options.templates.maxVariableLength }
    const filled = renderTemplate(text, variables, limits)
    const rendered = purpose === "marketing" ? withOptOutMention(filled, text, locale, options.consent.optOutText) : filled
    const body = options.smartEncoding ? smartEncode(rendered) : rendered
    const rcs = rcsTemplate ? renderRcsPayload(rcsTemplate, variables, limits) : null
    const link_hosts = trackableHosts({ variables })
    if (isTooLongForSms(body)) {
      const problem = `text_too_long: ${tooLongMessage(body, `the text of "${input.template_key}", filled in,`)}`
      const cut = capString(body, MAX_SMS_CHARACTERS)
      return new StepResponse<RenderedMessage>({ body: cut, locale, purpose, encoding: "GSM-7", segments: 0, rcs: null, link_hosts, problem })
    }
    const { encoding, segments } = countSegments(body)
    return new StepResponse<RenderedMessage>({ body, locale, purpose, encoding, segments, rcs, link_hosts, problem: null })
  }
)
