import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201180329 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "sms_rcs_phone_verification" ("id" text not null, "phone" text not null, "customer_id" text null, "purpose" text check ("purpose" in ('transactional', 'marketing')) not null, "action" text check ("action" in ('grant', 'revoke')) not null, "code_hash" text not null, "attempts" integer not null default 0, "expires_at" timestamptz not null, "verified_at" timestamptz null, "ip" text null, "user_agent" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_phone_verification_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_phone_verification_deleted_at" ON "sms_rcs_phone_verification" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_phone_verification_phone_customer_id" ON "sms_rcs_phone_verification" ("phone", "customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sms_rcs_inbound_message" drop constraint if exists "sms_rcs_inbound_message_intent_check";`);

    this.addSql(`alter table if exists "sms_rcs_consent" add column if not exists "last_event_seq" integer null;`);

    this.addSql(`alter table if exists "sms_rcs_consent_event" add column if not exists "seq" serial;`);

    this.addSql(`alter table if exists "sms_rcs_inbound_message" add constraint "sms_rcs_inbound_message_intent_check" check("intent" in ('stop', 'stop_all', 'start', 'confirm', 'help', 'ambiguous', 'none'));`);

    this.addSql(`alter table if exists "sms_rcs_message" add column if not exists "consent_reply" text check ("consent_reply" in ('stop_confirmation', 'start_confirmation', 'help', 'clarify', 'double_opt_in', 'verification_code')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_phone_verification" cascade;`);

    this.addSql(`alter table if exists "sms_rcs_inbound_message" drop constraint if exists "sms_rcs_inbound_message_intent_check";`);

    this.addSql(`alter table if exists "sms_rcs_consent" drop column if exists "last_event_seq";`);

    this.addSql(`alter table if exists "sms_rcs_consent_event" drop column if exists "seq";`);

    this.addSql(`alter table if exists "sms_rcs_inbound_message" add constraint "sms_rcs_inbound_message_intent_check" check("intent" in ('stop', 'stop_all', 'start', 'help', 'none'));`);

    this.addSql(`alter table if exists "sms_rcs_message" drop column if exists "consent_reply";`);
  }

}
