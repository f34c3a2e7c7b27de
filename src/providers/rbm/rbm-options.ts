import { z } from "zod"
import type { GatewayUse, OptionProblem } from "../../lib/options"

/** A Google Cloud service account's JSON key, as downloaded from the console (only the fields used). */
const serviceAccountKey = z
  .object({
    client_email: z.string().email("expected the service account's e-mail (client_email)"),
    private_key: z.string().regex(/-----BEGIN (RSA )?PRIVATE KEY-----/, "expected a PEM private key (private_key)"),
    private_key_id: z.string().optional(),
    token_uri: z.string().regex(/^https?:\/\//).optional(),
  })
  .passthrough()

/** Google RCS Business Messaging's options, `rbm` in the plugin options (see docs/providers.md, "Google RBM"). */
export const rbmOptionsSchema = z
  .object({
    /** The agent's id, from the Business Communications console. */
    agentId: z.string().regex(/^[A-Za-z0-9_-]+$/, "expected the agent id shown in the RBM console"),
    /** The service account key: the JSON object, or the JSON text (e.g. from an environment variable). */
    serviceAccountKey: z.preprocess((value, ctx) => {
      if (typeof value !== "string") return value
      try {
        return JSON.parse(value)
      } catch {
        ctx.addIssue({ code: "custom", message: "expected the service account's JSON key (an object, or its JSON text)" })
        return z.NEVER
      }
    }, serviceAccountKey),
    /** The webhook's client token, set in the console: it signs every event (X-Goog-Signature). */
    clientToken: z.string().min(8, "expected the webhook client token set in the RBM console (8 characters or more)"),
    apiBaseUrl: z.string().regex(/^https?:\/\//, "expected an http(s) URL").default("https://rcsbusinessmessaging.googleapis.com"),
    /** Where the service account's JWT is exchanged for an access token. Unset: the key's token_uri. */
    tokenUrl: z.string().regex(/^https?:\/\//, "expected an http(s) URL").optional(),
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .strict()

export type RbmOptions = z.output<typeof rbmOptionsSchema>

/** RBM's settings are required when it sends RCS (it sends nothing else). */
export function rbmOptionProblems(use: GatewayUse, options: RbmOptions | undefined): OptionProblem[] {
  return use.rcs && !options ? [{ path: [], message: 'required when "rcs.provider" is "rbm"' }] : []
}
