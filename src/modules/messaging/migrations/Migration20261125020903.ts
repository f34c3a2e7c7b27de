import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125020903 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_message" add column if not exists "rule_region" text null, add column if not exists "time_zones" text[] null;`);
    this.addSql(`alter table if exists "sms_rcs_message" alter column "cost_amount" type real using ("cost_amount"::real);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_message" drop column if exists "rule_region", drop column if exists "time_zones";`);

    this.addSql(`alter table if exists "sms_rcs_message" alter column "cost_amount" type integer using ("cost_amount"::integer);`);
  }

}
