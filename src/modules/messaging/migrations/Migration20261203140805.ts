import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203140805 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_conversation" add column if not exists "answers_window_started_at" timestamptz null, add column if not exists "answers_in_window" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_conversation" drop column if exists "answers_window_started_at", drop column if exists "answers_in_window";`);
  }

}
