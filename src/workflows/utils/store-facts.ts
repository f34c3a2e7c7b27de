import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Facts about the store that every send needs and that change rarely: read at most once a minute, not
 * once per message (a campaign renders thousands).
 */
const TTL_MS = 60_000
const cache = new Map<string, { at: number; value: unknown }>()

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < TTL_MS) {
    return hit.value as T
  }
  const value = await load()
  cache.set(key, { at: Date.now(), value })
  return value
}

/** The Medusa store's name, for messages when the `storeName` option is not set. */
export function storeName(container: MedusaContainer): Promise<string> {
  return cached("store-name", async () => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: stores } = await query.graph({ entity: "store", fields: ["name"], pagination: { take: 1 } })
    return (stores[0]?.name as string | undefined) ?? "Our store"
  })
}

/**
 * The countries of the store's regions: where it sells is where it texts, unless the `allowedCountries`
 * option says otherwise. A store with no region restricts nothing.
 */
export function storeRegionCountries(container: MedusaContainer): Promise<string[]> {
  return cached("region-countries", async () => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: regions } = await query.graph({ entity: "region", fields: ["countries.iso_2"] })
    return [...new Set(regions.flatMap((r: any) => (r.countries ?? []).map((c: any) => String(c.iso_2).toUpperCase())))]
  })
}

/** The store's first supported locale, for texts to shoppers whose own locale is unknown. */
export function storeLocale(container: MedusaContainer): Promise<string | null> {
  return cached("store-locale", async () => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: stores } = await query.graph({
      entity: "store",
      fields: ["supported_locales.locale_code"],
      pagination: { take: 1 },
    })
    return ((stores[0] as any)?.supported_locales?.[0]?.locale_code as string | undefined) ?? null
  })
}

/** The locale of a text when the shopper's is unknown: the plugin option, the store's, then English. */
export async function fallbackLocale(container: MedusaContainer, option: string | undefined): Promise<string> {
  return option ?? (await storeLocale(container).catch(() => null)) ?? "en"
}

/** What every template may use, whatever its event: who the store is and how to reach it. */
export async function commonVariables(
  container: MedusaContainer,
  options: { storeName?: string; storefrontUrl?: string; consent: { helpContact?: string; messageFrequency: string } }
): Promise<Record<string, unknown>> {
  return {
    store_name: options.storeName ?? (await storeName(container)),
    storefront_url: options.storefrontUrl ?? null,
    help_contact: options.consent.helpContact ?? null,
    message_frequency: options.consent.messageFrequency,
  }
}
