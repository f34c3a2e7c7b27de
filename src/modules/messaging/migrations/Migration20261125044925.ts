import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125044925 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_attribution" add column if not exists "automation" text null, add column if not exists "message_cost" real null;`);

    this.addSql(`alter table if exists "sms_rcs_message" add column if not exists "automation" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_sent_at" ON "sms_rcs_message" ("sent_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_attribution" drop column if exists "automation", drop column if exists "message_cost";`);

    this.addSql(`drop index if exists "IDX_sms_rcs_message_sent_at";`);
    this.addSql(`alter table if exists "sms_rcs_message" drop column if exists "automation";`);
  }

}
