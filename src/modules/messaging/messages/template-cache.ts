import type IORedis from "ioredis"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** What composing a message reads of a stored template. */
export type SendableTemplate = {
  id: string
  key: string
  locale: string
  purpose: "transactional" | "marketing"
  sms_body: string
  rcs_payload: Record<string, unknown> | null
  media_url: string | null
}

/** A backstop for a template changed without `templatesChanged()` (a developer's own code writing the table). */
const TTL_MS = 60_000

/**
 * The enabled templates of a key, read once per process and kept until a template is saved: composing an
 * order's text asks Redis for one number (the installation's template version, bumped by every save in any
 * process) instead of PostgreSQL for the rows. A save in one process is seen by the next message composed
 * in every other.
 */
export class TemplateCache {
  private readonly entries = new Map<string, { version: string; at: number; rows: SendableTemplate[] }>()

  constructor(
    private readonly knex: Knex,
    private readonly redis: IORedis,
    /** `queueName`: the prefix of the installation's keys. */
    private readonly prefix: string
  ) {}

  private get versionKey() {
    return `${this.prefix}:templates:version`
  }

  async enabled(key: string, locales: string[]): Promise<SendableTemplate[]> {
    const version = (await this.redis.get(this.versionKey).catch(() => null)) ?? "0"
    const cacheKey = JSON.stringify([key, ...locales])
    const hit = this.entries.get(cacheKey)
    if (hit && hit.version === version && Date.now() - hit.at < TTL_MS) return hit.rows
    const rows: SendableTemplate[] = await this.knex("sms_rcs_template")
      .select("id", "key", "locale", "purpose", "sms_body", "rcs_payload", "media_url")
      .where({ key, enabled: true })
      .whereIn("locale", locales)
      .whereNull("deleted_at")
      .limit(locales.length)
    // bounded: keys × locales in use, but a developer's own keys are not ours to count
    if (this.entries.size > 1_000) this.entries.clear()
    this.entries.set(cacheKey, { version, at: Date.now(), rows })
    return rows
  }

  /** After a template is created, changed or deleted: every process reads it again. */
  async changed(): Promise<void> {
    this.entries.clear()
    await this.redis.incr(this.versionKey)
  }
}
