import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export type ResolvedLink = {
  id: string
  code: string
  target_url: string
  message_id: string | null
  channel: "sms" | "rcs"
  expires_at: Date | null
}

type ClickRow = {
  id: string
  tracked_link_id: string | null
  message_id: string | null
  kind: "link" | "suggestion"
  ip_hash: string | null
  user_agent: string | null
  is_bot: boolean
  occurred_at: Date
}

/** How long a resolved link is remembered: links never change, but an admin may expire one by hand. */
const LINK_CACHE_MS = 60_000
const LINK_CACHE_SIZE = 10_000
/**
 * Unknown codes are remembered apart, in a bounded map of their own: anyone can ask for random codes,
 * and a flood of them must neither grow memory nor push the real links out to the database.
 */
const MISS_CACHE_SIZE = 10_000
/** Clicks are written in batches: one INSERT per `FLUSH_MS` or `FLUSH_ROWS`, not one per tap. */
const FLUSH_MS = 100
const FLUSH_ROWS = 500

/**
 * Tracked links and their clicks. The redirect is on the shopper's path, so a link is read from the
 * database once a minute at most, and clicks are written behind the answer, in batches.
 */
export class ShortLinkStore {
  private readonly hits = new Map<string, { at: number; link: ResolvedLink }>()
  private readonly misses = new Map<string, number>()
  private pending: ClickRow[] = []
  private timer?: NodeJS.Timeout
  private flushing: Promise<void> = Promise.resolve()

  constructor(
    private readonly knex: Knex,
    private readonly onFlushError: (error: Error, lost: number) => void = () => undefined
  ) {}

  /** One indexed lookup by code (unique index), remembered for a minute. */
  async resolve(code: string): Promise<ResolvedLink | null> {
    const now = Date.now()
    const hit = this.hits.get(code)
    if (hit && now - hit.at < LINK_CACHE_MS) {
      return hit.link
    }
    const missed = this.misses.get(code)
    if (missed !== undefined && now - missed < LINK_CACHE_MS) {
      return null
    }
    const row = await this.knex("sms_rcs_tracked_link")
      .where({ code })
      .whereNull("deleted_at")
      .first("id", "code", "target_url", "message_id", "channel", "expires_at")
    const link = (row as ResolvedLink | undefined) ?? null
    if (link) {
      remember(this.hits, code, { at: Date.now(), link }, LINK_CACHE_SIZE)
      this.misses.delete(code)
    } else {
      remember(this.misses, code, Date.now(), MISS_CACHE_SIZE)
      this.hits.delete(code)
    }
    return link
  }

  /** Forgets every remembered link (after an erasure rewrote targets: a stale one would redirect with them). */
  forgetResolved(): void {
    this.hits.clear()
    this.misses.clear()
  }

  /** Queues a click; it is in the database within `FLUSH_MS`. */
  recordClick(link: ResolvedLink, click: { ip_hash: string | null; user_agent: string | null; is_bot: boolean; at: Date }) {
    this.queue({
      id: generateEntityId(undefined, "smsclk"),
      tracked_link_id: link.id,
      message_id: link.message_id,
      kind: "link",
      ip_hash: click.ip_hash,
      user_agent: click.user_agent?.slice(0, 512) ?? null,
      is_bot: click.is_bot,
      occurred_at: click.at,
    })
  }

  /** Queues a tap on an RCS suggestion (no link: the message itself is the touch). */
  recordSuggestion(messageId: string, at: Date) {
    this.queue({
      id: generateEntityId(undefined, "smsclk"),
      tracked_link_id: null,
      message_id: messageId,
      kind: "suggestion",
      ip_hash: null,
      user_agent: null,
      is_bot: false,
      occurred_at: at,
    })
  }

  private queue(row: ClickRow) {
    this.pending.push(row)
    if (this.pending.length >= FLUSH_ROWS) {
      void this.flush()
    } else {
      this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS)
    }
  }

  /** Writes the queued clicks (also on shutdown); a failed batch is retried once, then reported. */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.pending
    this.pending = []
    if (!batch.length) return this.flushing
    this.flushing = this.flushing.then(async () => {
      try {
        await this.knex("sms_rcs_click").insert(batch)
      } catch {
        await this.knex("sms_rcs_click")
          .insert(batch)
          .catch((error: Error) => this.onFlushError(error, batch.length))
      }
    })
    return this.flushing
  }
}

/** Sets a key in a bounded map, dropping the oldest entry when it is full. */
function remember<V>(map: Map<string, V>, key: string, value: V, size: number) {
  map.delete(key)
  if (map.size >= size) {
    map.delete(map.keys().next().value as string)
  }
  map.set(key, value)
}
