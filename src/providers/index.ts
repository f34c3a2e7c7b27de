import type { PluginOptions } from "../lib/options"
import { SandboxProvider } from "./sandbox"
import { TwilioProvider } from "./twilio"
import type { MessagingProvider, ProviderContext } from "./types"

export * from "./types"
export { SandboxProvider } from "./sandbox"
export { TwilioProvider, TWILIO_STATUS_PATH, twilioStatusEvent } from "./twilio"

/** Builds the gateway named in the plugin options. */
export function createProvider(options: PluginOptions, context: ProviderContext): MessagingProvider {
  switch (options.provider) {
    case "sandbox":
      return new SandboxProvider(options.sandbox, context)
    case "twilio":
      return new TwilioProvider(options.twilio!)
  }
}
