import { z } from "zod"

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "expected a two-letter ISO 3166-1 country code such as \"FR\" or \"US\"")
  .transform((code) => code.toUpperCase())

/**
 * The plugin's options, as written under `plugins: [{ resolve: "medusa-plugin-sms-rcs", options }]`.
 * Every option has a default, so the plugin runs with none (sandbox provider, Redis from the project).
 */
export const pluginOptionsSchema = z
  .object({
    /** Which gateway sends messages. `sandbox` delivers to nowhere and reports delivery like a real one. */
    provider: z.enum(["sandbox"]).default("sandbox"),
    sandbox: z
      .object({
        /** How long after sending the sandbox reports the message delivered. */
        deliveryDelayMs: z.number().int().min(0).max(600_000).default(1_000),
      })
      .strict()
      .default({ deliveryDelayMs: 1_000 }),
    /** Country for phone numbers written without their international prefix, when the address has none. */
    defaultCountry: countryCode.optional(),
    /** Only numbers of these countries are messaged (guards against SMS pumping). Unset: any country. */
    allowedCountries: z.array(countryCode).min(1).optional(),
    /** Locale used when neither the order nor the customer has one. */
    defaultLocale: z.string().min(2).default("en"),
    /** Name shown in messages. Unset: the Medusa store's name. */
    storeName: z.string().min(1).optional(),
    /** Redis for the dispatch queue. Unset: `projectConfig.redisUrl`, then `REDIS_URL`, then redis://localhost:6379. */
    redisUrl: z.string().regex(/^rediss?:\/\//, "expected a redis:// or rediss:// URL").optional(),
    /** BullMQ queue name (no colon: BullMQ uses it as a key separator). */
    queueName: z.string().regex(/^[^:\s]+$/, "expected a name without spaces or colons").default("sms-rcs-dispatch"),
    /** How many messages one worker process sends at once. */
    concurrency: z.number().int().min(1).max(500).default(20),
    retry: z
      .object({
        /** Attempts for a send that failed in a way the provider says is safe to retry (429, 5xx not sent). */
        attempts: z.number().int().min(1).max(30).default(8),
        /** First backoff delay; each later one doubles. */
        backoffMs: z.number().int().min(100).max(3_600_000).default(2_000),
      })
      .strict()
      .default({ attempts: 8, backoffMs: 2_000 }),
    automations: z
      .object({
        order_placed: z
          .object({ enabled: z.boolean().default(true) })
          .strict()
          .default({ enabled: true }),
      })
      .strict()
      .default({ order_placed: { enabled: true } }),
  })
  .strict()

export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>
export type PluginOptions = z.output<typeof pluginOptionsSchema>

export class PluginOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `medusa-plugin-sms-rcs: invalid plugin options in medusa-config:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n")
    )
    this.name = "PluginOptionsError"
  }
}

/** Validates options at boot; the error names each wrong option and what is expected. */
export function parsePluginOptions(input: unknown): PluginOptions {
  // Medusa adds its own `database` settings to every module's options; they are not ours to check.
  const { database: _medusaDatabase, ...options } = (input ?? {}) as Record<string, unknown>
  const result = pluginOptionsSchema.safeParse(options)
  if (result.success) {
    return result.data
  }
  throw new PluginOptionsError(
    result.error.issues.map((issue) => {
      const path = issue.path.join(".") || "(options)"
      if (issue.code === "unrecognized_keys") {
        const where = issue.path.length ? ` in "${path}"` : ""
        return `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}${where}`
      }
      return `"${path}": ${issue.message}`
    })
  )
}
