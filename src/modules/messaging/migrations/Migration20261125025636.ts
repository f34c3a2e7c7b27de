import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125025636 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_inbound_message" drop constraint if exists "sms_rcs_inbound_message_provider_provider_message_id_unique";`);
    this.addSql(`create table if not exists "sms_rcs_inbound_message" ("id" text not null, "from" text not null, "to" text null, "body" text not null, "provider" text not null, "provider_message_id" text not null, "intent" text check ("intent" in ('stop', 'stop_all', 'start', 'help', 'none')) not null, "keyword" text null, "received_at" timestamptz not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_inbound_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_inbound_message_deleted_at" ON "sms_rcs_inbound_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_inbound_message_provider_provider_message_id_unique" ON "sms_rcs_inbound_message" ("provider", "provider_message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_inbound_message_from" ON "sms_rcs_inbound_message" ("from") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_inbound_message" cascade;`);
  }

}
