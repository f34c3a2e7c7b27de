import { createSign } from "node:crypto"
import { ProviderError } from "../types"

export const RBM_SCOPE = "https://www.googleapis.com/auth/rcsbusinessmessaging"
const DEFAULT_TOKEN_URL = "https://oauth2.googleapis.com/token"

export type ServiceAccountKey = {
  client_email: string
  private_key: string
  private_key_id?: string
  token_uri?: string
}

const base64url = (input: Buffer | string) => Buffer.from(input).toString("base64url")

/**
 * A service account's access token for the RBM API, by the OAuth 2.0 JWT bearer grant (RFC 7523): a JWT
 * signed RS256 with the account's private key is exchanged at the token URL. Tokens live an hour; one is
 * kept and renewed a minute before it ends, and concurrent callers share one exchange.
 */
export class ServiceAccountToken {
  private token?: { value: string; expiresAt: number }
  private pending?: Promise<string>

  constructor(
    private readonly key: ServiceAccountKey,
    private readonly timeoutMs: number,
    private readonly tokenUrl = key.token_uri ?? DEFAULT_TOKEN_URL,
    private readonly now: () => number = Date.now
  ) {}

  /** The signed assertion, exported for the unit tests' fixed vectors. */
  assertion(): string {
    const iat = Math.floor(this.now() / 1000)
    const header = { alg: "RS256", typ: "JWT", ...(this.key.private_key_id ? { kid: this.key.private_key_id } : {}) }
    const claims = { iss: this.key.client_email, scope: RBM_SCOPE, aud: this.tokenUrl, iat, exp: iat + 3600 }
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
    const signature = createSign("RSA-SHA256").update(unsigned).sign(this.key.private_key)
    return `${unsigned}.${base64url(signature)}`
  }

  async get(): Promise<string> {
    if (this.token && this.token.expiresAt - 60_000 > this.now()) {
      return this.token.value
    }
    this.pending ??= this.exchange().finally(() => (this.pending = undefined))
    return this.pending
  }

  /** Forgets the token (the API answered 401: it was revoked or the key rotated). */
  invalidate(): void {
    this.token = undefined
  }

  private async exchange(): Promise<string> {
    let response: Response
    try {
      response = await fetch(this.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: this.assertion() }),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      // no message went out: safe to retry
      throw new ProviderError("retryable", `rbm: token endpoint unreachable: ${(error as Error).message}`, "RBM_TOKEN_UNREACHABLE")
    }
    const body: any = await response.json().catch(() => ({}))
    if (!response.ok || typeof body.access_token !== "string") {
      const reason = body.error_description ?? body.error ?? `HTTP ${response.status}`
      if (response.status >= 500 || response.status === 429) {
        throw new ProviderError("retryable", `rbm: token endpoint failed: ${reason}`, "RBM_TOKEN_UNAVAILABLE")
      }
      throw new ProviderError("permanent", `rbm: service account refused: ${reason}`, "RBM_AUTH")
    }
    const expiresIn = Number(body.expires_in) > 0 ? Number(body.expires_in) : 3600
    this.token = { value: body.access_token, expiresAt: this.now() + expiresIn * 1000 }
    return body.access_token
  }
}
