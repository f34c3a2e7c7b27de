import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203131909 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_recipient_order" drop constraint if exists "sms_rcs_recipient_order_message_id_order_id_unique";`);
    this.addSql(`create table if not exists "sms_rcs_recipient_order" ("id" text not null, "message_id" text not null, "order_id" text not null, "order_total" real not null, "currency_code" text not null, "placed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_recipient_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_recipient_order_deleted_at" ON "sms_rcs_recipient_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_recipient_order_message_id_order_id_unique" ON "sms_rcs_recipient_order" ("message_id", "order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_recipient_order_order_id" ON "sms_rcs_recipient_order" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sms_rcs_message" drop constraint if exists "sms_rcs_message_status_check";`);

    this.addSql(`alter table if exists "sms_rcs_automation_setting" add column if not exists "holdout_percent" real null;`);

    this.addSql(`alter table if exists "sms_rcs_message" add constraint "sms_rcs_message_status_check" check("status" in ('queued', 'deferred', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown', 'skipped', 'suppressed', 'expired', 'held_out'));`);

    this.addSql(`alter table if exists "sms_rcs_campaign" add column if not exists "holdout_percent" real not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_recipient_order" cascade;`);

    this.addSql(`alter table if exists "sms_rcs_message" drop constraint if exists "sms_rcs_message_status_check";`);

    this.addSql(`alter table if exists "sms_rcs_automation_setting" drop column if exists "holdout_percent";`);

    this.addSql(`alter table if exists "sms_rcs_message" add constraint "sms_rcs_message_status_check" check("status" in ('queued', 'deferred', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown', 'skipped', 'suppressed', 'expired'));`);

    this.addSql(`alter table if exists "sms_rcs_campaign" drop column if exists "holdout_percent";`);
  }

}
