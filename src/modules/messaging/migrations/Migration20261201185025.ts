import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201185025 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "sms_rcs_notification_text" ("id" text not null, "text" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_notification_text_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_notification_text_deleted_at" ON "sms_rcs_notification_text" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_notification_text" cascade;`);
  }

}
