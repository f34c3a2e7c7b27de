import { useQuery } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export type StoreSettings = { time_zone: string }

export const storeSettingsKeys = queryKeys("settings")

/**
 * The store's time zone (the plugin's `defaultTimeZone`), in which the pages show times. Until it is
 * known, times show in the browser's zone: every time carries its zone's name, so neither is mislabelled.
 */
export function useStoreTimeZone(): string | undefined {
  return useQuery({
    queryKey: storeSettingsKeys.detail("store"),
    queryFn: () => sdk.client.fetch<StoreSettings>("/admin/messaging/settings"),
    // set in medusa-config: it changes only with a restart
    staleTime: Infinity,
  }).data?.time_zone
}
