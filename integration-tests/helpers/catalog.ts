import type { DemoStore } from "../app/src/scripts/seed-demo-store"

/** A published product with one variant ("L"), in the demo store's sales channel, made through the admin API. */
export async function createProduct(
  api: any,
  admin: { headers: Record<string, string> },
  store: DemoStore,
  { title, manage_inventory = false }: { title: string; manage_inventory?: boolean }
): Promise<{ id: string; handle: string; title: string; variants: { id: string }[] }> {
  const [{ id: profileId }] = (await api.get("/admin/shipping-profiles", admin)).data.shipping_profiles
  const handle = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Date.now()}`
  const { product } = (
    await api.post(
      "/admin/products",
      {
        title,
        handle,
        status: "published",
        shipping_profile_id: profileId,
        options: [{ title: "Taille", values: ["L"] }],
        variants: [{ title: "L", options: { Taille: "L" }, manage_inventory, prices: [{ amount: 79, currency_code: "eur" }] }],
        sales_channels: [{ id: store.sales_channel_id }],
      },
      admin
    )
  ).data
  return product
}
