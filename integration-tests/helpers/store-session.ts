import { seedDemoStore, type DemoStore } from "../app/src/scripts/seed-demo-store"
import { createAdminUser } from "./admin-user"
import type { Http } from "./storefront"

/**
 * For an HTTP test: the seeded store, an admin's auth headers, and a storefront client over the test
 * runner's axios instance.
 */
export async function openStoreSession(api: any, container: any): Promise<{ store: DemoStore; admin: { headers: Record<string, string> }; http: Http }> {
  const store = await seedDemoStore(container)
  const { email, password } = await createAdminUser(container)
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return {
    store,
    admin: { headers: { authorization: `Bearer ${data.token}` } },
    http: {
      get: async (path, headers) => (await api.get(path, { headers })).data,
      post: async (path, body, headers) => (await api.post(path, body, { headers })).data,
    },
  }
}
