import type { z } from "zod"
import { parsePluginOptionsWith, pluginOptionsSchema as buildPluginOptionsSchema } from "../lib/options"
import { rbmGateway } from "./rbm"
import { sandboxGateway } from "./sandbox"
import { twilioGateway } from "./twilio"
import type { Gateway, MessagingProvider, ProviderContext } from "./types"

/**
 * The registered gateways: a gateway's folder exports its `Gateway` (gateway.ts), and one entry here
 * registers it. Their order is that of their options in the schema and of their checks, so of the
 * problems `PluginOptionsError` lists.
 */
export const GATEWAYS = [sandboxGateway, twilioGateway, rbmGateway] as const

/** The plugin's options: the plugin-wide ones (lib/options.ts) with each registered gateway's own. */
export const pluginOptionsSchema = buildPluginOptionsSchema(GATEWAYS, "sandbox")
export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>
export type PluginOptions = z.output<typeof pluginOptionsSchema>

/** Validates the options at boot; the error names each wrong option and what is expected. */
export const parsePluginOptions = (input: unknown): PluginOptions => parsePluginOptionsWith(pluginOptionsSchema, input)

/** A registered gateway by its id, or null. */
export function findGateway(id: string): Gateway | null {
  return GATEWAYS.find((gateway) => gateway.id === id) ?? null
}

/** A gateway's own options, as parsed (undefined when it has none). */
export function gatewayOptions(options: PluginOptions, gateway: Gateway): unknown {
  return (options as Record<string, unknown>)[gateway.id]
}

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
  const build = (id: string): MessagingProvider => {
    const gateway = findGateway(id)!
    // the options' checks require a chosen gateway's options, so they are there
    return gateway.create(gatewayOptions(options, gateway), context)
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
