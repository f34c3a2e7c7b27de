import { createHash } from "crypto"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export type DataSubject = { phone?: string | null; customer_id?: string | null }

/** A stable stand-in for an erased phone, so the ledger still shows one person's history without the number. */
export function erasedPhone(phone: string): string {
  return `erased:${createHash("sha256").update(phone).digest("hex").slice(0, 24)}`
}

/**
 * GDPR access and erasure for what the plugin holds about one person (a phone, a customer, or both).
 * Erasure removes the phone numbers, texts and network traces but keeps the rows' anonymous facts
 * (status, channel, template, segments, cost, times), so analytics and invoices still add up, and keeps
 * the consent ledger's events — the store's proof — under a one-way stand-in for the number.
 */
export class PersonalData {
  constructor(private readonly knex: Knex) {}

  private async phonesOf(subject: DataSubject): Promise<string[]> {
    const phones = new Set<string>(subject.phone ? [subject.phone] : [])
    if (subject.customer_id) {
      const rows = await this.knex
        .select("to as phone")
        .from("sms_rcs_message")
        .where({ customer_id: subject.customer_id })
        .whereNotNull("to")
        .union((q) => q.select("phone").from("sms_rcs_consent_event").where({ customer_id: subject.customer_id }))
      for (const row of rows) phones.add(row.phone)
    }
    return [...phones]
  }

  async export(subject: DataSubject) {
    const phones = await this.phonesOf(subject)
    const byPhoneOrCustomer = (column: string) => (q: Knex.QueryBuilder) => {
      q.whereIn(column, phones)
      if (subject.customer_id) q.orWhere("customer_id", subject.customer_id)
    }
    const [messages, consents, consent_events, inbound_messages] = await Promise.all([
      this.knex("sms_rcs_message").where(byPhoneOrCustomer("to")).orderBy("created_at"),
      this.knex("sms_rcs_consent").where(byPhoneOrCustomer("phone")),
      this.knex("sms_rcs_consent_event").where(byPhoneOrCustomer("phone")).orderBy("occurred_at"),
      this.knex("sms_rcs_inbound_message").whereIn("from", phones).orderBy("received_at"),
    ])
    return { subject: { ...subject, phones }, messages, consents, consent_events, inbound_messages, exported_at: new Date().toISOString() }
  }

  async erase(subject: DataSubject) {
    const phones = await this.phonesOf(subject)
    return this.knex.transaction(async (trx) => {
      const messages = await trx("sms_rcs_message")
        .where((q) => {
          q.whereIn("to", phones)
          if (subject.customer_id) q.orWhere("customer_id", subject.customer_id)
        })
        .update({ to: null, raw_to: null, body: null, rich_payload: null, metadata: null, updated_at: trx.fn.now() })
      const inbound = await trx("sms_rcs_inbound_message").whereIn("from", phones).delete()
      let consentEvents = 0
      let consents = 0
      for (const phone of phones) {
        consentEvents += await trx("sms_rcs_consent_event")
          .where({ phone })
          .update({ phone: erasedPhone(phone), ip: null, user_agent: null, evidence: null, updated_at: trx.fn.now() })
        consents += await trx("sms_rcs_consent").where({ phone }).update({ phone: erasedPhone(phone), updated_at: trx.fn.now() })
      }
      return { phones: phones.length, messages, inbound_messages: inbound, consent_events: consentEvents, consents }
    })
  }
}
