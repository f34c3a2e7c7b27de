import type IORedis from "ioredis"

/** A provider's answer to a send that PostgreSQL could not record (ids only: no phone, no text). */
export type KeptAnswer = {
  message_id: string
  provider: string
  provider_message_id: string
  /** RCS: the delivery deadline that was sent with the message. */
  expires_at: string | null
  kept_at: string
}

/** Long enough for any outage and the reconciler's next runs; short enough not to pile up. */
const KEEP_SECONDS = 14 * 86_400

/**
 * Where a send's answer waits when PostgreSQL cannot take it: a key per message in Redis (the provider's
 * id, never the phone or the text) and a set of their ids, so the reconciler finds them without a scan.
 * The message row stays `sending` meanwhile, which no claim takes, so the message is never sent again;
 * the reconciler writes the answer (`sent`, with the provider's id) once PostgreSQL is back.
 */
export class KeptAnswers {
  constructor(
    private readonly redis: IORedis,
    private readonly prefix: string,
    /** Redis commands wait for Redis to come back: past this, keeping gives up (and the caller logs). */
    private readonly timeoutMs = 2_000
  ) {}

  private key(messageId: string): string {
    return `${this.prefix}:kept-answer:${messageId}`
  }

  private get index(): string {
    return `${this.prefix}:kept-answers`
  }

  async keep(answer: Omit<KeptAnswer, "kept_at">): Promise<void> {
    const value = JSON.stringify({ ...answer, kept_at: new Date().toISOString() } satisfies KeptAnswer)
    const write = this.redis
      .multi()
      .set(this.key(answer.message_id), value, "EX", KEEP_SECONDS)
      .sadd(this.index, answer.message_id)
      .exec()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs)
    })
    try {
      await Promise.race([write, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  async get(messageId: string): Promise<KeptAnswer | null> {
    const value = await this.redis.get(this.key(messageId))
    return value ? (JSON.parse(value) as KeptAnswer) : null
  }

  /** The ids of every kept answer (an expired key leaves its id behind: `get` then answers null). */
  async ids(limit = 1_000): Promise<string[]> {
    // COUNT is only a hint to Redis: follow the cursor until it comes back to 0 (or `limit` ids are in hand)
    const ids = new Set<string>()
    let cursor = "0"
    do {
      const [next, batch] = await this.redis.sscan(this.index, cursor, "COUNT", Math.min(limit, 1_000))
      for (const id of batch) if (ids.size < limit) ids.add(id)
      cursor = next
    } while (cursor !== "0" && ids.size < limit)
    return [...ids]
  }

  async forget(messageId: string): Promise<void> {
    await this.redis.multi().del(this.key(messageId)).srem(this.index, messageId).exec()
  }
}
