import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125041117 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_cart_activity" drop constraint if exists "sms_rcs_cart_activity_cart_id_unique";`);
    this.addSql(`alter table if exists "sms_rcs_automation_setting" drop constraint if exists "sms_rcs_automation_setting_automation_unique";`);
    this.addSql(`create table if not exists "sms_rcs_automation_setting" ("id" text not null, "automation" text not null, "enabled" boolean null, "delay_minutes" integer null, "period_days" integer null, "max_age_hours" integer null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_automation_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_automation_setting_deleted_at" ON "sms_rcs_automation_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_automation_setting_automation_unique" ON "sms_rcs_automation_setting" ("automation") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_cart_activity" ("id" text not null, "cart_id" text not null, "last_activity_at" timestamptz not null, "settled_at" timestamptz null, "settled_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_cart_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_cart_activity_deleted_at" ON "sms_rcs_cart_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_cart_activity_cart_id_unique" ON "sms_rcs_cart_activity" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_cart_activity_last_activity_at" ON "sms_rcs_cart_activity" ("last_activity_at") WHERE deleted_at IS NULL AND settled_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_automation_setting" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_cart_activity" cascade;`);
  }

}
