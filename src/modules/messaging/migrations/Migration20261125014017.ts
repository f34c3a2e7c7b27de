import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125014017 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_tracked_link" drop constraint if exists "sms_rcs_tracked_link_code_unique";`);
    this.addSql(`alter table if exists "sms_rcs_template" drop constraint if exists "sms_rcs_template_key_locale_unique";`);
    this.addSql(`alter table if exists "sms_rcs_message" drop constraint if exists "sms_rcs_message_idempotency_key_unique";`);
    this.addSql(`alter table if exists "sms_rcs_consent" drop constraint if exists "sms_rcs_consent_phone_purpose_channel_unique";`);
    this.addSql(`alter table if exists "sms_rcs_attribution" drop constraint if exists "sms_rcs_attribution_order_id_unique";`);
    this.addSql(`create table if not exists "sms_rcs_attribution" ("id" text not null, "order_id" text not null, "message_id" text not null, "campaign_id" text null, "template_key" text null, "channel" text check ("channel" in ('sms', 'rcs')) not null, "touch_type" text check ("touch_type" in ('delivered', 'read', 'click', 'suggestion', 'reply', 'discount_code')) not null, "touch_at" timestamptz not null, "order_total" numeric not null, "currency_code" text not null, "model" text not null, "windows" jsonb not null, "raw_order_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_attribution_deleted_at" ON "sms_rcs_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_attribution_order_id_unique" ON "sms_rcs_attribution" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_attribution_message_id" ON "sms_rcs_attribution" ("message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_attribution_campaign_id" ON "sms_rcs_attribution" ("campaign_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_click" ("id" text not null, "tracked_link_id" text null, "message_id" text null, "kind" text check ("kind" in ('link', 'suggestion')) not null default 'link', "ip_hash" text null, "user_agent" text null, "is_bot" boolean not null default false, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_click_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_click_deleted_at" ON "sms_rcs_click" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_click_message_id_occurred_at" ON "sms_rcs_click" ("message_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_click_tracked_link_id" ON "sms_rcs_click" ("tracked_link_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_consent" ("id" text not null, "phone" text not null, "customer_id" text null, "purpose" text check ("purpose" in ('transactional', 'marketing')) not null, "channel" text check ("channel" in ('sms', 'rcs', 'all')) not null default 'all', "status" text check ("status" in ('granted', 'revoked', 'pending')) not null, "granted_at" timestamptz null, "revoked_at" timestamptz null, "last_event_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_consent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_consent_deleted_at" ON "sms_rcs_consent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_consent_phone_purpose_channel_unique" ON "sms_rcs_consent" ("phone", "purpose", "channel") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_consent_customer_id" ON "sms_rcs_consent" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_consent_event" ("id" text not null, "phone" text not null, "customer_id" text null, "purpose" text check ("purpose" in ('transactional', 'marketing')) not null, "channel" text check ("channel" in ('sms', 'rcs', 'all')) not null default 'all', "action" text check ("action" in ('grant', 'revoke', 'request')) not null, "source" text check ("source" in ('checkout', 'storefront_form', 'keyword', 'admin', 'import', 'double_opt_in')) not null, "wording" text null, "wording_version" text null, "locale" text null, "ip" text null, "user_agent" text null, "occurred_at" timestamptz not null, "evidence" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_consent_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_consent_event_deleted_at" ON "sms_rcs_consent_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_consent_event_phone_purpose" ON "sms_rcs_consent_event" ("phone", "purpose") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_consent_event_customer_id" ON "sms_rcs_consent_event" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_message" ("id" text not null, "to" text null, "raw_to" text null, "country_code" text null, "channel" text check ("channel" in ('sms', 'rcs')) not null default 'sms', "purpose" text check ("purpose" in ('transactional', 'marketing')) not null, "template_key" text null, "locale" text null, "body" text null, "rich_payload" jsonb null, "status" text check ("status" in ('queued', 'deferred', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown', 'skipped', 'suppressed', 'expired')) not null default 'queued', "status_reason" text null, "provider" text null, "provider_message_id" text null, "idempotency_key" text not null, "encoding" text check ("encoding" in ('GSM-7', 'UCS-2')) null, "segments" integer not null default 0, "cost_amount" integer null, "cost_currency_code" text null, "order_id" text null, "cart_id" text null, "customer_id" text null, "campaign_id" text null, "fallback_of_id" text null, "attempts" integer not null default 0, "send_after" timestamptz null, "claimed_at" timestamptz null, "sent_at" timestamptz null, "delivered_at" timestamptz null, "read_at" timestamptz null, "failed_at" timestamptz null, "status_updated_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_message_idempotency_key_unique" ON "sms_rcs_message" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_deleted_at" ON "sms_rcs_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_order_id" ON "sms_rcs_message" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_customer_id" ON "sms_rcs_message" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_to" ON "sms_rcs_message" ("to") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_status_send_after" ON "sms_rcs_message" ("status", "send_after") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_provider_provider_message_id" ON "sms_rcs_message" ("provider", "provider_message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_campaign_id" ON "sms_rcs_message" ("campaign_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_template" ("id" text not null, "key" text not null, "locale" text not null, "purpose" text check ("purpose" in ('transactional', 'marketing')) not null, "sms_body" text not null, "rcs_payload" jsonb null, "enabled" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_template_deleted_at" ON "sms_rcs_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_template_key_locale_unique" ON "sms_rcs_template" ("key", "locale") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_tracked_link" ("id" text not null, "code" text not null, "target_url" text not null, "message_id" text null, "campaign_id" text null, "channel" text check ("channel" in ('sms', 'rcs')) not null default 'sms', "expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_tracked_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_tracked_link_code_unique" ON "sms_rcs_tracked_link" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_tracked_link_deleted_at" ON "sms_rcs_tracked_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_tracked_link_message_id" ON "sms_rcs_tracked_link" ("message_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_attribution" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_click" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_consent" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_consent_event" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_message" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_template" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_tracked_link" cascade;`);
  }

}
