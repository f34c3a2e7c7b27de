import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203131734 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_offer_code" drop constraint if exists "sms_rcs_offer_code_code_unique";`);
    this.addSql(`alter table if exists "sms_rcs_offer_code" drop constraint if exists "sms_rcs_offer_code_message_id_unique";`);
    this.addSql(`create table if not exists "sms_rcs_offer_code" ("id" text not null, "message_id" text not null, "idempotency_key" text not null, "phone" text null, "automation" text null, "campaign_id" text null, "base_promotion_id" text not null, "promotion_id" text null, "code" text not null, "expires_at" timestamptz not null, "order_id" text null, "redeemed_at" timestamptz null, "removed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_offer_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_offer_code_deleted_at" ON "sms_rcs_offer_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_offer_code_message_id_unique" ON "sms_rcs_offer_code" ("message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_offer_code_code_unique" ON "sms_rcs_offer_code" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_offer_code_expires_at" ON "sms_rcs_offer_code" ("expires_at") WHERE deleted_at IS NULL AND redeemed_at IS NULL AND removed_at IS NULL;`);

    this.addSql(`alter table if exists "sms_rcs_automation_setting" add column if not exists "offer_promotion_id" text null, add column if not exists "offer_valid_hours" integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_offer_code" cascade;`);

    this.addSql(`alter table if exists "sms_rcs_automation_setting" drop column if exists "offer_promotion_id", drop column if exists "offer_valid_hours";`);
  }

}
