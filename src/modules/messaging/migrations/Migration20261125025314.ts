import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125025314 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_consent" add column if not exists "last_event_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_consent" drop column if exists "last_event_at";`);
  }

}
