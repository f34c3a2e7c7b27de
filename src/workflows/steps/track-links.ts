import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RcsPayload } from "../../lib/rcs/payload"
import { countSegments } from "../../lib/segments"
import { shortenLinks, type NewTrackedLink } from "../../lib/tracking"
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
    const baseUrl = messaging.trackingBaseUrl()
    const { available: rcs_capable, automatic: rcs_automatic } = messaging.rcsRouting()
    if (!baseUrl) {
      return new StepResponse<TrackedMessage>({ ...input.rendered, links: [], rcs_capable, rcs_automatic })
    }
    const medium = input.campaign_id ? "campaign" : input.automation ? "automation" : "message"
    const campaign = input.campaign_id ?? input.automation ?? input.template_key
    const { body, rcs, links } = shortenLinks({
      body: input.rendered.body,
      rcs: input.rendered.rcs as RcsPayload | null,
      baseUrl,
      utm: { medium, campaign },
    })
    const { encoding, segments } = countSegments(body)
    return new StepResponse<TrackedMessage>({ ...input.rendered, body, rcs, encoding, segments, links, rcs_capable, rcs_automatic })
  }
)
