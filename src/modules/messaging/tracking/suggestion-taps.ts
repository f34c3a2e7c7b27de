import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ShortLinkStore } from "./short-link-store"

/**
 * A tap on an RCS suggested reply or action, recorded as a click of kind `suggestion` (a touch for
 * attribution). The message is the one named in the postback data, else the phone's latest RCS message.
 */
export async function recordSuggestionTap(
  knex: Knex,
  links: ShortLinkStore,
  tap: { message_id: string | null; from: string; at: Date }
): Promise<string | null> {
  const query = knex("sms_rcs_message").whereNull("deleted_at").where({ channel: "rcs" })
  const message = tap.message_id
    ? await query.clone().where({ id: tap.message_id, to: tap.from }).first("id")
    : await query.clone().where({ to: tap.from }).whereNotNull("sent_at").orderBy("sent_at", "desc").first("id")
  if (!message) {
    return null
  }
  links.recordSuggestion(message.id, tap.at)
  return message.id
}
