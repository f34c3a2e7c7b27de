import type { PluginOptions } from "../lib/options"
import { RbmProvider } from "./rbm"
import { SandboxProvider } from "./sandbox"
import { TwilioProvider } from "./twilio"
import type { MessagingProvider, ProviderContext } from "./types"

export * from "./types"
export { SandboxProvider, SANDBOX_CAPABILITY_SUFFIXES } from "./sandbox"
export { TwilioProvider, TWILIO_STATUS_PATH, twilioStatusEvent } from "./twilio"
export { RbmProvider, RBM_WEBHOOK_PATH, parseRbmData, rbmWebhookBodySchema } from "./rbm"

/**
 * The gateways in use: one for SMS, and one for RCS when there is one (it may be the same): the one
 * named in `rcs.provider`, else the SMS gateway if it speaks RCS.
 */
export type Providers = {
  sms: MessagingProvider
  rcs: MessagingProvider | null
  /** Every distinct provider, by identifier (status events and lookups name theirs). */
  byId: Map<string, MessagingProvider>
}

/** Builds the gateways named in the plugin options. */
export function createProviders(options: PluginOptions, context: ProviderContext): Providers {
  const build = (name: "sandbox" | "twilio" | "rbm"): MessagingProvider => {
    switch (name) {
      case "sandbox":
        return new SandboxProvider(options.sandbox, context)
      case "twilio":
        return new TwilioProvider(options.twilio!)
      case "rbm":
        return new RbmProvider(options.rbm!)
    }
  }
  const sms = build(options.provider)
  const rcsName = options.rcs.provider
  // without `rcs.provider`, an SMS gateway that speaks RCS (the sandbox) still sends it when asked to
  const rcs = !rcsName ? (sms.channels.includes("rcs") ? sms : null) : rcsName === options.provider ? sms : build(rcsName)
  if (rcs && !rcs.channels.includes("rcs")) {
    throw new Error(`medusa-plugin-sms-rcs: provider "${rcsName}" cannot send RCS`)
  }
  const byId = new Map<string, MessagingProvider>([[sms.identifier, sms]])
  if (rcs) byId.set(rcs.identifier, rcs)
  return { sms, rcs, byId }
}
