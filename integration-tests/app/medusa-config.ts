import path from "path"
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL || "redis://localhost:6379"
const databaseUrl =
  process.env.DATABASE_URL ||
  `postgres://${process.env.DB_USERNAME || "postgres"}:${process.env.DB_PASSWORD || ""}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/${process.env.DB_NAME || "medusa_sms_rcs_demo"}`

/** The Twilio provider, pointed at the local fake Twilio server, when a test asks for it. */
const twilio =
  process.env.SMS_RCS_PROVIDER === "twilio"
    ? {
        provider: "twilio" as const,
        twilio: {
          accountSid: process.env.TWILIO_ACCOUNT_SID!,
          authToken: process.env.TWILIO_AUTH_TOKEN!,
          from: process.env.TWILIO_FROM!,
          publicUrl: process.env.SMS_RCS_PUBLIC_URL!,
          apiBaseUrl: process.env.TWILIO_API_BASE_URL!,
          timeoutMs: Number(process.env.TWILIO_TIMEOUT_MS ?? 5000),
        },
      }
    : {}

/** RCS through Google RBM, pointed at the local fake RBM server, when a test asks for it. */
const rbm =
  process.env.SMS_RCS_RCS_PROVIDER === "rbm"
    ? {
        rcs: { provider: "rbm" as const, ttlSeconds: Number(process.env.SMS_RCS_RCS_TTL_SECONDS ?? 3600) },
        rbm: {
          agentId: process.env.RBM_AGENT_ID!,
          serviceAccountKey: process.env.RBM_SERVICE_ACCOUNT_KEY!,
          clientToken: process.env.RBM_CLIENT_TOKEN!,
          apiBaseUrl: process.env.RBM_API_BASE_URL!,
          tokenUrl: process.env.RBM_TOKEN_URL!,
          timeoutMs: 5000,
        },
      }
    : {}
/** RCS for every template with an RCS variant through the sandbox (same gateway as SMS), when a test asks for it. */
const sandboxRcs = process.env.SMS_RCS_RCS_PROVIDER === "sandbox" ? { rcs: { provider: "sandbox" as const } } : {}

/** The hand-off webhook, pointed at a test's local receiver, with retries fast enough for a test, when a test asks for it. */
const handoffWebhook = process.env.SMS_RCS_HANDOFF_WEBHOOK_URL
  ? {
      url: process.env.SMS_RCS_HANDOFF_WEBHOOK_URL,
      secret: process.env.SMS_RCS_HANDOFF_WEBHOOK_SECRET!,
      attempts: 6,
      backoffMs: 300,
      timeoutMs: Number(process.env.SMS_RCS_HANDOFF_WEBHOOK_TIMEOUT_MS ?? 2000),
    }
  : undefined

/** Marketing tests run at any hour: quiet hours off everywhere when a test asks for it. */
const allDay = { days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00", holidays: null, maxPer24h: null }
const quietHours = process.env.SMS_RCS_QUIET_HOURS === "off" ? { FR: allDay, US: allDay, "US-FL": allDay, default: allDay } : undefined

/** The node_modules folder a package is installed in, as Node resolves it from this app. */
function packagesFolder(name: string): string {
  const manifest = require.resolve(`${name}/package.json`, { paths: [__dirname] })
  return path.resolve(path.dirname(manifest), ...name.split("/").map(() => ".."))
}

/**
 * The app the plugin's HTTP tests, browser test and demo run: a plain Medusa 2.21 app that installs the
 * plugin by its package name, as a store would (node_modules/medusa-plugin-sms-rcs links to the repo).
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
    // This app installs nothing of its own: its packages resolve from the repository's node_modules, outside
    // the folder Vite's dev server serves files from (`server.fs.allow` is the app's package root). The
    // dashboard's CSS asks for its Inter and Roboto Mono fonts by file path (/app/@fs/…/@medusajs/dashboard/…),
    // which Vite then refused with a 403. A store's app has them in its own node_modules: allowing the folder
    // the dashboard is installed in serves them as it would there (Vite adds this to its own allow list).
    vite: () => ({ server: { fs: { allow: [packagesFolder("@medusajs/dashboard")] } } }),
  },
  plugins: [
    {
      resolve: "medusa-plugin-sms-rcs",
      options: {
        defaultCountry: "FR",
        // the store's zone where a test sets one (campaign schedules, the times the admin shows)
        ...(process.env.SMS_RCS_DEFAULT_TIME_ZONE ? { defaultTimeZone: process.env.SMS_RCS_DEFAULT_TIME_ZONE } : {}),
        storefrontUrl: "http://localhost:8000",
        // the review page where a suite sets one (else review requests link to the product's page)
        ...(process.env.SMS_RCS_REVIEW_URL ? { reviewUrl: process.env.SMS_RCS_REVIEW_URL } : {}),
        quietHours,
        // the README's example of an event of your own sent as a template
        events: { "order.return_requested": { template: "return_requested" } },
        sandbox: { deliveryDelayMs: Number(process.env.SMS_RCS_SANDBOX_DELAY_MS ?? 500) },
        queueName: process.env.SMS_RCS_QUEUE_NAME || "sms-rcs-dispatch",
        retry: { attempts: 5, backoffMs: 500 },
        // the SMS gateway's pace, where a run sets one (the bench's storefront-during-a-campaign figure)
        ...(process.env.SMS_RCS_RATE_LIMIT ? { rateLimit: { segmentsPerSecond: Number(process.env.SMS_RCS_RATE_LIMIT) } } : {}),
        pricing: { currency: "EUR", sms: { FR: 0.045, default: 0.07 }, rcs: { default: 0.03 }, mms: { US: 0.02, CA: 0.025 } },
        // the countries a suite texts besides the store's regions (MMS to the US)
        ...(process.env.SMS_RCS_ALLOWED_COUNTRIES ? { allowedCountries: process.env.SMS_RCS_ALLOWED_COUNTRIES.split(",") } : {}),
        // tracked links only where a test asks for them (the other tests read texts with their links as written)
        // (the tests' campaigns link to the demo shop's site, a host of its own besides the storefront)
        tracking: {
          enabled: !!process.env.SMS_RCS_TRACKING_BASE_URL,
          baseUrl: process.env.SMS_RCS_TRACKING_BASE_URL || undefined,
          allowedHosts: ["shop.example.com"],
        },
        // reports stopped sooner where a test holds a lock to make one overrun
        reports: { statementTimeoutMs: Number(process.env.SMS_RCS_REPORT_TIMEOUT_MS ?? 15_000) },
        consent: {
          helpContact: process.env.SMS_RCS_HELP_CONTACT || undefined,
          storefrontLimits: { perIpPerHour: Number(process.env.SMS_RCS_OPTIN_PER_IP ?? 10), perPrefixPerHour: 20 },
          // a suite that tests single opt-in and the store-wide code limit sets these
          ...(process.env.SMS_RCS_DOUBLE_OPT_IN === "off" ? { doubleOptIn: false } : {}),
          ...(process.env.SMS_RCS_CODES_PER_HOUR ? { verification: { maxCodesPerHour: Number(process.env.SMS_RCS_CODES_PER_HOUR) } } : {}),
        },
        // the birthday text's hour where a suite sets one (0: due all day, whatever the hour the suite runs)
        ...(process.env.SMS_RCS_BIRTHDAY_HOUR ? { birthday: { hour: Number(process.env.SMS_RCS_BIRTHDAY_HOUR) } } : {}),
        // the conversations' options a suite sets: the acknowledgement, the store's responder, the join number
        conversations: {
          ...(process.env.SMS_RCS_ACKNOWLEDGEMENT ? { acknowledgement: { en: process.env.SMS_RCS_ACKNOWLEDGEMENT, fr: `FR: ${process.env.SMS_RCS_ACKNOWLEDGEMENT}` } } : {}),
          ...(process.env.SMS_RCS_RESPONDER ? { responder: process.env.SMS_RCS_RESPONDER } : {}),
          ...(handoffWebhook ? { handoffWebhook } : {}),
          // open every day, all day, unless a suite tests the hours
          businessHours: process.env.SMS_RCS_BUSINESS_HOURS === "weekdays" ? {} : { days: Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, { open: "00:00", close: "24:00" }])) },
          join: { number: "+33612340000" },
        },
        ...twilio,
        ...rbm,
        ...sandboxRcs,
      },
    },
  ],
  modules: [
    { key: Modules.EVENT_BUS, resolve: "@medusajs/event-bus-redis", options: { redisUrl, queueName: process.env.EVENT_BUS_QUEUE_NAME || "medusa-events" } },
    // createNotifications({ channel: "sms" }) goes through the plugin
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      // and the admin's feed (the bell), as Medusa's starter configures it
      options: {
        providers: [
          { resolve: "medusa-plugin-sms-rcs/providers/sms", id: "sms-rcs", options: { channels: ["sms"] } },
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed"], name: "Local Notification Provider" } },
        ],
      },
    },
  ],
})
