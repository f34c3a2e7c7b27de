import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RcsPayload } from "../../lib/rcs/payload"
import { countSegments } from "../../lib/segments"
import { isTooLongForSms, MAX_SMS_CHARACTERS, tooLongMessage } from "../../lib/sms-length"
import { capString } from "../../lib/templates"
import { linkHostMatcher, shortenLinks, trackableHosts, type NewTrackedLink } from "../../lib/tracking"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import type { RenderedMessage } from "./render-template"

export type TrackLinksStepInput = {
  rendered: RenderedMessage
  template_key: string
  automation?: string | null
  campaign_id?: string | null
}

export type TrackedMessage = RenderedMessage & {
  links: NewTrackedLink[]
  /** Whether an RCS provider can send the RCS variant. */
  rcs_capable: boolean
  /** Whether every message with an RCS variant tries RCS first (`rcs.provider` set). */
  rcs_automatic: boolean
}

/**
 * Puts a tracked short link in place of every URL of the text and of the RCS buttons, tagged with UTM
 * parameters (source sms|rcs, medium automation|campaign|message, campaign = its name), and counts the
 * segments again at the links' real length. The links are stored with the message.
 */
export const trackLinksStep = createStep(
  "sms-rcs-track-links",
  async (input: TrackLinksStepInput, { container }) => {
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    const options = messaging.getOptions()
    const baseUrl = messaging.trackingBaseUrl()
    const { available: rcs_capable, automatic: rcs_automatic } = messaging.rcsRouting()
    if (!baseUrl || input.rendered.problem) {
      return new StepResponse<TrackedMessage>({ ...input.rendered, links: [], rcs_capable, rcs_automatic })
    }
    const medium = input.campaign_id ? "campaign" : input.automation ? "automation" : "message"
    const campaign = input.campaign_id ?? input.automation ?? input.template_key
    const hosts = trackableHosts({
      trackingBaseUrl: baseUrl,
      storefrontUrl: options.storefrontUrl,
      cartRecoveryUrl: options.cartRecoveryUrl,
      allowedHosts: options.tracking.allowedHosts,
    })
    const { body, rcs, links } = shortenLinks({
      body: input.rendered.body,
      rcs: input.rendered.rcs as RcsPayload | null,
      baseUrl,
      isTrackable: linkHostMatcher([...hosts, ...(input.rendered.link_hosts ?? [])]),
      utm: { medium, campaign },
    })
    // a short link may be longer than the URL it replaced: the text may now be over the limit
    if (isTooLongForSms(body)) {
      const problem = `text_too_long: ${tooLongMessage(body, `the text of "${input.template_key}", with its tracked links,`)}`
      return new StepResponse<TrackedMessage>({
        ...input.rendered,
        body: capString(body, MAX_SMS_CHARACTERS),
        rcs: null,
        encoding: "GSM-7",
        segments: 0,
        links: [],
        problem,
        rcs_capable,
        rcs_automatic,
      })
    }
    const { encoding, segments } = countSegments(body)
    return new StepResponse<TrackedMessage>({ ...input.rendered, body, rcs, encoding, segments, links, rcs_capable, rcs_automatic })
  }
)
