import type { Gateway } from "../types"
import { twilioOptionProblems, twilioOptionsSchema } from "./twilio-options"
import { TwilioProvider } from "./twilio-provider"
import { twilioInboundWebhook, twilioStatusWebhook } from "./twilio-webhooks"

/** Twilio Programmable Messaging: SMS, and RCS through a Messaging Service with an RCS sender. */
export const twilioGateway = {
  id: "twilio",
  docsName: "Twilio",
  channels: ["sms", "rcs"],
  options: twilioOptionsSchema.optional(),
  optionProblems: twilioOptionProblems,
  create: (options) => new TwilioProvider(options),
  webhooks: { status: twilioStatusWebhook, inbound: twilioInboundWebhook },
} as const satisfies Gateway<ReturnType<typeof twilioOptionsSchema.optional>>
