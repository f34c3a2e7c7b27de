import { randomBytes } from "node:crypto"
import type IORedis from "ioredis"

/**
 * What the module keeps in Redis besides the queue: per-installation secrets, the storefront's abuse
 * counters and the webhook events already processed. Shared by every process of the installation.
 */
export class RedisKeys {
  private readonly secrets = new Map<string, string>()

  constructor(
    private readonly redis: IORedis,
    /** `queueName`: the prefix of the installation's keys. */
    private readonly prefix: string
  ) {}

  /**
   * A random key per installation and use, made once and kept in Redis (never in the database);
   * `remember`: kept in this process too (the click hash, asked on every tap).
   */
  async secret(use: string, remember = false): Promise<string> {
    const known = remember ? this.secrets.get(use) : undefined
    if (known) return known
    const key = `sms-rcs:${use}-secret`
    await this.redis.set(key, randomBytes(32).toString("hex"), "NX")
    const value = (await this.redis.get(key))!
    if (remember) this.secrets.set(use, value)
    return value
  }

  /**
   * Counts one hit against `key` in a fixed one-hour window; false once more than `max` hits were
   * counted (the storefront's abuse guard).
   */
  async allowHit(key: string, max: number): Promise<boolean> {
    const redisKey = `${this.prefix}:abuse:${key}`
    const [[, count]] = (await this.redis.multi().incr(redisKey).expire(redisKey, 3600, "NX").exec()) as [[null, number]]
    return count <= max
  }

  /** Whether a provider's webhook event was processed already (a replay): remembered for 7 days. */
  async isDuplicateWebhook(provider: string, eventId: string): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}:webhook:${provider}:${eventId}`)) === 1
  }

  /**
   * Remembers a processed webhook event. Marked only once processed, so a request that failed half-way
   * is processed again when the provider retries it (every step of it is idempotent anyway).
   */
  async markWebhookSeen(provider: string, eventId: string): Promise<void> {
    await this.redis.set(`${this.prefix}:webhook:${provider}:${eventId}`, "1", "EX", 7 * 86_400)
  }
}
