import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { NewTrackedLink } from "../../../lib/tracking"

export type ResolvedLink = {
  id: string
  code: string
  target_url: string
  message_id: string | null
  channel: "sms" | "rcs"
  expires_at: Date | null
}

/** Tracked links and their clicks, in single statements: the redirect is on the shopper's path. */
export class LinkStore {
  constructor(private readonly knex: Knex) {}

  async insert(messageId: string, campaignId: string | null, links: NewTrackedLink[], expiresAt: Date): Promise<void> {
    if (!links.length) return
    await this.knex("sms_rcs_tracked_link").insert(
      links.map((link) => ({
        id: generateEntityId(undefined, "smslnk"),
        code: link.code,
        target_url: link.target_url,
        channel: link.channel,
        message_id: messageId,
        campaign_id: campaignId,
        expires_at: expiresAt,
      }))
    )
  }

  /** One indexed lookup by code (unique index). */
  async resolve(code: string): Promise<ResolvedLink | null> {
    const row = await this.knex("sms_rcs_tracked_link")
      .where({ code })
      .whereNull("deleted_at")
      .first("id", "code", "target_url", "message_id", "channel", "expires_at")
    return (row as ResolvedLink | undefined) ?? null
  }

  async recordClick(link: ResolvedLink, click: { ip_hash: string | null; user_agent: string | null; is_bot: boolean; at: Date }) {
    await this.knex("sms_rcs_click").insert({
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
}
