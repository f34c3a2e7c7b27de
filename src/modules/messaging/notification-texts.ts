import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * The one home of `sms_rcs_notification_text`'s SQL: the notification provider puts a ready text under the
 * notification's id (it runs in the Notification Module's container, which shares the app's PostgreSQL
 * connection but not the messaging module), and the workflow takes it back and forgets it.
 */
export class NotificationTexts {
  constructor(protected readonly pg: Knex) {}

  /** Idempotent: a notification sent again keeps the text it was first given. */
  async put(id: string, text: string): Promise<void> {
    await this.pg.raw(
      `INSERT INTO sms_rcs_notification_text (id, text, created_at, updated_at) VALUES (?, ?, now(), now())
       ON CONFLICT (id) DO NOTHING`,
      [id, text]
    )
  }

  async get(id: string): Promise<string | null> {
    const { rows } = await this.pg.raw(`SELECT text FROM sms_rcs_notification_text WHERE id = ? AND deleted_at IS NULL`, [id])
    return rows[0]?.text ?? null
  }

  async forget(id: string): Promise<void> {
    await this.pg.raw(`DELETE FROM sms_rcs_notification_text WHERE id = ?`, [id])
  }

  /**
   * Texts whose notification never became a message (its workflow failed, and Medusa's event bus does not
   * retry it) are of no use once that is past: the sweeper deletes them after `olderThanMs`.
   */
  async forgetOlderThan(olderThanMs: number): Promise<number> {
    const { rowCount } = await this.pg.raw(`DELETE FROM sms_rcs_notification_text WHERE created_at < now() - (? * interval '1 millisecond')`, [olderThanMs])
    return rowCount ?? 0
  }
}
