import type { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import IORedis from "ioredis"
import { parsePluginOptions, type PluginOptionsInput } from "../../../providers"
import { registerEventMappings } from "../../../lib/event-mappings"

const DEFAULT_REDIS_URL = "redis://localhost:6379"

/** The address without its password, for error messages and logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) {
      parsed.password = "***"
    }
    return parsed.toString()
  } catch {
    return url
  }
}

/**
 * Validates the plugin options and opens the Redis connection of the dispatch queue. Both fail the
 * boot with a message that says what is wrong and where, rather than at the first order.
 */
export default async function connectQueueLoader(
  { container, options }: LoaderOptions<PluginOptionsInput>,
  moduleDeclaration?: { worker_mode?: "shared" | "worker" | "server" }
): Promise<void> {
  const pluginOptions = parsePluginOptions(options)
  registerEventMappings(pluginOptions.events)

  const configModule = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE, { allowUnregistered: true }) as
    | { projectConfig?: { redisUrl?: string } }
    | undefined
  const redisUrl =
    pluginOptions.redisUrl ?? configModule?.projectConfig?.redisUrl ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL

  const connection = new IORedis(redisUrl, {
    // Required by BullMQ workers: a command waits for Redis to come back instead of failing.
    maxRetriesPerRequest: null,
    lazyConnect: true,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  })
  // ioredis rejects with "Connection is closed"; the first socket error says why (ECONNREFUSED …).
  let cause: Error | undefined
  const keepCause = (error: Error) => (cause ??= error)
  connection.on("error", keepCause)
  try {
    await connection.connect()
    await connection.ping()
  } catch (error) {
    connection.disconnect()
    throw new Error(
      `medusa-plugin-sms-rcs: cannot reach Redis at ${redact(redisUrl)} (${(cause ?? (error as Error)).message}). ` +
        `The dispatch queue needs Redis 7: start it (see the README, "Install it in your Medusa app") or set the plugin's ` +
        `"redisUrl" option.`
    )
  }

  connection.off("error", keepCause)

  container.register({
    smsRcsOptions: asValue(pluginOptions),
    smsRcsRedis: asValue(connection),
    smsRcsWorkerMode: asValue(moduleDeclaration?.worker_mode ?? "shared"),
  })
}
