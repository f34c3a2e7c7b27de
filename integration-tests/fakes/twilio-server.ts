import { randomBytes } from "crypto"
import http, { type IncomingMessage, type ServerResponse } from "http"
import https from "https"
import type { AddressInfo } from "net"
import { twilioSignature } from "../../src/providers/twilio/twilio-signature"

/**
 * A local stand-in for Twilio's Messages API, for the tests, the chaos run and the bench. It checks what
 * Twilio checks (Basic auth, form encoding, required fields, E.164, body length), answers in Twilio's
 * documented shapes, and calls the StatusCallback back with `sent` then `delivered` (or `undelivered`),
 * signed with X-Twilio-Signature as Twilio does. Faults can be injected for the chaos run.
 */
export type Fault = "503" | "429" | "timeout"

export type FakeTwilioOptions = {
  accountSid: string
  authToken: string
  /** Delay before each status callback. */
  callbackDelayMs?: number
  /** Share of requests that hit a fault, and which faults (chosen at random). */
  faults?: { rate: number; kinds: Fault[] }
  /** How long a "timeout" fault holds the answer (longer than the client waits). */
  timeoutHoldMs?: number
  /** Numbers that Twilio refuses, with the error code it answers. */
  refuse?: Record<string, number>
  /** How long an accepted message stays `queued` (no date_sent) before Twilio sends it. */
  queueHoldMs?: number
  /** Called when a send is accepted, before the answer goes back (a test injects a fault there). */
  onAccepted?: (message: FakeTwilioMessage) => Promise<void> | void
}

export type FakeTwilioMessage = {
  sid: string
  to: string
  from: string | null
  body: string
  /** The Content API item sent (RCS), if any. */
  content_sid: string | null
  /** MMS: the images sent with the text (MediaUrl). */
  media_urls: string[]
  /** Seconds Twilio may keep it queued, as asked. */
  validity_period: number | null
  message_id: string | null
  messaging_service_sid: string | null
  status: string
  date_created: string
  /** Set when the message leaves Twilio's queue; null while it is queued. */
  date_sent: string | null
  /** When the request reached the fake (ms since epoch), for latency figures. */
  received_at: number
}

const E164 = /^\+[1-9]\d{6,14}$/

function twilioError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }))
}

/** What the Content API checks on a new item (the types the plugin uses). */
function contentProblem(content: any): string | null {
  if (!content?.friendly_name || !content.language || !content.types || typeof content.types !== "object") {
    return "friendly_name, language and types are required"
  }
  const { "twilio/card": card, "twilio/carousel": carousel, "twilio/text": text } = content.types
  if (text && (typeof text.body !== "string" || !text.body || text.body.length > 1600)) return "twilio/text body must be 1 to 1600 characters"
  const actions = (list: any[] | undefined) => {
    if (!list) return null
    if (list.length > 4) return "at most 4 actions"
    for (const a of list) {
      if (!["QUICK_REPLY", "URL", "PHONE_NUMBER"].includes(a.type) || !a.title) return "an action needs a known type and a title"
      if (a.type === "URL" && !/^https?:\/\//.test(a.url ?? "")) return "a URL action needs an http(s) url"
      if (a.type === "PHONE_NUMBER" && !E164.test(a.phone ?? "")) return "a PHONE_NUMBER action needs an E.164 phone"
      if (a.type === "QUICK_REPLY" && !a.id) return "a QUICK_REPLY action needs an id"
    }
    return null
  }
  if (card) {
    if (!card.title) return "twilio/card title is required"
    const problem = actions(card.actions)
    if (problem) return `twilio/card: ${problem}`
  }
  if (carousel) {
    if (!Array.isArray(carousel.cards) || carousel.cards.length < 1 || carousel.cards.length > 10) return "twilio/carousel holds 1 to 10 cards"
    for (const c of carousel.cards) {
      const problem = actions(c.actions)
      if (problem) return `twilio/carousel: ${problem}`
    }
  }
  return null
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString("utf8")
}

export async function startFakeTwilio(options: FakeTwilioOptions) {
  const accepted: FakeTwilioMessage[] = []
  /** How many times each of our message ids reached the fake and was accepted (duplicates > 1). */
  const receivedById = new Map<string, number>()
  const faultsSeen: Record<string, number> = { "503": 0, "429": 0, timeout: 0 }
  /** Content API items created (twilio/card, twilio/carousel, twilio/text …), by sid. */
  const contents = new Map<string, { friendly_name: string; language: string; types: Record<string, any> }>()
  const callbacks: { url: string; status: number }[] = []
  const pending = new Set<Promise<unknown>>()
  let faults = options.faults

  // Twilio keeps its connections to a callback host open; `fetch` would spend more CPU than the code measured.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
  const secureAgent = new https.Agent({ keepAlive: true, maxSockets: 256 })
  const post = (url: string, body: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const secure = url.startsWith("https:")
      const request = (secure ? https : http).request(url, { method: "POST", agent: secure ? secureAgent : agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (response) => {
        response.resume()
        response.on("end", () => resolve(response.statusCode ?? 0))
        response.on("error", reject)
      })
      request.setTimeout(10_000, () => request.destroy(new Error("callback timed out")))
      request.on("error", reject)
      request.end(body)
    })

  const callBack = (url: string, params: Record<string, string>) => {
    const body = new URLSearchParams(params)
    const idempotencyToken = randomBytes(16).toString("hex")
    const run = (async () => {
      await new Promise((r) => setTimeout(r, options.callbackDelayMs ?? 20))
      // Retried on errors, as Twilio does with connection overrides (#rc=…): the same token each time.
      for (let attempt = 1; attempt <= 8; attempt++) {
        try {
          const status = await post(url, body.toString(), {
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature": twilioSignature(options.authToken, url, body),
            "i-twilio-idempotency-token": idempotencyToken,
          })
          callbacks.push({ url, status })
          if (status >= 200 && status < 300) return
        } catch {
          callbacks.push({ url, status: 0 })
        }
        await new Promise((r) => setTimeout(r, 250 * attempt))
      }
    })()
    pending.add(run)
    run.finally(() => pending.delete(run))
    return run
  }

  /** A message resource as Twilio's API returns it (no StatusCallback: the API does not return it). */
  const resource = (m: FakeTwilioMessage) => ({
    account_sid: options.accountSid,
    api_version: "2010-04-01",
    // a Content API send is stored with the content's text as its body
    body: m.body || (m.content_sid ? contents.get(m.content_sid)?.types["twilio/text"]?.body ?? "" : ""),
    date_created: m.date_created,
    date_sent: m.date_sent,
    date_updated: m.date_sent ?? m.date_created,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: m.from,
    messaging_service_sid: m.messaging_service_sid,
    num_media: "0",
    num_segments: "1",
    price: null,
    price_unit: "USD",
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: `/2010-04-01/Accounts/${options.accountSid}/Messages/${m.sid}/Media.json` },
    to: m.to,
    uri: `/2010-04-01/Accounts/${options.accountSid}/Messages/${m.sid}.json`,
  })

  const server = http.createServer(async (req, res) => {
    const path = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`
    const [pathname, search = ""] = (req.url ?? "").split("?")
    const auth = req.headers.authorization ?? ""
    const expected = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`
    if (pathname === `/2010-04-01/Accounts/${options.accountSid}.json` && req.method === "GET") {
      // the account, as read by a credentials check
      if (auth !== expected) return twilioError(res, 401, 20003, "Authenticate")
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(JSON.stringify({ sid: options.accountSid, friendly_name: "Fake Twilio account", status: "active", type: "Full" }))
    }
    if (pathname === "/v1/Content" && req.method === "POST") {
      // Content API (content.twilio.com): JSON, the same Basic auth
      if (auth !== expected) return twilioError(res, 401, 20003, "Authenticate")
      let content: any
      try {
        content = JSON.parse(await readBody(req))
      } catch {
        return twilioError(res, 400, 20001, "Invalid JSON")
      }
      const problem = contentProblem(content)
      if (problem) return twilioError(res, 400, 20001, problem)
      const sid = `HX${randomBytes(16).toString("hex")}`
      contents.set(sid, content)
      res.writeHead(201, { "content-type": "application/json" })
      return res.end(JSON.stringify({ sid, account_sid: options.accountSid, ...content, date_created: new Date().toISOString() }))
    }
    const one = pathname.match(new RegExp(`^/2010-04-01/Accounts/${options.accountSid}/Messages/([A-Za-z0-9]+)\\.json$`))
    if (one && req.method === "GET") {
      if (auth !== expected) return twilioError(res, 401, 20003, "Authenticate")
      const found = accepted.find((m) => m.sid === one[1])
      if (!found) return twilioError(res, 404, 20404, `The requested resource /2010-04-01/Accounts/${options.accountSid}/Messages/${one[1]}.json was not found`)
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(JSON.stringify(resource(found)))
    }
    if (pathname !== path || (req.method !== "POST" && req.method !== "GET")) {
      return twilioError(res, 404, 20404, "The requested resource was not found")
    }
    if (auth !== expected) {
      return twilioError(res, 401, 20003, "Authenticate")
    }
    if (req.method === "GET") {
      // Message list as Twilio answers it: filters To, From, DateSent / DateSent< / DateSent> (a day; a
      // message still queued has no date_sent and is left out by them), newest first, paged (PageSize
      // up to 1000, default 50, `next_page_uri` until the last page). No StatusCallback in the resource.
      const query = new URLSearchParams(search)
      const to = query.get("To")
      const from = query.get("From")
      const day = (m: FakeTwilioMessage) => (m.date_sent ? new Date(m.date_sent).toISOString().slice(0, 10) : null)
      const after = query.get("DateSent>")
      const before = query.get("DateSent<")
      const on = query.get("DateSent")
      const matching = accepted
        .filter((m) => (!to || m.to === to) && (!from || m.from === from))
        .filter((m) => (!after || (day(m) !== null && day(m)! >= after)) && (!before || (day(m) !== null && day(m)! <= before)) && (!on || day(m) === on))
        .slice()
        .reverse()
      const pageSize = Math.min(1000, Math.max(1, Number(query.get("PageSize") ?? 50) || 50))
      const page = Math.max(0, Number(query.get("Page") ?? 0) || 0)
      const slice = matching.slice(page * pageSize, (page + 1) * pageSize)
      const pageUri = (n: number) => {
        const q = new URLSearchParams(query)
        q.set("PageSize", String(pageSize))
        q.set("Page", String(n))
        q.set("PageToken", `PA${n}`)
        return `${path}?${q}`
      }
      const hasNext = (page + 1) * pageSize < matching.length
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(
        JSON.stringify({
          messages: slice.map(resource),
          end: page * pageSize + Math.max(0, slice.length - 1),
          first_page_uri: pageUri(0),
          next_page_uri: hasNext ? pageUri(page + 1) : null,
          page,
          page_size: pageSize,
          previous_page_uri: page > 0 ? pageUri(page - 1) : null,
          start: page * pageSize,
          uri: `${path}?${search}`,
        })
      )
    }
    if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
      return twilioError(res, 400, 20001, "Content-Type must be application/x-www-form-urlencoded")
    }
    const form = new URLSearchParams(await readBody(req))
    const to = form.get("To") ?? ""
    const body = form.get("Body") ?? ""
    const from = form.get("From")
    const service = form.get("MessagingServiceSid")
    if (!to) return twilioError(res, 400, 21604, "A 'To' phone number is required.")
    if (!E164.test(to)) return twilioError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`)
    if (!from && !service) return twilioError(res, 400, 21603, "A 'From' phone number is required.")
    const mediaUrls = form.getAll("MediaUrl")
    if (mediaUrls.length > 10) return twilioError(res, 400, 21623, "A message can have at most 10 MediaUrl parameters.")
    if (mediaUrls.some((u) => !/^https?:\/\/\S+$/.test(u))) return twilioError(res, 400, 21620, "MediaUrl must be a valid http(s) URL.")
    if (mediaUrls.length && !/^\+1/.test(to)) return twilioError(res, 400, 21612, `MMS is not supported to ${to}.`)
    const contentSid = form.get("ContentSid")
    if (contentSid && !contents.has(contentSid)) return twilioError(res, 400, 21655, "The ContentSid is invalid.")
    if (contentSid && !service) return twilioError(res, 400, 21703, "RCS content requires a MessagingServiceSid with an RCS sender.")
    if (!body && !contentSid) return twilioError(res, 400, 21602, "Message body is required.")
    const validity = form.get("ValidityPeriod")
    if (validity !== null && !(/^\d+$/.test(validity) && Number(validity) >= 1 && Number(validity) <= 36_000)) {
      return twilioError(res, 400, 21609, "ValidityPeriod must be between 1 and 36000 seconds.")
    }
    if (body.length > 1600) return twilioError(res, 400, 21617, "The concatenated message body exceeds the 1600 character limit.")
    const refusal = options.refuse?.[to]
    // Twilio's error messages name the number, as these do
    if (refusal) return twilioError(res, 400, refusal, `The message to ${to} was refused (error ${refusal}).`)

    const fault: Fault | undefined =
      faults && Math.random() < faults.rate ? faults.kinds[Math.floor(Math.random() * faults.kinds.length)] : undefined
    if (fault === "503") {
      faultsSeen["503"]++
      return twilioError(res, 503, 20503, "Service unavailable")
    }
    if (fault === "429") {
      faultsSeen["429"]++
      return twilioError(res, 429, 20429, "Too Many Requests", { "retry-after": "1" })
    }

    const callbackUrl = form.get("StatusCallback")
    const messageId = callbackUrl ? new URL(callbackUrl).searchParams.get("message_id") : null
    const sid = `SM${randomBytes(16).toString("hex")}`
    const record: FakeTwilioMessage = {
      sid,
      to,
      from: from ?? (service ? "+15005550009" : null),
      body,
      media_urls: mediaUrls,
      content_sid: contentSid,
      validity_period: form.get("ValidityPeriod") ? Number(form.get("ValidityPeriod")) : null,
      message_id: messageId,
      messaging_service_sid: service,
      status: "queued",
      date_created: new Date().toUTCString(),
      date_sent: null,
      received_at: Date.now(),
    }
    accepted.push(record)
    if (messageId) receivedById.set(messageId, (receivedById.get(messageId) ?? 0) + 1)

    const leaveQueue = async () => {
      if (options.queueHoldMs) await new Promise((r) => setTimeout(r, options.queueHoldMs))
      record.status = "sent"
      record.date_sent = new Date().toUTCString()
    }
    if (callbackUrl) {
      const base = { MessageSid: sid, SmsSid: sid, AccountSid: options.accountSid, To: to, From: record.from ?? "", ApiVersion: "2010-04-01" }
      void leaveQueue()
        .then(() => callBack(callbackUrl, { ...base, MessageStatus: "sent", SmsStatus: "sent" }))
        .then(() => {
          record.status = "delivered"
          return callBack(callbackUrl, { ...base, MessageStatus: "delivered", SmsStatus: "delivered" })
        })
    } else {
      void leaveQueue().then(() => (record.status = "delivered"))
    }
    await options.onAccepted?.(record)
    if (fault === "timeout") {
      // Accepted and counted, but the answer comes too late: the client cannot know it was sent.
      faultsSeen.timeout++
      await new Promise((r) => setTimeout(r, options.timeoutHoldMs ?? 3_000))
    }
    res.writeHead(201, { "content-type": "application/json" })
    res.end(
      JSON.stringify({
        sid,
        account_sid: options.accountSid,
        to,
        from,
        messaging_service_sid: service,
        body,
        status: "queued",
        num_segments: "1",
        direction: "outbound-api",
        api_version: "2010-04-01",
        date_created: new Date().toUTCString(),
        uri: `${path.replace(".json", "")}/${sid}.json`,
      })
    )
  })
  server.keepAliveTimeout = 5_000

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    receivedById,
    faultsSeen,
    contents,
    callbacks,
    setFaults(next: FakeTwilioOptions["faults"]) {
      faults = next
    },
    /** Waits for the status callbacks in flight. */
    async drain() {
      while (pending.size) await Promise.all([...pending])
    },
    async close() {
      agent.destroy()
      secureAgent.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>
