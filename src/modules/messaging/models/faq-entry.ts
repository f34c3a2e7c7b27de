import { model } from "@medusajs/framework/utils"

/**
 * An automatic answer the store writes: a text containing one of its keywords (or an RCS tap with one of
 * its postbacks), in its locale, is answered with `answer`. The shipped defaults (`default_key` set) carry
 * [placeholders] the store fills; one still holding [brackets] is never sent.
 */
export const FaqEntry = model
  .define(
    { name: "faq_entry", tableName: "sms_rcs_faq_entry" },
    {
      id: model.id({ prefix: "smsfaq" }).primaryKey(),
      locale: model.text(),
      keywords: model.array(),
      postbacks: model.array(),
      answer: model.text(),
      enabled: model.boolean().default(true),
      /** Which shipped default this entry started as (delivery_times, returns, opening_hours), else null. */
      default_key: model.text().nullable(),
    }
  )
  .indexes([{ on: ["locale"], where: "deleted_at IS NULL" }])
