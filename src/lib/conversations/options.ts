import { z } from "zod"
import { isTimeZone } from "../time-zone"
import { DEFAULT_BUSINESS_DAYS } from "./business-hours"


const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time "HH:MM" (00:00 to 24:00)')
const slot = z.object({ open: hhmm, close: hhmm }).strict().refine((s) => s.open < s.close, "open must be before close").nullable()
const localized = z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "expected a locale such as en or fr"), z.string().min(1).max(1600))

/**
 * `conversations` in the plugin options (README, "Conversations"): automatic answers, hand-off to a
 * person, text-to-join. Every field has a default.
 */
const conversationOptionsObject = z
  .object({
    /** Answer texts automatically (order status, the FAQ, hand-off). Off: texts are stored and shown only. */
    autoAnswers: z.boolean().default(true),
    /** The loop guard: at most this many automatic answers per conversation within `windowMinutes`. */
    maxAutomaticAnswers: z.number().int().min(1).max(50).default(5),
    windowMinutes: z.number().int().min(1).max(1_440).default(10),
    /**
     * When people answer, to tell a shopper who asks for one when to expect it. `timeZone` unset: the
     * plugin's `defaultTimeZone`. Days 0 (Sunday) to 6 (Saturday); unset days are closed.
     */
    businessHours: z
      .object({
        timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as "Europe/Paris"').optional(),
        days: z.record(z.enum(["0", "1", "2", "3", "4", "5", "6"]), slot).optional(),
      })
      .strict()
      .default({ timeZone: undefined, days: undefined }),
    /**
     * An answer to a text no rule understood, at most one per conversation per day, per locale (e.g.
     * { en: "Thanks, we will get back to you.", fr: "…" }). Unset: no answer (the text waits in the inbox).
     */
    acknowledgement: localized.optional(),
    /** A signed POST to this URL when a shopper asks for a person (docs/conversations.md, "Hand-off webhook"). */
    handoffWebhook: z
      .object({
        url: z.string().regex(/^https?:\/\/[^/\s]+\S*$/, "expected an http(s) URL"),
        /**
         * The shared secret; a list while one is rotated (each try is signed with every one of them, the
         * receiver accepts any): add the new one first, move the receiver to it, then drop the old one.
         */
        secret: z.union([
          z.string().min(16, "use a secret of at least 16 characters"),
          z.array(z.string().min(16, "use a secret of at least 16 characters")).min(1).max(3),
        ]),
        /** Tries in all; the waits double from `backoffMs` (6 tries, 2 min: 2+4+8+16+32 ≈ an hour). */
        attempts: z.number().int().min(1).max(20).default(6),
        backoffMs: z.number().int().min(100).max(3_600_000).default(120_000),
        /** How long one try waits for the receiver's answer. */
        timeoutMs: z.number().int().min(500).max(60_000).default(10_000),
      })
      .strict()
      .optional(),
    /** Text-to-join: a whole text equal to a keyword asks the double opt-in question (YES makes the consent). */
    join: z
      .object({
        enabled: z.boolean().default(true),
        keywords: z.record(z.string(), z.string().min(2).max(20)).default({ en: "JOIN", fr: "OUI" }),
        /** The number shoppers text, as the admin's poster and QR code show it. Unset: the SMS gateway's `from`. */
        number: z.string().regex(/^\+[1-9]\d{6,14}$/, "expected an E.164 phone such as +33612345678").optional(),
      })
      .strict()
      .default({ enabled: true, keywords: { en: "JOIN", fr: "OUI" } }),
    /**
     * A module path (resolved from the app) whose default export `answer(context)` may replace the
     * automatic answer; see docs/conversations.md. The `answerInbound` workflow hook does the same in code.
     */
    responder: z.string().min(1).optional(),
  })
  .strict()

export const conversationOptionsSchema = z.preprocess((value) => value ?? {}, conversationOptionsObject)

export type ConversationOptions = z.output<typeof conversationOptionsSchema>

/** The business hours the options give, with their defaults (Monday–Friday 09:00–18:00). */
export function businessHoursOf(options: ConversationOptions, defaultTimeZone: string) {
  const days = options.businessHours.days
    ? Object.fromEntries(Object.entries(options.businessHours.days).map(([d, s]) => [Number(d), s]))
    : DEFAULT_BUSINESS_DAYS
  return { timeZone: options.businessHours.timeZone ?? defaultTimeZone, days }
}
