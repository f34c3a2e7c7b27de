import { z } from "zod"
import type { GatewayUse, OptionProblem } from "../../lib/options"

/** Twilio Programmable Messaging's options, `twilio` in the plugin options (see docs/providers.md, "Twilio"). */
export const twilioOptionsSchema = z
  .object({
    accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'expected an Account SID ("AC" and 32 hex characters)'),
    /** Signs (and verifies) webhooks; authenticates API calls unless an API key is given. */
    authToken: z.string().min(1, "expected the account's Auth Token"),
    apiKeySid: z.string().regex(/^SK[0-9a-fA-F]{32}$/, 'expected an API key SID ("SK" and 32 hex characters)').optional(),
    apiKeySecret: z.string().min(1).optional(),
    /** A sender number or alphanumeric id, or … */
    from: z.string().min(1).optional(),
    /** … a Messaging Service, which picks the sender (and is required for RCS). */
    messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'expected a Messaging Service SID ("MG" and 32 hex characters)').optional(),
    /** The URL Twilio reaches this Medusa server at, for status callbacks and their signatures. */
    publicUrl: z.string().regex(/^https?:\/\/[^/]+/, "expected the public URL of this Medusa server, e.g. https://shop.example.com"),
    /** Seconds Twilio may keep a message queued before giving up (1–36000). */
    validityPeriodSeconds: z.number().int().min(1).max(36_000).optional(),
    apiBaseUrl: z.string().regex(/^https?:\/\//, "expected an http(s) URL").default("https://api.twilio.com"),
    /** Twilio's Content API, where RCS rich cards and carousels are created as content templates. */
    contentApiBaseUrl: z.string().regex(/^https?:\/\//, "expected an http(s) URL").default("https://content.twilio.com"),
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .strict()
  .refine((o) => o.from || o.messagingServiceSid, { message: 'set "from" or "messagingServiceSid"' })
  .refine((o) => !o.apiKeySid === !o.apiKeySecret, { message: '"apiKeySid" and "apiKeySecret" go together' })

export type TwilioOptions = z.output<typeof twilioOptionsSchema>

/** Twilio's settings are required when it sends SMS, and a Messaging Service when it sends RCS. */
export function twilioOptionProblems(use: GatewayUse, options: TwilioOptions | undefined): OptionProblem[] {
  const problems: OptionProblem[] = []
  if (use.sms && !options) {
    problems.push({ path: [], message: 'required when "provider" is "twilio"' })
  }
  if (use.rcs && !options?.messagingServiceSid) {
    problems.push({
      path: ["messagingServiceSid"],
      message: 'required when "rcs.provider" is "twilio" (RCS senders live in a Messaging Service)',
    })
  }
  return problems
}
