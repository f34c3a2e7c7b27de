import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203131702 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "sms_rcs_handoff_webhook" ("id" text not null, "conversation_id" text not null, "phone" text null, "body" text null, "status" text check ("status" in ('pending', 'delivered', 'failed')) not null default 'pending', "attempts" integer not null default 0, "last_error" text null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_handoff_webhook_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_handoff_webhook_deleted_at" ON "sms_rcs_handoff_webhook" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_handoff_webhook_status_created_at" ON "sms_rcs_handoff_webhook" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_handoff_webhook_phone" ON "sms_rcs_handoff_webhook" ("phone") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_handoff_webhook" cascade;`);
  }

}
