/**
 * The replies the consent rules themselves make the plugin send, each with what the send-time consent
 * check allows it (docs/compliance.md):
 * - stop_confirmation, start_confirmation, help, clarify: answers to a text the number's owner just sent,
 *   so they go whatever the number's consent (the one confirmation after STOP must go out);
 * - double_opt_in ("reply YES …") and verification_code: asked for on the storefront, possibly by someone
 *   else, so they never go to a number that stopped everything;
 * - requested_alert (a back-in-stock alert): the shopper's request is its own consent for that one alert, so
 *   it needs no marketing opt-in, but never goes to a number that stopped everything (the fan-out also
 *   drops a request made before the number opted out of marketing).
 * The kind is written on the message row by the plugin's own workflows (never from a template key).
 */
export const CONSENT_REPLY_KINDS = [
  "stop_confirmation",
  "start_confirmation",
  "help",
  "clarify",
  "double_opt_in",
  "verification_code",
  "requested_alert",
] as const

export type ConsentReplyKind = (typeof CONSENT_REPLY_KINDS)[number]

/** Replies to the owner's own text: they go even after STOP ALL. */
export const ANSWERS_TO_OWNER: ReadonlySet<ConsentReplyKind> = new Set(["stop_confirmation", "start_confirmation", "help", "clarify"])
