import { createVerify, generateKeyPairSync, randomBytes, randomUUID } from "crypto"
import http, { type IncomingMessage, type ServerResponse } from "http"
import type { AddressInfo } from "net"
import { rbmSignature } from "../../src/providers/rbm/rbm-signature"

/**
 * A local stand-in for Google's RCS Business Messaging API (v1), for the tests and the demo. It checks
 * what RBM checks — the service account's JWT (RS256 signature, issuer, scope, audience, lifetime) at
 * the token endpoint, the bearer token and agent id on every call, E.164 phones, UUID message ids (a
 * reused one is refused with 409), the content's documented limits — and answers in Google's shapes
 * (`{ error: { code, message, status } }`). It then calls the agent's webhook back, signed with
 * X-Goog-Signature: DELIVERED and READ for online phones; for offline ones, TTL_EXPIRATION_REVOKED when
 * the message's TTL runs out. Shoppers' replies and suggestion taps can be sent on demand.
 */
export type FakeRbmOptions = {
  agentId: string
  clientToken: string
  /** Phones that can receive RCS (others: capability 404, send 404). */
  capable: string[]
  /** Capable phones that stay offline: messages wait, then expire at their TTL. */
  offline?: string[]
  /** Delay before DELIVERED (READ follows after the same delay). */
  eventDelayMs?: number
  /**
   * Phones whose DELIVERED and READ reach the webhook before the send's answer goes back (RBM's events
   * travel through Pub/Sub, apart from the API call, and can overtake its answer).
   */
  eventsBeforeAnswer?: string[]
  /** How long a capability check takes (a slow carrier lookup). */
  capabilityDelayMs?: number
  /**
   * Phones whose sends RBM takes (the message waits for the phone) but always answers 503 UNAVAILABLE, as a
   * backend failing after the write: the sender cannot tell whether the message went.
   */
  unavailable?: string[]
}

export type FakeRbmMessage = {
  messageId: string
  phone: string
  contentMessage: any
  ttl: string | null
  state: "pending" | "delivered" | "read" | "revoked" | "expired"
  received_at: number
}

const E164 = /^\+[1-9]\d{6,14}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SCOPE = "https://www.googleapis.com/auth/rcsbusinessmessaging"

function googleError(res: ServerResponse, code: number, status: string, message: string) {
  res.writeHead(code, { "content-type": "application/json" })
  res.end(JSON.stringify({ error: { code, message, status } }))
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString("utf8")
}

/** The content rules RBM enforces on `contentMessage` (the subset the plugin can produce). */
export function contentProblems(content: any): string | null {
  if (!content || typeof content !== "object") return "contentMessage is required"
  const kinds = ["text", "richCard", "fileName", "uploadedRbmFile", "contentInfo"].filter((k) => content[k] !== undefined)
  if (kinds.length !== 1) return "contentMessage must set exactly one of text, richCard, fileName, uploadedRbmFile, contentInfo"
  if (content.text !== undefined && (typeof content.text !== "string" || !content.text || content.text.length > 3072)) {
    return "text must be 1 to 3072 characters"
  }
  const suggestions = (list: any, max: number, where: string): string | null => {
    if (list === undefined) return null
    if (!Array.isArray(list) || list.length > max) return `${where}: at most ${max} suggestions`
    for (const s of list) {
      const inner = s.reply ?? s.action
      if (!inner || (s.reply && s.action)) return `${where}: a suggestion is a reply or an action`
      if (typeof inner.text !== "string" || !inner.text || inner.text.length > 25) return `${where}: suggestion text must be 1 to 25 characters`
      if (typeof inner.postbackData !== "string" || !inner.postbackData || inner.postbackData.length > 2048) {
        return `${where}: postbackData must be 1 to 2048 characters`
      }
      if (s.action) {
        const actions = ["openUrlAction", "dialAction", "viewLocationAction", "createCalendarEventAction", "shareLocationAction"].filter(
          (k) => s.action[k] !== undefined
        )
        if (actions.length !== 1) return `${where}: an action sets exactly one action type`
        if (s.action.openUrlAction && !/^https?:\/\//.test(s.action.openUrlAction.url ?? "")) return `${where}: openUrlAction.url must be an http(s) URL`
        if (s.action.dialAction && !E164.test(s.action.dialAction.phoneNumber ?? "")) return `${where}: dialAction.phoneNumber must be E.164`
      }
    }
    return null
  }
  const card = (c: any, where: string): string | null => {
    if (!c || (!c.title && !c.description && !c.media)) return `${where}: a card needs a title, a description or a media`
    if (c.title && c.title.length > 200) return `${where}: title is longer than 200 characters`
    if (c.description && c.description.length > 2000) return `${where}: description is longer than 2000 characters`
    if (c.media && !["SHORT", "MEDIUM", "TALL"].includes(c.media.height)) return `${where}: media.height must be SHORT, MEDIUM or TALL`
    return suggestions(c.suggestions, 4, `${where}.suggestions`)
  }
  if (content.richCard) {
    const { standaloneCard, carouselCard } = content.richCard
    if (!!standaloneCard === !!carouselCard) return "richCard must set exactly one of standaloneCard, carouselCard"
    if (standaloneCard) {
      if (!["VERTICAL", "HORIZONTAL"].includes(standaloneCard.cardOrientation)) return "standaloneCard.cardOrientation is required"
      const problem = card(standaloneCard.cardContent, "standaloneCard.cardContent")
      if (problem) return problem
    } else {
      if (!["SMALL", "MEDIUM"].includes(carouselCard.cardWidth)) return "carouselCard.cardWidth must be SMALL or MEDIUM"
      const cards = carouselCard.cardContents
      if (!Array.isArray(cards) || cards.length < 2 || cards.length > 10) return "carouselCard.cardContents holds 2 to 10 cards"
      for (const [i, c] of cards.entries()) {
        const problem = card(c, `carouselCard.cardContents[${i}]`)
        if (problem) return problem
      }
    }
  }
  return suggestions(content.suggestions, 11, "suggestions")
}

export async function startFakeRbm(options: FakeRbmOptions) {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const serviceAccount = {
    type: "service_account",
    client_email: `rbm-agent@${options.agentId}.iam.gserviceaccount.com`,
    private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    private_key_id: randomBytes(20).toString("hex"),
  }
  const tokens = new Set<string>()
  const messages = new Map<string, FakeRbmMessage>()
  const capabilityChecks: string[] = []
  /** POSTs of each messageId, refused duplicates included. */
  const sendAttempts = new Map<string, number>()
  const webhookCalls: { body: string; signature: string; status: number }[] = []
  const pending = new Set<Promise<unknown>>()
  let webhookUrl: string | null = null
  let port = 0
  const tokenUrl = () => `http://127.0.0.1:${port}/token`

  /** POSTs an event to the agent's webhook as RBM does: Pub/Sub push body, data base64, signed. */
  const deliver = async (data: Record<string, unknown>): Promise<number> => {
    if (!webhookUrl) throw new Error("fake RBM: no webhook URL set")
    const encoded = Buffer.from(JSON.stringify(data)).toString("base64")
    const body = JSON.stringify({
      message: { data: encoded, messageId: String(Date.now()) + randomBytes(4).toString("hex"), publishTime: new Date().toISOString() },
      subscription: `projects/rbm-${options.agentId}/subscriptions/rbm-agent-subscription`,
    })
    const signature = rbmSignature(options.clientToken, encoded)
    let status = 0
    try {
      const response = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", "x-goog-signature": signature }, body })
      status = response.status
    } catch {
      status = 0
    }
    webhookCalls.push({ body, signature, status })
    return status
  }
  const later = (ms: number, run: () => Promise<unknown>) => {
    const p = new Promise((r) => setTimeout(r, ms)).then(run)
    pending.add(p)
    p.finally(() => pending.delete(p))
  }
  const event = (message: FakeRbmMessage, eventType: string) => ({
    senderPhoneNumber: message.phone,
    eventType,
    eventId: `MxEvt${randomBytes(8).toString("hex")}`,
    messageId: message.messageId,
    sendTime: new Date().toISOString(),
    agentId: options.agentId,
  })

  const verifyAssertion = (assertion: string): string | null => {
    const parts = assertion.split(".")
    if (parts.length !== 3) return "malformed JWT"
    const [h, c, sig] = parts
    let header: any
    let claims: any
    try {
      header = JSON.parse(Buffer.from(h, "base64url").toString())
      claims = JSON.parse(Buffer.from(c, "base64url").toString())
    } catch {
      return "malformed JWT"
    }
    if (header.alg !== "RS256") return "Invalid JWT: alg must be RS256"
    if (!createVerify("RSA-SHA256").update(`${h}.${c}`).verify(publicKey, Buffer.from(sig, "base64url"))) return "Invalid JWT Signature."
    const now = Math.floor(Date.now() / 1000)
    if (claims.iss !== serviceAccount.client_email) return "Invalid issuer"
    if (claims.aud !== tokenUrl()) return "Invalid audience"
    if (!String(claims.scope ?? "").split(" ").includes(SCOPE)) return "Invalid scope"
    if (!(claims.iat <= now + 60) || !(claims.exp > now) || claims.exp - claims.iat > 3600) return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe"
    return null
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`)
    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req))
      if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") {
        res.writeHead(400, { "content-type": "application/json" })
        return res.end(JSON.stringify({ error: "unsupported_grant_type", error_description: "Invalid grant_type" }))
      }
      const problem = verifyAssertion(form.get("assertion") ?? "")
      if (problem) {
        res.writeHead(400, { "content-type": "application/json" })
        return res.end(JSON.stringify({ error: "invalid_grant", error_description: problem }))
      }
      const token = `ya29.fake-${randomBytes(24).toString("hex")}`
      tokens.add(token)
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(JSON.stringify({ access_token: token, expires_in: 3599, token_type: "Bearer" }))
    }
    const auth = req.headers.authorization ?? ""
    if (!auth.startsWith("Bearer ") || !tokens.has(auth.slice(7))) {
      return googleError(res, 401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")
    }
    if (url.searchParams.get("agentId") !== options.agentId) {
      return googleError(res, 403, "PERMISSION_DENIED", "The caller does not have permission (agentId)")
    }
    const match = url.pathname.match(/^\/v1\/phones\/([^/]+)\/(capabilities|agentMessages)(?:\/([^/]+))?$/)
    if (!match) return googleError(res, 404, "NOT_FOUND", "Method not found.")
    const phone = decodeURIComponent(match[1])
    if (!E164.test(phone)) return googleError(res, 400, "INVALID_ARGUMENT", `Invalid phone number: ${phone}`)
    const capable = options.capable.includes(phone)

    if (match[2] === "capabilities" && req.method === "GET" && !match[3]) {
      if (!url.searchParams.get("requestId")) return googleError(res, 400, "INVALID_ARGUMENT", "requestId is required")
      capabilityChecks.push(phone)
      if (options.capabilityDelayMs) await new Promise((r) => setTimeout(r, options.capabilityDelayMs))
      if (!capable) return googleError(res, 404, "NOT_FOUND", "Requested entity was not found.")
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(JSON.stringify({ features: ["RICHCARD_STANDALONE", "RICHCARD_CAROUSEL", "ACTION_CREATE_CALENDAR_EVENT", "ACTION_DIAL", "ACTION_OPEN_URL", "ACTION_SHARE_LOCATION", "ACTION_VIEW_LOCATION"] }))
    }
    if (match[2] === "agentMessages" && req.method === "POST" && !match[3]) {
      const messageId = url.searchParams.get("messageId") ?? ""
      if (!UUID.test(messageId)) return googleError(res, 400, "INVALID_ARGUMENT", "messageId must be a UUID")
      sendAttempts.set(messageId, (sendAttempts.get(messageId) ?? 0) + 1)
      if (!String(req.headers["content-type"]).startsWith("application/json")) return googleError(res, 400, "INVALID_ARGUMENT", "expected JSON")
      let body: any
      try {
        body = JSON.parse(await readBody(req))
      } catch {
        return googleError(res, 400, "INVALID_ARGUMENT", "Invalid JSON payload received.")
      }
      const problem = contentProblems(body.contentMessage)
      if (problem) return googleError(res, 400, "INVALID_ARGUMENT", problem)
      if (body.ttl !== undefined && !/^\d+(\.\d{1,9})?s$/.test(body.ttl)) return googleError(res, 400, "INVALID_ARGUMENT", "ttl must be a duration such as \"3600s\"")
      if (options.unavailable?.includes(phone)) {
        if (!messages.has(messageId)) {
          messages.set(messageId, { messageId, phone, contentMessage: body.contentMessage, ttl: body.ttl ?? null, state: "pending", received_at: Date.now() })
        }
        return googleError(res, 503, "UNAVAILABLE", "The service is currently unavailable.")
      }
      if (messages.has(messageId)) return googleError(res, 409, "ALREADY_EXISTS", "Message with this ID already exists")
      if (!capable) return googleError(res, 404, "NOT_FOUND", "Requested entity was not found.")
      const record: FakeRbmMessage = { messageId, phone, contentMessage: body.contentMessage, ttl: body.ttl ?? null, state: "pending", received_at: Date.now() }
      messages.set(messageId, record)
      const delay = options.eventDelayMs ?? 100
      if (options.eventsBeforeAnswer?.includes(phone)) {
        record.state = "delivered"
        await deliver(event(record, "DELIVERED"))
        record.state = "read"
        await deliver(event(record, "READ"))
      } else if (options.offline?.includes(phone)) {
        if (record.ttl) {
          later(parseFloat(record.ttl) * 1000, async () => {
            if (record.state !== "pending") return
            record.state = "expired"
            await deliver({ phoneNumber: phone, messageId, agentId: options.agentId, eventType: "TTL_EXPIRATION_REVOKED", eventId: `MxTtl${randomBytes(8).toString("hex")}`, sendTime: new Date().toISOString() })
          })
        }
      } else {
        later(delay, async () => {
          record.state = "delivered"
          await deliver(event(record, "DELIVERED"))
          await new Promise((r) => setTimeout(r, delay))
          record.state = "read"
          await deliver(event(record, "READ"))
        })
      }
      res.writeHead(200, { "content-type": "application/json" })
      return res.end(JSON.stringify({ name: `phones/${phone}/agentMessages/${messageId}`, sendTime: new Date().toISOString(), contentMessage: body.contentMessage }))
    }
    if (match[2] === "agentMessages" && req.method === "DELETE" && match[3]) {
      const record = messages.get(match[3])
      if (!record || record.phone !== phone || record.state !== "pending") {
        return googleError(res, 404, "NOT_FOUND", "Requested entity was not found.")
      }
      record.state = "revoked"
      res.writeHead(200, { "content-type": "application/json" })
      return res.end("{}")
    }
    return googleError(res, 404, "NOT_FOUND", "Method not found.")
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    tokenUrl: tokenUrl(),
    serviceAccount,
    messages,
    capabilityChecks,
    sendAttempts,
    webhookCalls,
    setWebhookUrl(next: string) {
      webhookUrl = next
    },
    /** A text the shopper types in the RCS conversation. */
    userText(phone: string, text: string) {
      return deliver({ senderPhoneNumber: phone, messageId: `MxMsg${randomUUID()}`, sendTime: new Date().toISOString(), agentId: options.agentId, text })
    },
    /** A tap on a suggested reply or action of a message the fake received. */
    tapSuggestion(phone: string, postbackData: string, text: string) {
      return deliver({
        senderPhoneNumber: phone,
        messageId: `MxMsg${randomUUID()}`,
        sendTime: new Date().toISOString(),
        agentId: options.agentId,
        suggestionResponse: { postbackData, text, type: "REPLY" },
      })
    },
    async drain() {
      while (pending.size) await Promise.all([...pending])
    },
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

export type FakeRbm = Awaited<ReturnType<typeof startFakeRbm>>
