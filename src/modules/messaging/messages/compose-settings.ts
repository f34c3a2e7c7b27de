import type { ComposeSettings, RcsRouting } from "../../../lib/messages"
import type { PluginOptions } from "../../../providers"
import { trackableHosts } from "../../../lib/tracking"

/** What lib/messages/compose.ts needs of the plugin's settings: the same for every message of a send or a campaign. */
export function composeSettingsOf(options: PluginOptions, trackingBaseUrl: string | null, rcs: RcsRouting): ComposeSettings {
  return {
    smartEncoding: options.smartEncoding,
    optOutText: options.consent.optOutText,
    maxVariableLength: options.templates.maxVariableLength,
    trackingBaseUrl,
    trackableHosts: trackableHosts({
      trackingBaseUrl,
      storefrontUrl: options.storefrontUrl,
      cartRecoveryUrl: options.cartRecoveryUrl,
      allowedHosts: options.tracking.allowedHosts,
    }),
    rcs,
    pricing: options.pricing,
  }
}
