import { HttpRequestError } from "../http-request"
import { ProviderError } from "../types"

/**
 * Twilio error codes that mean the number itself cannot be texted: the message is `suppressed`, not
 * `failed`. https://www.twilio.com/docs/api/errors
 */
const SUPPRESSING_CODES: Record<number, string> = {
  21211: "invalid 'To' phone number",
  21214: "'To' phone number cannot be reached",
  21408: "permission to send to this region is not enabled",
  21610: "the recipient replied STOP to this sender",
  21612: "the 'To' number cannot receive messages from this sender",
  21614: "'To' number is not a valid mobile number",
}

type TwilioErrorBody = { code?: number; message?: string; more_info?: string; status?: number }

/**
 * Classifies an HTTP error answer of Twilio's Messages API:
 * 429 → retry after the time Twilio asks; 502/503 → not sent, retry; 500/504 → may have been created,
 * never resent blindly; 401/403 → credentials refused; 4xx with a number error → suppressed.
 */
export function twilioHttpError(status: number, body: TwilioErrorBody, retryAfter: string | null): ProviderError {
  const code = body.code ? String(body.code) : `HTTP_${status}`
  const text = `twilio: ${body.message ?? `HTTP ${status}`}`
  if (status === 429) {
    const seconds = Number(retryAfter)
    return new ProviderError("retryable", text, code, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000)
  }
  if (status === 502 || status === 503) {
    return new ProviderError("retryable", text, code)
  }
  if (status >= 500) {
    return new ProviderError("ambiguous", text, code)
  }
  if (status === 401 || status === 403) {
    return new ProviderError("permanent", `twilio: credentials refused (${body.message ?? status})`, code)
  }
  if (body.code && SUPPRESSING_CODES[body.code]) {
    return new ProviderError("permanent", `twilio: ${SUPPRESSING_CODES[body.code]}`, code, undefined, true)
  }
  return new ProviderError("permanent", text, code)
}

/**
 * A request that got no answer: one that certainly never reached Twilio (no connection in time, refused,
 * unresolvable, or a keep-alive connection Twilio had closed) is retried; one that may have (a timeout or
 * a reset after it was written) may have created the message: ambiguous, never resent blindly.
 */
export function twilioNetworkError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error
  const err = error as { name?: string; message?: string; code?: string; sent?: boolean }
  const code = err.code ?? err.name ?? "NETWORK"
  const text = `twilio: ${err.message ?? String(error)}`
  if (err instanceof HttpRequestError ? !err.sent : ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"].includes(code)) {
    return new ProviderError("retryable", text, code)
  }
  return new ProviderError("ambiguous", text, code)
}
