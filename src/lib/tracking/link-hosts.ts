import { LINK_VARIABLES } from "../templates/cap-variables"

/**
 * Where a tracked link may send a shopper. The redirect lives on the store's own domain for 90 days, so
 * it must only ever lead where the store leads: its storefront, its cart-recovery page, the hosts it
 * lists in `tracking.allowedHosts`, and the links the plugin itself puts in a message (the carrier's
 * tracking page of a shipment, the cart's recovery link). A URL anywhere else in a text (typed by a
 * shopper as their name, or in a product title) is sent as written and never tracked.
 *
 * Deciding on the target's host rather than on where the URL was written holds however the text was
 * made: a store's template, a ready text from the Notification Module, a developer's own variables.
 */
export type LinkHostSources = {
  trackingBaseUrl?: string | null
  storefrontUrl?: string | null
  /** May hold `{cart_id}`. */
  cartRecoveryUrl?: string | null
  /** Host names, or `*.example.com` for every subdomain of example.com. */
  allowedHosts?: readonly string[]
  /** The message's variables: the values of its link variables (LINK_VARIABLES) are trusted. */
  variables?: Record<string, unknown> | null
}

/** The host name of an http(s) URL as the redirect would see it (lower case, IDN in punycode), or null. */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.hostname : null
  } catch {
    return null
  }
}

/** A configured host name, normalised like `hostOf` does (keeps a leading `*.`). */
export function normalizeHost(entry: string): string | null {
  const wildcard = entry.startsWith("*.")
  const host = hostOf(`https://${wildcard ? entry.slice(2) : entry}`)
  return host ? `${wildcard ? "*." : ""}${host}` : null
}

/** The hosts a message's links may be tracked to, from the options and the message's own link variables. */
export function trackableHosts(sources: LinkHostSources): string[] {
  const hosts = new Set<string>()
  const add = (host: string | null) => host && hosts.add(host)
  for (const url of [sources.trackingBaseUrl, sources.storefrontUrl, sources.cartRecoveryUrl?.replace("{cart_id}", "x")]) {
    if (url) add(hostOf(url))
  }
  for (const entry of sources.allowedHosts ?? []) add(normalizeHost(entry))
  for (const [name, value] of Object.entries(sources.variables ?? {})) {
    if (LINK_VARIABLES.has(name) && typeof value === "string") add(hostOf(value))
  }
  return [...hosts]
}

/** Whether a URL's host is one of `hosts` (an entry `*.example.com` matches any subdomain of it). */
export function linkHostMatcher(hosts: readonly string[]): (url: string) => boolean {
  const exact = new Set(hosts.filter((h) => !h.startsWith("*.")))
  const suffixes = hosts.filter((h) => h.startsWith("*.")).map((h) => h.slice(1))
  return (url) => {
    const host = hostOf(url)
    if (!host) return false
    return exact.has(host) || suffixes.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)
  }
}
