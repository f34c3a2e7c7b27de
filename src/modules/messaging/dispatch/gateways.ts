import { MedusaError } from "@medusajs/framework/utils"
import type { PluginOptions } from "../../../providers"
import type { RcsRouting } from "../../../lib/messages"
import type { MessagingProvider, Providers } from "../../../providers"

/**
 * How messages with an RCS variant travel: `available` when an RCS provider is there (the sandbox, or
 * `rcs.provider`), `automatic` when every such message tries RCS first (`rcs.provider` set) rather
 * than only those that ask for it.
 */
export function rcsRouting(providers: Providers, options: PluginOptions): RcsRouting {
  return { available: !!providers.rcs, automatic: !!providers.rcs && !!options.rcs.provider }
}

/** The configured gateways, what they send, their webhook URLs and RCS settings (admin setup page; no secrets). */
export function providerOverview(providers: Providers, options: PluginOptions, publicUrl: string | null) {
  const roles = (p: MessagingProvider) =>
    [p === providers.sms ? "sms" : null, p === providers.rcs ? "rcs" : null].filter(Boolean) as ("sms" | "rcs")[]
  return {
    public_url: publicUrl,
    rcs: {
      enabled: !!providers.rcs,
      automatic: rcsRouting(providers, options).automatic,
      provider: providers.rcs?.identifier ?? null,
      ttl_seconds: options.rcs.ttlSeconds,
      sms_fallback: options.rcs.smsFallback,
      capability_cache_hours: options.rcs.capabilityCacheHours,
    },
    providers: [...providers.byId.values()].map((p) => ({
      id: p.identifier,
      channels: [...p.channels],
      roles: roles(p),
      checks_capability: !!p.capabilities,
      can_revoke: !!p.revoke,
      webhooks: p.webhooks?.(publicUrl) ?? [],
    })),
  }
}

/** Asks a provider whether it accepts our credentials (a harmless call; nothing is sent). */
export async function checkProviderHealth(providers: Providers, id: string) {
  const provider = providers.byId.get(id)
  if (!provider) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Provider "${id}" is not configured`)
  }
  const health = provider.checkHealth ? await provider.checkHealth() : { ok: true, detail: "no check available for this provider" }
  return { id, ...health, checked_at: new Date().toISOString() }
}
