import { backendUrl } from "./sdk"

/**
 * One thing wrong with what was sent, as the plugin's admin API reports it. Routes that parse their body
 * themselves also give zod's issue `code` and its `params` (minimum, maximum, a custom check's `reason`),
 * so a page can say it in the owner's language (see components/campaigns/campaign-problems.ts).
 */
export type ApiProblem = { path: string; message: string; code?: string; params?: Record<string, unknown> }

/** An admin API error that keeps the `problems` of a 400 answer. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: ApiProblem[] = []
  ) {
    super(message)
    this.name = "ApiError"
  }
}

/** The `problems` of an error, or its message as a single problem. */
export function problemsOf(error: unknown): ApiProblem[] {
  if (error instanceof ApiError && error.problems.length) return error.problems
  return [{ path: "", message: error instanceof Error ? error.message : String(error) }]
}

type ApiRequest = { method?: string; body?: unknown }

/**
 * A JSON request to the admin API with the same base URL and session cookie as the SDK, answering the
 * response and its body (`{ message }` when the body is not JSON).
 */
async function requestJson(path: string, init: ApiRequest): Promise<{ response: Response; data: any }> {
  const response = await fetch(`${backendUrl.replace(/\/$/, "")}${path}`, {
    method: init.method ?? "GET",
    credentials: "include",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  try {
    return { response, data: text ? JSON.parse(text) : {} }
  } catch {
    return { response, data: { message: text } }
  }
}

/**
 * A JSON request to the admin API whose 4xx answer lists `problems`.
 *
 * `sdk.client.fetch` throws a `FetchError` that keeps only the answer's `message`, so the calls that must
 * show every problem (save, preview, send test) go through `fetch` with the same base URL and the same
 * session cookie as the SDK.
 */
export async function requestWithProblems<T>(path: string, init: ApiRequest = {}): Promise<T> {
  const { response, data } = await requestJson(path, init)
  if (!response.ok) {
    const problems: ApiProblem[] = Array.isArray(data?.problems)
      ? data.problems.map((p: any) => ({
          path: String(p?.path ?? ""),
          message: String(p?.message ?? p),
          ...(typeof p?.code === "string" ? { code: p.code } : {}),
          ...(p?.params && typeof p.params === "object" ? { params: p.params } : {}),
        }))
      : []
    throw new ApiError(data?.message || response.statusText || `HTTP ${response.status}`, response.status, problems)
  }
  return data as T
}

/**
 * A refusal that keeps the answer's `code` (`too_many_rows`, `not_the_previewed_file`, `invalid_phone`…) and
 * its other fields (`line`), so the page says it in the admin's language; `message` is the server's English,
 * shown only for a code the catalogue does not know.
 */
export class CodedApiError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly code: string | null,
    readonly details: Record<string, unknown>
  ) {
    super(message, status)
    this.name = "CodedApiError"
  }
}

/** A JSON request to the admin API whose refusal is a CodedApiError (same origin and session as the SDK). */
export async function requestWithCode<T>(path: string, init: ApiRequest = {}): Promise<T> {
  const { response, data } = await requestJson(path, init)
  if (!response.ok) {
    const code = typeof data?.code === "string" ? data.code : null
    throw new CodedApiError(String(data?.message || response.statusText || `HTTP ${response.status}`), response.status, code, data ?? {})
  }
  return data as T
}
