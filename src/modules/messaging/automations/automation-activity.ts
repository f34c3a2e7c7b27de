import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** How far back "texts sent" counts on the Automations page. */
export const ACTIVITY_WINDOW_DAYS = 30

/** What one automation has sent: in the last 30 days, and the last text it sent (ever). */
export type AutomationActivity = { sent_last_30_days: number; last_sent_at: Date | null }

/**
 * The Automations page's figures, from the message rows (`automation` names the automation that sent each
 * one; a test send has none). A text counts once it has left for the provider (`sent_at`), so a skipped or
 * still-queued one does not; an SMS fallback of an RCS text is a text of its own. The count reads the last
 * 30 days through the `sent_at` index; the last send is one index walk per automation, newest first.
 */
export class AutomationActivities {
  constructor(private readonly knex: Knex) {}

  async of(keys: readonly string[], now: Date = new Date()): Promise<Map<string, AutomationActivity>> {
    const since = new Date(now.getTime() - ACTIVITY_WINDOW_DAYS * 86_400_000)
    const [counts, lasts] = await Promise.all([
      this.knex.raw(
        `SELECT automation, count(*)::int AS sent
           FROM sms_rcs_message
          WHERE deleted_at IS NULL AND automation = ANY(?) AND sent_at >= ? AND sent_at <= ?
          GROUP BY automation`,
        [keys as string[], since, now]
      ),
      this.knex.raw(
        `SELECT k.automation, last.sent_at
           FROM unnest(?::text[]) AS k(automation)
           CROSS JOIN LATERAL (
             SELECT m.sent_at FROM sms_rcs_message m
              WHERE m.deleted_at IS NULL AND m.automation = k.automation AND m.sent_at IS NOT NULL
              ORDER BY m.sent_at DESC LIMIT 1
           ) AS last`,
        [keys as string[]]
      ),
    ])
    const out = new Map<string, AutomationActivity>(keys.map((k) => [k, { sent_last_30_days: 0, last_sent_at: null }]))
    for (const row of counts.rows as { automation: string; sent: number }[]) out.get(row.automation)!.sent_last_30_days = row.sent
    for (const row of lasts.rows as { automation: string; sent_at: Date }[]) out.get(row.automation)!.last_sent_at = new Date(row.sent_at)
    return out
  }
}
