import { z } from "zod"
import { conversationOptionsSchema } from "./conversations/options"
import { isTimeZone } from "./time-zone"
import { marketingRules } from "./sending-rules/rules"
import { DEFAULT_MAX_VARIABLE_LENGTH } from "./templates/cap-variables"

const VERIFICATION_DEFAULTS = {
  codeTtlMinutes: 10,
  maxAttempts: 5,
  maxCodesPerNumberPerHour: 3,
  maxTextsPerNumberPerDay: 3,
  maxCodesPerHour: 200,
  maxWrongCodesPerNumberPerDay: 10,
}

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "expected a two-letter ISO 3166-1 country code such as \"FR\" or \"US\"")
  .transform((code) => code.toUpperCase())

const hhmm = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time "HH:MM" (00:00 to 24:00)')

const regionKey = z
  .string()
  .regex(/^([A-Z]{2}(-[A-Z]{2})?|default)$/, 'expected a country code ("FR"), a US state ("US-FL") or "default"')

/** A store's change to the quiet hours and daily cap of one region (see README, "Sending rules"). */
const quietHoursOverride = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1).optional(),
    start: hhmm.optional(),
    end: hhmm.optional(),
    holidays: z.enum(["FR"]).nullable().optional(),
    maxPer24h: z.number().int().min(1).nullable().optional(),
  })
  .strict()

export { isTimeZone }

const prices = z.record(regionKey, z.number().min(0))

/** A host name ("shop.example.com"), or "*.example.com" for all its subdomains. */
const allowedHost = z
  .string()
  .regex(/^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/, 'expected a host name such as "blog.example.com" or "*.example.com"')

/** A store's defaults for one automation; the admin's choices (Settings → SMS & RCS) override them. */
const automation = z
  .object({
    enabled: z.boolean().optional(),
    /** Minutes between the event and the text (for abandoned carts: minutes of inactivity). */
    delayMinutes: z.number().int().min(0).max(10_080).optional(),
    /** Win-back: days without an order before the text, and between two texts. */
    periodDays: z.number().int().min(1).max(3_650).optional(),
    /** Abandoned carts: carts idle longer than this are left alone. */
    maxAgeHours: z.number().int().min(1).max(720).optional(),
    /** Price drop: the smallest drop, in percent of the price seen before, that is announced (default 10). */
    minDropPercent: z.number().min(1).max(90).optional(),
  })
  .strict()

/** Any Medusa event sent as a template (see README, "Your own events"). */
const eventMapping = z
  .object({
    template: z.string().regex(/^[a-z0-9_]+$/, "expected a template key of lowercase letters, digits and _"),
    /** What the event is about; its phone, name and locale come from there. Unset: the event's prefix. */
    resource: z.enum(["order", "customer", "cart"]).optional(),
    /** Field of the event's data holding the resource's id. Unset: `<resource>_id`, then `id`. */
    idField: z.string().min(1).optional(),
    purpose: z.enum(["transactional", "marketing"]).default("transactional"),
    delayMinutes: z.number().int().min(0).max(10_080).default(0),
  })
  .strict()

/** One entry of the `events` option, as parsed. */
export type EventMappingOption = z.output<typeof eventMapping>

const eventName = z.string().regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/, 'expected an event name such as "order.return_requested"')

/** The resource an event is about, from its mapping or its name. */
export function eventResource(event: string, mapping: { resource?: "order" | "customer" | "cart" }) {
  if (mapping.resource) return mapping.resource
  const prefix = event.split(".")[0]
  return prefix === "order" || prefix === "customer" || prefix === "cart" ? prefix : undefined
}

/** The opt-out mention every marketing SMS carries (CTIA; CNIL's "STOP SMS" for France). */
export const DEFAULT_OPT_OUT_TEXT: Record<string, string> = {
  en: "Reply STOP to opt out",
  fr: "STOP SMS : répondez STOP",
}

/** Which roles the options give a gateway: the SMS gateway (`provider`), the RCS one (`rcs.provider`). */
export type GatewayUse = { sms: boolean; rcs: boolean }

/** A problem with a gateway's options, at a path under its key. */
export type OptionProblem = { path: (string | number)[]; message: string }

/**
 * What the plugin options need to know of a gateway. The gateways themselves live in src/providers (its
 * registry passes them in): lib names none of them.
 */
export type GatewayOptions = {
  /** Its name in `provider` / `rcs.provider`, and the key of its own options. */
  readonly id: string
  readonly channels: readonly ("sms" | "rcs")[]
  /** The schema of `options[id]`: optional, or with a default. */
  readonly options: z.ZodType
  optionProblems?(use: GatewayUse, options: any): OptionProblem[]
}

/** The ids of the gateways that can send on a channel. */
type GatewayIds<G, C extends string> = G extends { readonly id: infer Id; readonly channels: readonly (infer Cs)[] }
  ? C extends Cs
    ? Id & string
    : never
  : never

/** Each gateway's options under its id. */
type GatewayShape<G extends GatewayOptions> = { [K in G as K["id"]]: K["options"] }

/** What the options' own cross-checks read. */
type CheckedOptions = Record<string, unknown> & {
  provider: string
  rcs: { provider?: string }
  events: Record<string, z.output<typeof eventMapping>>
}

/**
 * The choices of `provider` / `rcs.provider`: the default gateway first, then by name, so that the error
 * listing them reads the same wherever a gateway's line sits in the registry.
 */
const idsFor = <Id extends string>(gateways: readonly GatewayOptions[], channel: "sms" | "rcs", defaultId: string) =>
  gateways
    .filter((gateway) => gateway.channels.includes(channel))
    .map((gateway) => gateway.id)
    .sort((a, b) => (a === defaultId ? -1 : b === defaultId ? 1 : a < b ? -1 : a > b ? 1 : 0)) as [Id, ...Id[]]

/**
 * The plugin's options, as written under `plugins: [{ resolve: "medusa-plugin-sms-rcs", options }]`, with
 * the options of the gateways given (src/providers/registry.ts gives the registered ones, in its order).
 * Every option has a default, so the plugin runs with none (the default gateway, Redis from the project).
 */
export function pluginOptionsSchema<const G extends readonly GatewayOptions[]>(
  gateways: G,
  defaultProvider: GatewayIds<G[number], "sms">
) {
  type SmsId = GatewayIds<G[number], "sms">
  type RcsId = GatewayIds<G[number], "rcs">
  const gatewayShape = Object.fromEntries(gateways.map((gateway) => [gateway.id, gateway.options])) as GatewayShape<G[number]>
  return z
    .object({
      /** Which gateway sends SMS. `sandbox` delivers to nowhere and reports delivery like a real one. */
      provider: z.enum(idsFor<SmsId>(gateways, "sms", defaultProvider)).default(defaultProvider),
      /** Each gateway's own options, under its id (`sandbox`, `twilio`, `rbm` …). */
      ...gatewayShape,
      /**
       * RCS (see README, "RCS and SMS fallback"): with `provider` set, a template's RCS variant is sent as
       * RCS to phones that can receive it, and as SMS to the others; an RCS message that fails or is not
       * delivered within `ttlSeconds` is revoked and replaced by its SMS text. Unset: SMS only.
       */
      rcs: z
        .object({
          provider: z.enum(idsFor<RcsId>(gateways, "rcs", defaultProvider)).optional(),
          /** How long an RCS message may wait for the phone before the SMS replaces it. */
          ttlSeconds: z.number().int().min(5).max(14 * 86_400).default(3_600),
          /** How long a capability answer is trusted: "capable" and "not capable" (a phone may turn RCS on). */
          capabilityCacheHours: z
            .object({
              capable: z.number().int().min(1).max(744).default(168),
              notCapable: z.number().int().min(1).max(744).default(24),
            })
            .strict()
            .default({ capable: 168, notCapable: 24 }),
          /** Replace a failed or expired RCS message by an SMS (off: it stays failed/expired). */
          smsFallback: z.boolean().default(true),
        })
        .strict()
        .default({ ttlSeconds: 3_600, capabilityCacheHours: { capable: 168, notCapable: 24 }, smsFallback: true }),
      /** Country for phone numbers written without their international prefix, when the address has none. */
      defaultCountry: countryCode.optional(),
      /** Only numbers of these countries are messaged (guards against SMS pumping). Unset: any country. */
      allowedCountries: z.array(countryCode).min(1).optional(),
      /** Locale used when neither the order nor the customer has one. Unset: the store's first locale, then "en". */
      defaultLocale: z.string().min(2).optional(),
      /** The storefront's address, for links in texts (welcome, win-back, cart recovery). */
      storefrontUrl: z.string().regex(/^https?:\/\/[^/]+/, "expected the storefront's URL, e.g. https://shop.example.com").optional(),
      /**
       * Where an abandoned-cart text sends the shopper; `{cart_id}` is replaced by the cart's id.
       * Unset: `{storefrontUrl}/cart?cart_id={cart_id}`.
       */
      cartRecoveryUrl: z
        .string()
        .regex(/^https?:\/\/\S*\{cart_id\}/, 'expected a URL containing "{cart_id}", e.g. https://shop.example.com/cart/recover/{cart_id}')
        .optional(),
      /**
       * A product's page, for back-in-stock and browse-abandonment texts; `{handle}` is replaced by the product's handle.
       * Unset: `{storefrontUrl}/products/{handle}`.
       */
      productUrl: z
        .string()
        .regex(/^https?:\/\/\S*\{handle\}/, 'expected a URL containing "{handle}", e.g. https://shop.example.com/fr/products/{handle}')
        .optional(),
      /**
       * Where a review request sends the shopper; `{handle}` is replaced by the handle of the order's first
       * product, `{order_id}` by the order's id. Unset: the product's page (`productUrl`, else
       * `{storefrontUrl}/products/{handle}`).
       */
      reviewUrl: z
        .string()
        .regex(/^https?:\/\/\S*\{(handle|order_id)\}/, 'expected a URL containing "{handle}" or "{order_id}", e.g. https://shop.example.com/reviews/{order_id}')
        .optional(),
      /** Name shown in messages. Unset: the Medusa store's name. */
      storeName: z.string().min(1).optional(),
      /** Redis for the dispatch queue. Unset: `projectConfig.redisUrl`, then `REDIS_URL`, then redis://localhost:6379. */
      redisUrl: z.string().regex(/^rediss?:\/\//, "expected a redis:// or rediss:// URL").optional(),
      /** BullMQ queue name (no colon: BullMQ uses it as a key separator). */
      queueName: z.string().regex(/^[^:\s]+$/, "expected a name without spaces or colons").default("sms-rcs-dispatch"),
      /**
       * Sending pace of the provider, shared by all worker processes: SMS segments per second, with an
       * optional burst. Unset: as fast as the provider takes them (a provider's 429 still slows the queue).
       */
      rateLimit: z
        .object({
          segmentsPerSecond: z.number().positive().max(100_000),
          burst: z.number().int().min(1).max(1_000_000).optional(),
        })
        .strict()
        .optional(),
      /** How many messages one worker process sends at once. */
      concurrency: z.number().int().min(1).max(500).default(20),
      /**
       * At most this many in `shared` mode (Medusa's default), where the worker shares its process and event
       * loop with the store API: fewer jobs in hand means shorter bursts of work between two HTTP requests.
       * With a provider answering in ~200 ms, 10 in hand send ~50 messages/s, the most a shared process
       * should (docs/production.md); `worker` processes use `concurrency`.
       */
      sharedConcurrency: z.number().int().min(1).max(500).default(10),
      retry: z
        .object({
          /** Attempts for a send that failed in a way the provider says is safe to retry (429, 5xx not sent). */
          attempts: z.number().int().min(1).max(30).default(8),
          /** First backoff delay; each later one doubles. */
          backoffMs: z.number().int().min(100).max(3_600_000).default(2_000),
        })
        .strict()
        .default({ attempts: 8, backoffMs: 2_000 }),
      /** Per-region changes to the quiet hours and caps of marketing messages (defaults: US, US-FL, FR, default). */
      quietHours: z.record(regionKey, quietHoursOverride).optional(),
      /** At most `max` marketing messages per phone in `hours`, in every region (on top of legal caps). */
      frequencyCap: z
        .object({ max: z.number().int().min(1), hours: z.number().int().min(1).max(720) })
        .strict()
        .optional(),
      /** Time zone for quiet hours when the recipient's cannot be told from the order. */
      defaultTimeZone: z.string().refine(isTimeZone, "expected an IANA time zone such as \"Europe/Paris\"").default("UTC"),
      /** Replace typographic quotes, dashes, ellipses, no-break spaces … by their GSM-7 look-alikes before counting and sending. */
      smartEncoding: z.boolean().default(false),
      /** Prices to estimate each message's cost: per SMS segment and per RCS message, by country or "default". */
      pricing: z
        .object({
          currency: z.string().regex(/^[A-Za-z]{3}$/, "expected an ISO 4217 code such as \"EUR\"").transform((c) => c.toUpperCase()),
          sms: prices.default({}),
          rcs: prices.default({}),
          /** Per MMS (a text with an image, US and Canada), whatever its length. */
          mms: prices.default({}),
        })
        .strict()
        .optional(),
      /**
       * How many proxies in front of Medusa (load balancer, CDN) append to X-Forwarded-For: the client's
       * address for the storefront's limits and the consent proof is read that many hops from the right.
       * 0: the TCP peer's address, whatever headers the client sends.
       */
      trustedProxyHops: z.number().int().min(0).max(10).default(0),
      /** Two-way conversations: automatic answers, hand-off, text-to-join (see README, "Conversations"). */
      conversations: conversationOptionsSchema,
      consent: z
        .object({
          /** Answer STOP, START and HELP texts (turn off if the provider already answers them). */
          replyToKeywords: z.boolean().default(true),
          /** How shoppers reach the store, in the HELP answer (an email, a URL, a phone). */
          helpContact: z.string().min(1).optional(),
          /** The message frequency the HELP answer states. */
          messageFrequency: z.string().min(1).default("Msg frequency varies"),
          /** Marketing opt-ins from the storefront complete only when the shopper replies YES. */
          doubleOptIn: z.boolean().default(true),
          /** How long a double opt-in request waits for its YES. */
          doubleOptInTtlHours: z.number().int().min(1).max(720).default(72),
          /** At most one "reply YES" text per number in this many hours, however often its opt-in is asked for. */
          optInCooldownHours: z.number().int().min(1).max(720).default(24),
          /** The code that proves a shopper holds a number before the storefront changes its transactional consent. */
          verification: z
            .object({
              codeTtlMinutes: z.number().int().min(1).max(60).default(10),
              maxAttempts: z.number().int().min(1).max(10).default(5),
              maxCodesPerNumberPerHour: z.number().int().min(1).max(10).default(3),
              /** Codes and "reply YES" asks together per number per 24 h: a stranger cannot make a number a text pager. */
              maxTextsPerNumberPerDay: z.number().int().min(1).max(20).default(3),
              /** Codes the whole store texts per hour, whatever numbers and addresses ask. */
              maxCodesPerHour: z.number().int().min(1).default(200),
              /** Wrong codes per number per 24 h over all its verifications: new codes do not buy new guesses. */
              maxWrongCodesPerNumberPerDay: z.number().int().min(1).max(50).default(10),
            })
            .strict()
            .default(VERIFICATION_DEFAULTS),
          /** Storefront opt-in requests allowed per IP address and per phone prefix (number less its last 4 digits), per hour. */
          storefrontLimits: z
            .object({
              perIpPerHour: z.number().int().min(1).default(10),
              perPrefixPerHour: z.number().int().min(1).default(20),
              /**
               * Opt-outs per address per hour: far above the opt-in limit, since behind a load balancer with
               * `trustedProxyHops: 0` every shopper shares one address, and one client must not block everyone's opt-out.
               */
              optOutPerIpPerHour: z.number().int().min(1).default(1000),
            })
            .strict()
            .default({ perIpPerHour: 10, perPrefixPerHour: 20, optOutPerIpPerHour: 1000 }),
          /** Opt-out mention appended to marketing texts that lack one, per locale (language or full tag). */
          optOutText: z.record(z.string(), z.string().min(1)).default(DEFAULT_OPT_OUT_TEXT),
        })
        .strict()
        .default({
          replyToKeywords: true,
          messageFrequency: "Msg frequency varies",
          doubleOptIn: true,
          doubleOptInTtlHours: 72,
          optInCooldownHours: 24,
          verification: VERIFICATION_DEFAULTS,
          storefrontLimits: { perIpPerHour: 10, perPrefixPerHour: 20, optOutPerIpPerHour: 1000 },
          optOutText: DEFAULT_OPT_OUT_TEXT,
        }),
      /**
       * Tracked links: every URL in a text (and every RCS open-URL button) becomes `{baseUrl}/r/{code}`.
       * Unset `baseUrl`: Twilio's `publicUrl`, then `MEDUSA_BACKEND_URL`; with none, links are sent as written.
       */
      tracking: z
        .object({
          enabled: z.boolean().default(true),
          baseUrl: z.string().regex(/^https?:\/\/[^/]+/, "expected the public URL of this Medusa server, e.g. https://shop.example.com").optional(),
          /** After this many days a link sends the shopper to the store's home page instead. */
          expireAfterDays: z.number().int().min(1).max(3_650).default(90),
          /** The query parameter carrying the code to the storefront, for the cart. */
          refParam: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "expected a query parameter name").default("sms_rcs_ref"),
          /**
           * Hosts links may be tracked to, besides the storefront, the cart-recovery page and the links the
           * plugin fills in (a shipment's tracking page): a URL to any other host is sent as written.
           */
          allowedHosts: z.array(allowedHost).max(100).default([]),
        })
        .strict()
        .default({ enabled: true, expireAfterDays: 90, refParam: "sms_rcs_ref", allowedHosts: [] }),
      /** Template rendering (see docs/templates.md). */
      templates: z
        .object({
          /** Longest value a variable may have, in characters; longer ones (a 100 KB first name) are cut before rendering. */
          maxVariableLength: z.number().int().min(1).max(1_600).default(DEFAULT_MAX_VARIABLE_LENGTH),
        })
        .strict()
        .default({ maxVariableLength: DEFAULT_MAX_VARIABLE_LENGTH }),
      /** Reports (analytics, segment counts, attribution recompute): how long one SQL statement may run. */
      reports: z
        .object({
          statementTimeoutMs: z.number().int().min(100).max(600_000).default(15_000),
        })
        .strict()
        .default({ statementTimeoutMs: 15_000 }),
      /** Which message an order is credited to: the last touch inside these windows (see README, "Attribution"). */
      attribution: z
        .object({
          clickWindowHours: z.number().int().min(1).max(2_160).default(120),
          deliveryWindowHours: z.number().int().min(0).max(720).default(24),
          readWindowHours: z.number().int().min(0).max(720).default(24),
        })
        .strict()
        .default({ clickWindowHours: 120, deliveryWindowHours: 24, readWindowHours: 24 }),
      /** Defaults of each automation (see README, "Automations"); the admin's settings override them. */
      automations: z
        .object({
          order_placed: automation.optional(),
          order_fulfilled: automation.optional(),
          order_shipped: automation.optional(),
          order_delivered: automation.optional(),
          order_canceled: automation.optional(),
          return_received: automation.optional(),
          order_refunded: automation.optional(),
          welcome: automation.optional(),
          abandoned_cart: automation.optional(),
          win_back: automation.optional(),
          back_in_stock: automation.optional(),
          browse_abandonment: automation.optional(),
          birthday: automation.optional(),
          price_drop: automation.optional(),
          review_request: automation.optional(),
        })
        .strict()
        .default({}),
      /**
       * The birthday automation (docs/automations.md, "Birthday"): where the date is kept (customer
       * `metadata[metadataKey]`, "YYYY-MM-DD" or "MM-DD", set by the storefront's
       * `POST /store/messaging/birthday` or your own code), how many days before it the text goes, and
       * from which hour in the recipient's zone.
       */
      birthday: z
        .object({
          metadataKey: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "expected a metadata key such as birthday").default("birthday"),
          daysBefore: z.number().int().min(0).max(30).default(0),
          hour: z.number().int().min(0).max(23).default(10),
        })
        .strict()
        .default({ metadataKey: "birthday", daysBefore: 0, hour: 10 }),
      /** Your own events sent as templates, e.g. `{ "order.return_requested": { template: "return_requested" } }`. */
      events: z.record(eventName, eventMapping).default({}),
    })
    .strict()
    .superRefine((parsed, ctx) => {
      // generic over the gateways, the parsed type is opaque in here: these are the fields read
      const options = parsed as unknown as CheckedOptions
      for (const gateway of gateways) {
        const use = { sms: options.provider === gateway.id, rcs: options.rcs.provider === gateway.id }
        for (const problem of gateway.optionProblems?.(use, options[gateway.id]) ?? []) {
          ctx.addIssue({ code: "custom", path: [gateway.id, ...problem.path], message: problem.message })
        }
      }
      for (const [event, mapping] of Object.entries(options.events)) {
        if (!eventResource(event, mapping)) {
          ctx.addIssue({
            code: "custom",
            path: ["events", event, "resource"],
            message: 'cannot be told from the event\'s name: set "order", "customer" or "cart"',
          })
        }
      }
    })
}

export class PluginOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `medusa-plugin-sms-rcs: invalid plugin options in medusa-config:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n")
    )
    this.name = "PluginOptionsError"
  }
}

/** Validates options at boot against a `pluginOptionsSchema`; the error names each wrong option and what is expected. */
export function parsePluginOptionsWith<S extends z.ZodType<{ quietHours?: Parameters<typeof marketingRules>[0] }>>(schema: S, input: unknown): z.output<S> {
  // Medusa adds its own `database` settings to every module's options; they are not ours to check.
  const { database: _medusaDatabase, ...options } = (input ?? {}) as Record<string, unknown>
  const result = schema.safeParse(options)
  if (result.success) {
    try {
      marketingRules(result.data.quietHours)
    } catch (error) {
      throw new PluginOptionsError([(error as Error).message])
    }
    return result.data
  }
  throw new PluginOptionsError(
    result.error.issues.map((issue) => {
      const path = issue.path.join(".") || "(options)"
      if (issue.code === "unrecognized_keys") {
        const where = issue.path.length ? ` in "${path}"` : ""
        return `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}${where}`
      }
      if (issue.code === "invalid_key" && issue.issues[0]) {
        return `"${path}": ${issue.issues[0].message}`
      }
      return `"${path}": ${issue.message}`
    })
  )
}
