import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203133717 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_message" add column if not exists "media_url" text null;`);

    this.addSql(`alter table if exists "sms_rcs_template" add column if not exists "media_url" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_message" drop column if exists "media_url";`);

    this.addSql(`alter table if exists "sms_rcs_template" drop column if exists "media_url";`);
  }

}
