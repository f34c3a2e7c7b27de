import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125073244 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "sms_rcs_campaign" ("id" text not null, "name" text not null, "status" text check ("status" in ('draft', 'scheduled', 'sending', 'paused', 'sent', 'canceled')) not null default 'draft', "segment_id" text not null, "variants" jsonb not null, "ab_test" jsonb null, "throttle" jsonb null, "locale" text null, "scheduled_at" timestamptz null, "time_zone" text null, "started_at" timestamptz null, "paused_at" timestamptz null, "sent_at" timestamptz null, "canceled_at" timestamptz null, "audience_count" integer null, "rate_per_second" real null, "phase" text check ("phase" in ('all', 'test', 'rest')) not null default 'all', "cursor" text null, "planned_count" integer not null default 0, "fed_cursor" text null, "fed_count" integer not null default 0, "fanned_out_at" timestamptz null, "winner_variant" text null, "winner_picked_at" timestamptz null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_campaign_deleted_at" ON "sms_rcs_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_campaign_status_scheduled_at" ON "sms_rcs_campaign" ("status", "scheduled_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_segment" ("id" text not null, "name" text not null, "description" text null, "definition" jsonb not null, "last_count" integer null, "counted_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_segment_deleted_at" ON "sms_rcs_segment" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sms_rcs_message" add column if not exists "campaign_variant" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_campaign_id_id" ON "sms_rcs_message" ("campaign_id", "id") WHERE deleted_at IS NULL AND status IN ('queued', 'deferred');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_campaign" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_segment" cascade;`);

    this.addSql(`drop index if exists "IDX_sms_rcs_message_campaign_id_id";`);
    this.addSql(`alter table if exists "sms_rcs_message" drop column if exists "campaign_variant";`);
  }

}
