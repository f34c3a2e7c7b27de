import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125061543 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_to_sent_at" ON "sms_rcs_message" ("to", "sent_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sms_rcs_message_customer_id_sent_at" ON "sms_rcs_message" ("customer_id", "sent_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_sms_rcs_message_to_sent_at";`);
    this.addSql(`drop index if exists "IDX_sms_rcs_message_customer_id_sent_at";`);
  }

}
