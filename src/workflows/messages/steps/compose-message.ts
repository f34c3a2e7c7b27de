import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { composeMessage, type ComposedMessage } from "../../../lib/messages"
import type { RcsPayload } from "../../../lib/rcs/payload"
import { mmsMedia } from "../../../lib/messages/mms"
import { estimateCost } from "../../../lib/sms-encoding"
import { DEFAULT_TEMPLATES, defaultRcsTemplate, defaultSmsTemplate, formatVariables, renderTemplate } from "../../../lib/templates"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"
import { commonVariables, fallbackLocale } from "../../utils/store-facts"

export type ComposeMessageStepInput = {
  template_key: string
  /** The message's purpose when the caller knows better than the template. */
  purpose?: "transactional" | "marketing"
  locale?: string | null
  variables?: Record<string, unknown>
  /** Ready text, instead of a template (test sends, Notification Module calls with `content`). */
  body?: string | null
  /** Ready RCS variant, with `body` (test sends of a draft) or beside a template's text (the order list's carousel). */
  rcs_payload?: RcsPayload | null
  /** The ready body goes as written, not filled in as a template (an admin's reply). */
  literal?: boolean
  /** "rcs" / "sms" when the caller asks for one (see SendMessageWorkflowInput.channel). */
  channel?: "sms" | "rcs" | null
  /** The recipient's country (checkPhoneStep), for the price. */
  country?: string | null
  automation?: string | null
  campaign_id?: string | null
}

export type ComposedMessageStepOutput = ComposedMessage & {
  locale: string
  purpose: "transactional" | "marketing"
  /** MMS: the template's image, for a US or Canadian number through an MMS gateway (lib/messages/mms.ts). */
  media_url: string | null
}

/**
 * Picks the store's template for the key and locale (or the one shipped with the plugin) and composes
 * the message from it as every message is composed (lib/messages/compose.ts): filled in, opt-out
 * mention, tracked links tagged with UTM parameters, channel, segments and cost.
 */
export const composeMessageStep = createStep(
  "sms-rcs-compose-message",
  async (input: ComposeMessageStepInput, { container }): Promise<StepResponse<ComposedMessageStepOutput>> => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const locale = input.locale || (await fallbackLocale(container, options.defaultLocale))
    const language = locale.toLowerCase().split(/[-_]/)[0]

    const stored = input.body
      ? []
      : await messaging.sendableTemplates(input.template_key, [...new Set([locale, language])])
    const own = stored.find((t) => t.locale === locale) ?? stored[0]
    const text = input.body ?? own?.sms_body ?? defaultSmsTemplate(input.template_key, locale)
    if (!text) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `No SMS template "${input.template_key}" for locale "${locale}", and the plugin ships none with that key`
      )
    }
    // a ready RCS variant goes as given (a test send's draft, the order list's carousel built per shopper)
    const rcs = input.rcs_payload
      ? input.rcs_payload
      : input.body
        ? null
        : own
          ? ((own.rcs_payload as RcsPayload | null) ?? null)
          : defaultRcsTemplate(input.template_key, locale) ?? null
    const purpose = input.purpose ?? own?.purpose ?? DEFAULT_TEMPLATES[input.template_key]?.purpose ?? "transactional"
    const variables = formatVariables({ ...(await commonVariables(container, options)), ...input.variables }, locale)
    const composed = composeMessage(
      {
        text,
        rcs,
        variables,
        purpose,
        locale,
        country: input.country ?? null,
        channel: input.channel,
        utm: {
          medium: input.campaign_id ? "campaign" : input.automation ? "automation" : "message",
          campaign: input.campaign_id ?? input.automation ?? input.template_key,
        },
        literal: !!input.literal && !!input.body,
        label: {
          filledIn: `the text of "${input.template_key}", filled in,`,
          withLinks: `the text of "${input.template_key}", with its tracked links,`,
        },
      },
      messaging.composeSettings()
    )
    const media_url = composed.problem
      ? null
      : mmsMedia({
          media_url: own?.media_url ? renderTemplate(own.media_url, variables) : null,
          channel: composed.channel,
          country: input.country ?? null,
          gateway: options.provider,
        })
    // an MMS is priced as one MMS, whatever its length
    const cost = media_url ? estimateCost(options.pricing, { channel: "mms", country: input.country ?? null, segments: composed.segments }) : composed.cost
    return new StepResponse<ComposedMessageStepOutput>({ ...composed, cost, locale, purpose, media_url })
  }
)
