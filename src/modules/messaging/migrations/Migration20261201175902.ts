import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201175902 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_install_secret" drop constraint if exists "sms_rcs_install_secret_name_unique";`);
    this.addSql(`alter table if exists "sms_rcs_erased_suppression" drop constraint if exists "sms_rcs_erased_suppression_phone_key_purpose_unique";`);
    this.addSql(`create table if not exists "sms_rcs_audit_entry" ("id" text not null, "actor_id" text null, "actor_type" text null, "action" text not null, "subject" jsonb null, "summary" jsonb null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_audit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_audit_entry_deleted_at" ON "sms_rcs_audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_audit_entry_occurred_at" ON "sms_rcs_audit_entry" ("occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_audit_entry_action_occurred_at" ON "sms_rcs_audit_entry" ("action", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_audit_entry_actor_id" ON "sms_rcs_audit_entry" ("actor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_erased_suppression" ("id" text not null, "phone_key" text not null, "purpose" text check ("purpose" in ('transactional', 'marketing')) not null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_erased_suppression_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_erased_suppression_deleted_at" ON "sms_rcs_erased_suppression" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_erased_suppression_phone_key_purpose_unique" ON "sms_rcs_erased_suppression" ("phone_key", "purpose") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sms_rcs_install_secret" ("id" text not null, "name" text not null, "value" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_install_secret_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_install_secret_deleted_at" ON "sms_rcs_install_secret" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_install_secret_name_unique" ON "sms_rcs_install_secret" ("name") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_audit_entry" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_erased_suppression" cascade;`);

    this.addSql(`drop table if exists "sms_rcs_install_secret" cascade;`);
  }

}
