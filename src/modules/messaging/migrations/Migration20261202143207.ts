import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202143207 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "sms_rcs_back_in_stock_request" ("id" text not null, "phone" text not null, "variant_id" text not null, "customer_id" text null, "locale" text null, "wording" text not null, "wording_version" text not null, "ip" text null, "user_agent" text null, "status" text check ("status" in ('waiting', 'notified', 'canceled')) not null default 'waiting', "settled_at" timestamptz null, "message_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_back_in_stock_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_back_in_stock_request_deleted_at" ON "sms_rcs_back_in_stock_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_back_in_stock_request_phone_variant_id_unique" ON "sms_rcs_back_in_stock_request" ("phone", "variant_id") WHERE deleted_at IS NULL AND status = 'waiting';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_back_in_stock_request_variant_id_created_at" ON "sms_rcs_back_in_stock_request" ("variant_id", "created_at") WHERE deleted_at IS NULL AND status = 'waiting';`);

    this.addSql(`alter table if exists "sms_rcs_message" drop constraint if exists "sms_rcs_message_consent_reply_check";`);

    this.addSql(`alter table if exists "sms_rcs_message" add constraint "sms_rcs_message_consent_reply_check" check("consent_reply" in ('stop_confirmation', 'start_confirmation', 'help', 'clarify', 'double_opt_in', 'verification_code', 'requested_alert'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_back_in_stock_request" cascade;`);

    this.addSql(`alter table if exists "sms_rcs_message" drop constraint if exists "sms_rcs_message_consent_reply_check";`);

    this.addSql(`alter table if exists "sms_rcs_message" add constraint "sms_rcs_message_consent_reply_check" check("consent_reply" in ('stop_confirmation', 'start_confirmation', 'help', 'clarify', 'double_opt_in', 'verification_code'));`);
  }

}
