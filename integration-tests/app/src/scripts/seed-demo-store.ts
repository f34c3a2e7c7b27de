import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomersWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

import { createAdminUser } from "./admin-user"

export type DemoStore = {
  store_name: string
  publishable_key: string
  region_id: string
  sales_channel_id: string
  variant_id: string
  customer: { id: string; email: string; phone: string; first_name: string }
}

/**
 * A small French store: one region (EUR), one shipping option, one product and a customer with a
 * phone. Used by the HTTP tests, the browser test and `npm run demo`.
 */
export async function seedDemoStore(container: MedusaContainer): Promise<DemoStore> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeModule = container.resolve(Modules.STORE)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  const storeName = "Maison Demo"
  const [store] = await storeModule.listStores()

  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Webshop" }] } })

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: storeName,
        supported_currencies: [{ currency_code: "eur", is_default: true }],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "France", currency_code: "eur", countries: ["fr"], payment_providers: ["pp_system_default"] }],
    },
  })
  await createTaxRegionsWorkflow(container).run({ input: [{ country_code: "fr", provider_id: "tp_system" }] })

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Paris warehouse", address: { city: "Paris", country_code: "FR", address_1: "1 rue de Rivoli" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannel.id] } })

  const {
    result: [profile],
  } = await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } })

  const fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
    name: "France delivery",
    type: "shipping",
    service_zones: [{ name: "France", geo_zones: [{ country_code: "fr", type: "country" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Colissimo",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "2-3 days", code: "standard" },
        prices: [
          { currency_code: "eur", amount: 5 },
          { region_id: region.id, amount: 5 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })

  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Chemise en lin",
          handle: "chemise-en-lin",
          status: "published",
          shipping_profile_id: profile.id,
          options: [{ title: "Taille", values: ["M"] }],
          variants: [
            {
              title: "M",
              sku: "LINEN-M",
              options: { Taille: "M" },
              manage_inventory: false,
              prices: [{ amount: 49.9, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        },
      ],
    },
  })

  const customerInput = { email: "camille@example.com", first_name: "Camille", last_name: "Martin", phone: "+33612345678" }
  const {
    result: [customer],
  } = await createCustomersWorkflow(container).run({ input: { customersData: [customerInput] } })

  return {
    store_name: storeName,
    publishable_key: apiKey.token,
    region_id: region.id,
    sales_channel_id: salesChannel.id,
    variant_id: product.variants[0].id,
    customer: { id: customer.id, email: customerInput.email, phone: customerInput.phone, first_name: customerInput.first_name },
  }
}

/** The demo store of an earlier run, if this database has one. */
export async function findDemoStore(container: MedusaContainer): Promise<DemoStore | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["token", "sales_channels.id"],
    filters: { title: "Storefront", type: "publishable" },
  })
  if (!keys.length) return undefined
  const [{ data: stores }, { data: regions }, { data: variants }, { data: customers }] = await Promise.all([
    query.graph({ entity: "store", fields: ["name"] }),
    query.graph({ entity: "region", fields: ["id"], filters: { name: "France" } }),
    query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: "LINEN-M" } }),
    query.graph({ entity: "customer", fields: ["id", "email", "phone", "first_name"], filters: { email: "camille@example.com" } }),
  ])
  return {
    store_name: stores[0].name,
    publishable_key: keys[0].token,
    region_id: regions[0].id,
    sales_channel_id: (keys[0] as any).sales_channels[0].id,
    variant_id: variants[0].id,
    customer: customers[0] as DemoStore["customer"],
  }
}

export const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" }

/**
 * `medusa exec ./src/scripts/seed-demo-store.ts`: seeds the store and its admin user unless an earlier
 * run did, and prints what the demo needs as one JSON line.
 */
export default async function seedDemoStoreScript({ container }: ExecArgs) {
  let store = await findDemoStore(container)
  if (!store) {
    store = await seedDemoStore(container)
    await createAdminUser(container, DEMO_ADMIN.email, DEMO_ADMIN.password)
  }
  process.stdout.write(`\nDEMO_STORE=${JSON.stringify({ ...store, admin: DEMO_ADMIN })}\n`)
}
