/**
 * `npm run demo` — the plugin end to end on this machine:
 * builds the plugin, creates/migrates the demo database, seeds a store, starts a Medusa app with the
 * plugin, places an order through the store API, ships it, abandons a cart, and prints each text as the
 * shopper receives it. The app then keeps running with its admin at http://localhost:9000/app.
 * `npm run demo -- --once` exits after printing (exit code 1 if a text was not delivered).
 * `npm run demo -- --rcs` sends RCS through a local fake Google RBM (the same one the tests use): the
 * confirmation and the shipping text arrive as rich cards on an RCS phone, the reminder as SMS on a phone
 * without RCS.
 */
import { spawnSync } from "child_process"
import path from "path"
import { httpClient, prepareApp, startApp, appEnv } from "../integration-tests/helpers/app-process"
import { checkServices, ensureDatabase } from "../integration-tests/helpers/services"
import { completeCart, fillCart, placeOrder } from "../integration-tests/helpers/storefront"
import { startFakeRbm } from "../integration-tests/fakes/rbm-server"
import { formatPhoneBubble } from "./phone-bubble"
import { runConversationScene } from "./demo-conversation"
import { runOfferScene } from "./demo-offer"
import { checkAdminFonts } from "./demo-admin-assets"
import { formatRoiTable } from "./roi-table"

const { linkTestApp } = require("./link-test-app")

const ROOT = path.join(__dirname, "..")
const once = process.argv.includes("--once")
const rcs = process.argv.includes("--rcs")
const port = Number(process.env.PORT || 9000)
const dbName = process.env.DEMO_DB_NAME || "medusa_sms_rcs_demo"

const step = (text: string) => console.log(`\n▶ ${text}`)

async function main() {
  step("checking PostgreSQL and Redis")
  await checkServices()

  step("building the plugin (medusa plugin:build)")
  const build = spawnSync(path.join(ROOT, "node_modules", ".bin", "medusa"), ["plugin:build"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
  })
  if (build.status !== 0) throw new Error(`plugin build failed:\n${build.stdout}${build.stderr}`)
  linkTestApp()

  const rbm = rcs ? await startDemoRbm() : null

  step(`preparing the database "${dbName}" (create, migrate, seed)`)
  const created = await ensureDatabase(dbName)
  const env = appEnv(dbName, {
    SMS_RCS_SANDBOX_DELAY_MS: "1500",
    // the abandoned-cart reminder is marketing: shown at any hour here, quiet hours apply in a real store
    SMS_RCS_QUIET_HOURS: "off",
    // links in texts become tracked links served by this app
    SMS_RCS_TRACKING_BASE_URL: `http://localhost:${port}`,
    ...(once ? { MEDUSA_ADMIN_DISABLED: "true" } : {}),
    ...(rbm?.env ?? {}),
  })
  const store = prepareApp(env)
  console.log(`  ${created ? "created" : "reused"} ${dbName}; store "${store.store_name}"`)

  step(`starting Medusa with the plugin on http://localhost:${port} (log: .demo/medusa.log)`)
  const app = await startApp(env, { port, logFile: path.join(ROOT, ".demo", "medusa.log") })
  const stop = async () => {
    await app.stop()
    await rbm?.fake.close()
    process.exit(0)
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)

  try {
    const http = httpClient(app.url)
    step("placing an order through the store API (cart → address with phone → shipping → payment → complete)")
    const order = await placeOrder(http, {
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email: store.customer.email,
      customer: { first_name: store.customer.first_name, last_name: "Martin" },
      phone: "06 12 34 56 78",
    })
    console.log(`  order #${order.display_id} (${order.id})`)

    const { token } = await http.post("/auth/user/emailpass", store.admin)
    const admin = { authorization: `Bearer ${token}` }
    const FINAL = ["delivered", "read", "failed", "skipped", "suppressed", "unknown"]
    const settled = async (filter: string) => {
      let message: any
      for (let i = 0; i < 120; i++) {
        const { messages } = await http.get(`/admin/messaging/messages?${filter}`, admin)
        message = messages[0]
        if (message && FINAL.includes(message.status)) break
        await new Promise((r) => setTimeout(r, 250))
      }
      console.log("\n" + formatPhoneBubble(message, store.store_name))
      return message?.status === "delivered" || message?.status === "read"
    }

    step("waiting for the order confirmation: queued → sent → delivered")
    const results = [await settled(`order_id=${order.id}&template_key=order_confirmation`)]

    step("fulfilling and shipping the order from the admin API, with a tracking label")
    const { order: withItems } = await http.get(`/admin/orders/${order.id}?fields=items.id`, admin)
    const items = withItems.items.map((item: any) => ({ id: item.id, quantity: 1 }))
    await http.post(`/admin/orders/${order.id}/fulfillments`, { items }, admin)
    const { order: fulfilled } = await http.get(`/admin/orders/${order.id}?fields=fulfillments.id`, admin)
    await http.post(
      `/admin/orders/${order.id}/fulfillments/${fulfilled.fulfillments[0].id}/shipments`,
      { items, labels: [{ tracking_number: "6A12345678901", tracking_url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901", label_url: "https://labels.example.com/6A12345678901.pdf" }] },
      admin
    )
    results.push(await settled(`order_id=${order.id}&template_key=order_shipped`))
    {
      // the shopper answers the shipping text (scripts/demo-conversation.ts): "where is my order?", then a person
      const { messages: [shipped] } = await http.get(`/admin/messaging/messages?order_id=${order.id}&template_key=order_shipped`, admin)
      results.push(...(await runConversationScene(http, admin, { phone: shipped.to, inReplyTo: shipped.id, storeName: store.store_name, step })))
    }

    step("a shopper who opted in to offers leaves a cart; the abandoned-cart job runs (delay set to 0 for the demo)")
    const shopperPhone = "+33 6 98 76 54 32"
    await http.post(
      "/admin/messaging/consents",
      { phone: shopperPhone, purpose: "marketing", action: "grant", note: "Demo: opted in at the shop counter" },
      admin
    )
    const cart = await fillCart(http, {
      publishable_key: store.publishable_key,
      region_id: store.region_id,
      variant_id: store.variant_id,
      email: "lea@example.com",
      customer: { first_name: "Léa", last_name: "Durand" },
      phone: shopperPhone,
    })
    const before = (await http.get("/admin/messaging/automations", admin)).automations.find((a: any) => a.key === "abandoned_cart")
    await http.post("/admin/messaging/automations/abandoned_cart", { delay_minutes: 0 }, admin)
    try {
      // the cart's events reach the plugin through the event bus: run until it has seen them
      for (let i = 0; i < 40; i++) {
        const { run } = await http.post("/admin/messaging/automations/abandoned_cart/run", {}, admin)
        if (run.reminded) break
        await new Promise((r) => setTimeout(r, 500))
      }
    } finally {
      await http.post("/admin/messaging/automations/abandoned_cart", { delay_minutes: before?.delay_minutes ?? 60 }, admin)
    }
    results.push(await settled(`cart_id=${cart.id}&template_key=abandoned_cart`))

    step("the shopper taps the link, the storefront puts its code on the cart, and the order is placed")
    const { messages: [reminder] } = await http.get(`/admin/messaging/messages?cart_id=${cart.id}&template_key=abandoned_cart`, admin)
    const link = String(reminder?.body ?? "").match(/https?:\/\/\S+\/r\/[0-9A-Za-z]+/)?.[0]
    if (!link) throw new Error("the reminder carries no tracked link")
    const tap = await fetch(link, { redirect: "manual", headers: { "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148 Safari/604.1" } })
    const landing = new URL(tap.headers.get("location")!)
    console.log(`  ${link} → ${tap.status} ${landing}`)
    const code = landing.searchParams.get("sms_rcs_ref")!
    await http.post("/store/messaging/attribution", { cart_id: cart.id, code }, { "x-publishable-api-key": store.publishable_key })
    const recovered = await completeCart(http, store.publishable_key, cart.id)
    let attribution: any = null
    for (let i = 0; i < 40 && !attribution; i++) {
      ;({ attribution } = await http.get(`/admin/messaging/attribution?order_id=${recovered.id}`, admin))
      if (!attribution) await new Promise((r) => setTimeout(r, 250))
    }
    console.log(
      attribution
        ? `  order #${recovered.display_id} (${recovered.total} ${attribution.currency_code.toUpperCase()}) credited to ${attribution.channel.toUpperCase()} message ${attribution.message_id} (${attribution.template_key}, touch: ${attribution.touch_type})`
        : `  ✘ order #${recovered.display_id} was not attributed`
    )
    results.push(!!attribution)

    results.push(...(await runOfferScene(http, admin, store, step)))

    step("what the texts earned (GET /admin/messaging/analytics?group_by=channel,automation)")
    const report = await http.get("/admin/messaging/analytics?group_by=channel,automation", admin)
    console.log("\n" + formatRoiTable(report))
    const delivered = results.every(Boolean)
    if (once) {
      await app.stop()
      await rbm?.fake.close()
      process.exit(delivered ? 0 : 1)
    }
    step("checking that the admin loads as in a real install (the dashboard's fonts)")
    const fonts = await checkAdminFonts(app.url, path.join(ROOT, "integration-tests", "app"))
    console.log(
      fonts.refused.length
        ? `  ✘ the admin refused ${fonts.refused.join(", ")}: its pages render in a fallback font (see admin.vite in integration-tests/app/medusa-config.ts)`
        : `  ✔ ${fonts.checked} font files served`
    )
    console.log(
      `\nThe app keeps running. Admin: ${app.url}/app  (login ${store.admin.email} / ${store.admin.password})` +
        `\nOpen the order #${order.display_id} to see its texts; Messaging → Conversations for the shopper's questions;` +
        `\nSettings → SMS & RCS for templates, automations and automatic answers.` +
        `\nPress Ctrl-C to stop.`
    )
  } catch (error) {
    await app.stop()
    await rbm?.fake.close()
    throw error
  }
}

/** The fake RBM of the tests, with the demo's RCS phone (the order's), and the app's settings to reach it. */
async function startDemoRbm() {
  step("starting a local fake Google RBM (RCS phone: +33612345678; every other phone has no RCS)")
  const fake = await startFakeRbm({ agentId: "maison-demo", clientToken: "demo-client-token", capable: ["+33612345678"], eventDelayMs: 800 })
  fake.setWebhookUrl(`http://localhost:${port}/hooks/messaging/rbm`)
  const env = {
    SMS_RCS_RCS_PROVIDER: "rbm",
    RBM_AGENT_ID: "maison-demo",
    RBM_SERVICE_ACCOUNT_KEY: JSON.stringify(fake.serviceAccount),
    RBM_CLIENT_TOKEN: "demo-client-token",
    RBM_API_BASE_URL: fake.url,
    RBM_TOKEN_URL: fake.tokenUrl,
  }
  return { fake, env }
}

main().catch((error) => {
  console.error(`\n✘ ${(error as Error).message}`)
  process.exit(1)
})
