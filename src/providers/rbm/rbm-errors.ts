import { ProviderError } from "../types"

/**
 * RBM answers errors in Google's shape `{ error: { code, message, status } }`. Because RBM deduplicates
 * agent messages by their `messageId`, a send whose answer was lost can safely be sent again: network
 * errors and timeouts are retryable here, never ambiguous.
 */
export function rbmHttpError(httpStatus: number, body: any, retryAfter: string | null): ProviderError {
  const status: string = body?.error?.status ?? `HTTP_${httpStatus}`
  const message = `rbm: ${body?.error?.message ?? `HTTP ${httpStatus}`}`
  if (httpStatus === 404) {
    // the phone is not reachable over RCS (or unknown to the agent's carriers): the SMS takes over
    return new ProviderError("permanent", message, "RBM_NOT_RCS_REACHABLE")
  }
  if (httpStatus === 429) {
    const seconds = Number(retryAfter)
    return new ProviderError("retryable", message, status, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000)
  }
  if (httpStatus >= 500 || httpStatus === 408) {
    return new ProviderError("retryable", message, status)
  }
  // 400 INVALID_ARGUMENT (content refused), 401/403 (credentials, agent not launched on the carrier)
  return new ProviderError("permanent", message, status)
}

export function rbmNetworkError(error: unknown): ProviderError {
  return new ProviderError("retryable", `rbm: ${(error as Error)?.message ?? String(error)}`, "RBM_NETWORK")
}
