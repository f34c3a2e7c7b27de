import { model } from "@medusajs/framework/utils"

/** Append-only proof of consent: who, which phone, what they were shown, how and when. */
export const ConsentEvent = model
  .define(
    { name: "consent_event", tableName: "sms_rcs_consent_event" },
    {
      id: model.id({ prefix: "smsce" }).primaryKey(),
      phone: model.text(),
      customer_id: model.text().nullable(),
      purpose: model.enum(["transactional", "marketing"]),
      channel: model.enum(["sms", "rcs", "all"]).default("all"),
      action: model.enum(["grant", "revoke", "request"]),
      source: model.enum(["checkout", "storefront_form", "keyword", "admin", "import", "double_opt_in"]),
      wording: model.text().nullable(),
      wording_version: model.text().nullable(),
      locale: model.text().nullable(),
      ip: model.text().nullable(),
      user_agent: model.text().nullable(),
      /** When it happened, by the database's clock (now()), never a process's: processes' clocks drift. */
      occurred_at: model.dateTime(),
      /** The database's order of events (a sequence): breaks ties between events of the same instant. */
      seq: model.autoincrement(),
      evidence: model.json().nullable(),
    }
  )
  .indexes([{ on: ["phone", "purpose"] }, { on: ["customer_id"] }])
