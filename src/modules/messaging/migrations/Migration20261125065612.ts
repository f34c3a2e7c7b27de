import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125065612 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_phone_capability" drop constraint if exists "sms_rcs_phone_capability_phone_provider_unique";`);
    this.addSql(`create table if not exists "sms_rcs_phone_capability" ("id" text not null, "phone" text not null, "provider" text not null, "rcs_capable" boolean not null, "features" text[] null, "checked_at" timestamptz not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_phone_capability_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_phone_capability_deleted_at" ON "sms_rcs_phone_capability" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_phone_capability_phone_provider_unique" ON "sms_rcs_phone_capability" ("phone", "provider") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_phone_capability_phone" ON "sms_rcs_phone_capability" ("phone") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sms_rcs_message" add column if not exists "expires_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_channel_status_expires_at" ON "sms_rcs_message" ("channel", "status", "expires_at") WHERE deleted_at IS NULL AND expires_at IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_phone_capability" cascade;`);

    this.addSql(`drop index if exists "IDX_sms_rcs_message_channel_status_expires_at";`);
    this.addSql(`alter table if exists "sms_rcs_message" drop column if exists "expires_at";`);
  }

}
