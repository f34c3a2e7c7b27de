import { createHmac, randomBytes } from "crypto"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"

const SECRET_NAME = "erasure"

/**
 * Keys for erased numbers: HMAC-SHA-256 of the E.164 number under a secret made once per installation
 * and stored in `sms_rcs_install_secret`. An unsalted hash of a phone number can be reversed by hashing
 * every number of a country; this one cannot be without the secret, and it matches nothing in another
 * installation. The same number always gives the same key here, so a revocation kept under it still
 * refuses the number after its erasure.
 */
export class ErasedNumbers {
  private secret_?: Promise<string>

  constructor(private readonly knex: Knex) {}

  /** The secret, created by the first process that needs it (concurrent first uses agree on one row). */
  private secret(): Promise<string> {
    if (!this.secret_) {
      this.secret_ = (async () => {
        await this.knex.raw(
          `INSERT INTO sms_rcs_install_secret (id, name, value) VALUES (?, ?, ?)
           ON CONFLICT (name) WHERE deleted_at IS NULL DO NOTHING`,
          [generateEntityId(undefined, "smssec"), SECRET_NAME, randomBytes(32).toString("hex")]
        )
        const row = await this.knex("sms_rcs_install_secret").where({ name: SECRET_NAME }).whereNull("deleted_at").first("value")
        return row.value as string
      })()
      // a failed first read (database away) is tried again next time rather than remembered
      this.secret_.catch(() => (this.secret_ = undefined))
    }
    return this.secret_
  }

  /** The suppression list's key of a number (64 hex characters). */
  async keyOf(phone: string): Promise<string> {
    return createHmac("sha256", await this.secret()).update(phone).digest("hex")
  }

  /** The stand-in written where the number was, so one person's ledger still reads as one history. */
  async standInOf(phone: string): Promise<string> {
    return `erased:${(await this.keyOf(phone)).slice(0, 32)}`
  }
}
