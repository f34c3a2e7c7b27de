/**
 * The plugin's react-query keys, one factory per resource, as the dashboard's own `queryKeysFactory`
 * does. Every key starts with "sms-rcs": the plugin shares the dashboard's QueryClient, and a key of its
 * own (`["orders", …]`) would meet the dashboard's. A mutation invalidates `all` of what it changed.
 */
export function queryKeys<R extends string>(resource: R) {
  const all = ["sms-rcs", resource] as const
  return {
    all,
    list: (query: Record<string, unknown> = {}) => [...all, "list", query] as const,
    detail: (id: string) => [...all, "detail", id] as const,
  }
}
