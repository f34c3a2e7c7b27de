import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202145155 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "sms_rcs_product_view" ("id" text not null, "phone" text not null, "country_code" text null, "product_id" text not null, "customer_id" text null, "cart_id" text null, "locale" text null, "viewed_at" timestamptz not null, "settled_at" timestamptz null, "settled_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sms_rcs_product_view_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_product_view_deleted_at" ON "sms_rcs_product_view" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sms_rcs_product_view_phone_product_id_unique" ON "sms_rcs_product_view" ("phone", "product_id") WHERE deleted_at IS NULL AND settled_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_product_view_viewed_at" ON "sms_rcs_product_view" ("viewed_at") WHERE deleted_at IS NULL AND settled_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sms_rcs_product_view" cascade;`);
  }

}
