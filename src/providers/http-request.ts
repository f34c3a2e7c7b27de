import http from "node:http"
import https from "node:https"

/** A provider's HTTP answer, read in full. */
export type HttpAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string }

/**
 * A request that got no answer, and whether it may have reached the provider. `sent: false` is certain:
 * the request was never fully written (it waited for a pooled connection, or for the connection to open,
 * and the time ran out; the connection was refused), or it was written on a reused keep-alive connection
 * that the server had already closed (a reset before any byte of answer: a server closes an idle
 * connection, it does not process a request on it). Everything else after the request was written — a
 * timeout, a reset on a fresh connection, a cut answer — may have been processed: `sent: true`.
 */
export class HttpRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly sent: boolean
  ) {
    super(message)
    this.name = "HttpRequestError"
  }
}

export type HttpRequestOptions = {
  method: string
  headers: Record<string, string>
  body?: string
  /** For each phase: getting a connection and writing the request, then waiting for the answer. */
  timeoutMs: number
  agent: http.Agent
}

/** One keep-alive connection pool per provider (Node honours the server's `Keep-Alive: timeout` hint). */
export function providerAgent(url: string, maxSockets = 256): http.Agent {
  const options = { keepAlive: true, maxSockets, scheduling: "fifo" as const }
  return url.startsWith("https:") ? new https.Agent(options) : new http.Agent(options)
}

/**
 * An HTTP request whose timeout starts only once the request is written: the time spent waiting for a
 * connection (the pool is busy, the TCP or TLS handshake is slow) has a budget of its own and, if it runs
 * out, the request certainly never left. `fetch` cannot say which of the two a timeout was.
 */
export function httpRequest(url: string, options: HttpRequestOptions): Promise<HttpAnswer> {
  const target = new URL(url)
  const transport = target.protocol === "https:" ? https : http
  return new Promise<HttpAnswer>((resolve, reject) => {
    let written = false
    let answered = false
    let settled = false
    const fail = (error: HttpRequestError) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      request.destroy()
      reject(error)
    }
    const request = transport.request(
      target,
      {
        method: options.method,
        agent: options.agent,
        headers: { ...options.headers, ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}) },
      },
      (response) => {
        answered = true
        const chunks: Buffer[] = []
        response.on("data", (chunk: Buffer) => chunks.push(chunk))
        response.on("error", (error) => fail(new HttpRequestError(`answer cut: ${error.message}`, "ANSWER_CUT", true)))
        response.on("aborted", () => fail(new HttpRequestError("answer cut", "ANSWER_CUT", true)))
        response.on("end", () => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") })
        })
      }
    )
    let timer = setTimeout(
      () => fail(new HttpRequestError(`no connection within ${options.timeoutMs} ms (the request was not sent)`, "CONNECT_TIMEOUT", false)),
      options.timeoutMs
    )
    request.on("finish", () => {
      // the whole request is with the OS: from now on the provider may act on it
      written = true
      clearTimeout(timer)
      timer = setTimeout(
        () => fail(new HttpRequestError(`no answer within ${options.timeoutMs} ms`, "ANSWER_TIMEOUT", true)),
        options.timeoutMs
      )
    })
    request.on("error", (error: NodeJS.ErrnoException) => {
      const code = error.code ?? "NETWORK"
      const closedIdleConnection = request.reusedSocket && !answered && (code === "ECONNRESET" || code === "EPIPE")
      fail(new HttpRequestError(error.message, code, answered || (written && !closedIdleConnection)))
    })
    request.end(options.body)
  })
}
