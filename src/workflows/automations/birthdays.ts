import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { birthdayDue, parseBirthday } from "../../lib/birthday"
import { consentAllows } from "../../lib/consent"
import { checkPhone } from "../../lib/phone"
import { timeZonesFor } from "../../lib/sending-rules/time-zones"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../modules/messaging"
import { sendMessageWorkflow } from "../messages/send-message"

export type BirthdayRun = { customers: number; due: number; sent: number; failed: number; skipped: Record<string, number> }

/** Customers read per page, by id: a store of any size is walked in bounded memory. */
const PAGE = 1_000

type Row = { id: string; phone: string; first_name: string | null; birthday: string | null }

/**
 * One pass of the birthday automation: customers whose birthday (customer `metadata[birthday.metadataKey]`)
 * is today, or `birthday.daysBefore` days ahead, in their phone's zone, from `birthday.hour` local time,
 * get one text that year (the key is the customer and the year). Hourly, so each zone's morning is met;
 * only phones with marketing consent are texted, and quiet hours and caps apply as to every marketing text.
 */
export async function sendBirthdayMessages(container: MedusaContainer, now: Date = new Date()): Promise<BirthdayRun> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const settings = await messaging.effectiveAutomation("birthday")
  const run: BirthdayRun = { customers: 0, due: 0, sent: 0, failed: 0, skipped: {} }
  if (!settings.enabled) return run
  const options = messaging.getOptions()
  const { metadataKey, daysBefore, hour } = options.birthday
  const skip = (reason: string) => (run.skipped[reason] = (run.skipped[reason] ?? 0) + 1)

  for (let after = ""; ; ) {
    // read-only, on Medusa's customer table: the date lives in its metadata, which Query cannot filter on
    const { rows } = (await pg.raw(
      `SELECT id, phone, first_name, metadata->>? AS birthday FROM customer
        WHERE deleted_at IS NULL AND phone IS NOT NULL AND (metadata->>?) IS NOT NULL AND id > ?
        ORDER BY id LIMIT ?`,
      [metadataKey, metadataKey, after, PAGE]
    )) as { rows: Row[] }
    for (const customer of rows) {
      run.customers++
      const birthday = parseBirthday(customer.birthday)
      if (!birthday) {
        skip("not_a_date")
        continue
      }
      const phone = checkPhone(customer.phone, { defaultCountry: options.defaultCountry, allowedCountries: options.allowedCountries })
      if (!phone.ok) {
        skip("no_phone")
        continue
      }
      const zone = timeZonesFor(phone.country)?.[0] ?? options.defaultTimeZone
      const { due, year } = birthdayDue(birthday, now, zone, { daysBefore, hour })
      if (!due) continue
      run.due++
      if (!consentAllows({ purpose: "marketing" }, await messaging.consentStateOf(phone.e164)).allowed) {
        skip("no_consent")
        continue
      }
      try {
        const { result } = await sendMessageWorkflow(container).run({
          input: {
            template_key: settings.template_key,
            idempotency_key: `birthday:${customer.id}:${year}`,
            phone: phone.e164,
            customer_id: customer.id,
            purpose: "marketing",
            delay_minutes: settings.delay_minutes,
            variables: { customer_first_name: customer.first_name },
            metadata: { automation: "birthday", birthday_year: year, ...(settings.offer ? { offer: settings.offer } : {}) },
          },
        })
        if (result.created) run.sent++
      } catch (error) {
        run.failed++
        logger.error(`medusa-plugin-sms-rcs: birthday text for ${customer.id} not sent: ${(error as Error).message}`)
      }
    }
    if (rows.length < PAGE) break
    after = rows[rows.length - 1].id
  }
  return run
}
