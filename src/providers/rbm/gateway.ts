import type { Gateway } from "../types"
import { rbmOptionProblems, rbmOptionsSchema } from "./rbm-options"
import { RbmProvider } from "./rbm-provider"
import { rbmWebhook } from "./rbm-webhook"

/** Google RCS Business Messaging: RCS only (SMS goes through the SMS gateway). */
export const rbmGateway = {
  id: "rbm",
  docsName: "Google RBM",
  channels: ["rcs"],
  options: rbmOptionsSchema.optional(),
  optionProblems: rbmOptionProblems,
  create: (options) => new RbmProvider(options),
  webhooks: { "": rbmWebhook },
} as const satisfies Gateway<ReturnType<typeof rbmOptionsSchema.optional>>
