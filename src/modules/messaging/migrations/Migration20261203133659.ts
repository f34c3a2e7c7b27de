import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203133659 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sms_rcs_variant_price" drop constraint if exists "sms_rcs_variant_price_variant_id_currency_code_unique";`);
    this.addSql(`create table if not exists "sms_rcs_variant_price" ("id" text not null, "variant_id" text not null, "currency_code" text not null, "amount" numeric not null, "seen_at" timestamptz not null, "drop_from" numeric null, "dropped_at" timestamptz null, "drop_settled_at" timestamptz null, "raw_amount" jsonb not null, "raw_drop_from" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_variant_price_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_variant_price_deleted_at" ON "sms_rcs_variant_price" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_variant_price_variant_id_currency_code_unique" ON "sms_rcs_variant_price" ("variant_id", "currency_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_variant_price_dropped_at" ON "sms_rcs_variant_price" ("dropped_at") WHERE deleted_at IS NULL AND dropped_at IS NOT NULL AND drop_settled_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_variant_price" cascade;`);
  }

}
