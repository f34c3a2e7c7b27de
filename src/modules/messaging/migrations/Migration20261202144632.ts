import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { generateEntityId } from "@medusajs/framework/utils";
import { DEFAULT_FAQ } from "../../../lib/conversations/faq";

export class Migration20261202144632 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_conversation" drop constraint if exists "sms_rcs_conversation_phone_unique";`);
    this.addSql(`create table if not exists "sms_rcs_conversation" ("id" text not null, "phone" text not null, "channel" text check ("channel" in ('sms', 'rcs')) null, "status" text check ("status" in ('open', 'waiting', 'closed')) not null default 'open', "assignee_id" text null, "customer_id" text null, "unread_count" integer not null default 0, "waiting_since" timestamptz null, "last_activity_at" timestamptz not null, "acknowledged_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_conversation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_conversation_deleted_at" ON "sms_rcs_conversation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_conversation_phone_unique" ON "sms_rcs_conversation" ("phone") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_conversation_status_last_activity_at" ON "sms_rcs_conversation" ("status", "last_activity_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_conversation_assignee_id" ON "sms_rcs_conversation" ("assignee_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_faq_entry" ("id" text not null, "locale" text not null, "keywords" text[] not null, "postbacks" text[] not null, "answer" text not null, "enabled" boolean not null default true, "default_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_faq_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_faq_entry_deleted_at" ON "sms_rcs_faq_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_faq_entry_locale" ON "sms_rcs_faq_entry" ("locale") WHERE deleted_at IS NULL;`);
    // the shipped defaults, with [placeholders] the store fills (never sent before)
    for (const faq of DEFAULT_FAQ) {
      this.addSql(
        this.getKnex()
          .insert({ id: generateEntityId(undefined, "smsfaq"), locale: faq.locale, keywords: faq.keywords, postbacks: faq.postbacks, answer: faq.answer, enabled: true, default_key: faq.default_key })
          .into("sms_rcs_faq_entry")
          .toString() + ";"
      );
    }

    this.addSql(`drop index if exists "IDX_sms_rcs_inbound_message_from";`);

    this.addSql(`alter table if exists "sms_rcs_inbound_message" add column if not exists "kind" text check ("kind" in ('text', 'suggestion_tap')) not null default 'text', add column if not exists "postback" text null, add column if not exists "in_reply_to_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_inbound_message_from_received_at" ON "sms_rcs_inbound_message" ("from", "received_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sms_rcs_message" add column if not exists "conversation_role" text check ("conversation_role" in ('automatic', 'agent')) null, add column if not exists "sent_by" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_conversation" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_faq_entry" cascade;`);

    this.addSql(`drop index if exists "IDX_sms_rcs_inbound_message_from_received_at";`);
    this.addSql(`alter table if exists "sms_rcs_inbound_message" drop column if exists "kind", drop column if exists "postback", drop column if exists "in_reply_to_id";`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_inbound_message_from" ON "sms_rcs_inbound_message" ("from") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sms_rcs_message" drop column if exists "conversation_role", drop column if exists "sent_by";`);
  }

}
