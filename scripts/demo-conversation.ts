import type { httpClient } from "../integration-tests/helpers/app-process"
import { formatPhoneBubble } from "./phone-bubble"

type Http = ReturnType<typeof httpClient>

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Asks `read` every 250 ms until it returns something (at most ~30 s), else null. */
async function poll<T>(read: () => Promise<T | null | undefined>): Promise<T | null> {
  for (let i = 0; i < 120; i++) {
    const value = await read()
    if (value) return value
    await pause(250)
  }
  return null
}

/**
 * The conversation scene of `npm run demo`: the shopper answers the shipping text with "where is my order?"
 * (through the sandbox's inbound route, the same path as a Twilio or RBM webhook) and gets the tracking link
 * back; then asks for a person, and the conversation waits for the store in the inbox.
 * Returns whether each of the two happened.
 */
export async function runConversationScene(
  http: Http,
  admin: Record<string, string>,
  { phone, inReplyTo, storeName, step }: { phone: string; inReplyTo: string | null; storeName: string; step: (text: string) => void }
): Promise<boolean[]> {
  const say = async (body: string) => {
    console.log(`\n  💬 ${phone}: “${body}”`)
    await http.post("/admin/messaging/sandbox/inbound", { from: phone, body, ...(inReplyTo ? { in_reply_to: inReplyTo } : {}) }, admin)
  }
  const thread = async () => {
    const { conversations } = await http.get(`/admin/messaging/conversations?q=${encodeURIComponent(phone)}&limit=1`, admin)
    return conversations[0] ? http.get(`/admin/messaging/conversations/${conversations[0].id}`, admin) : null
  }

  step("the shopper answers the shipping text: “where is my order?” (the sandbox receives it like a webhook)")
  await say("where is my order?")
  const answered = await poll(async () => {
    const t = await thread()
    const asked = t?.entries.findIndex((e: any) => e.direction === "inbound" && /where is my order/i.test(e.body)) ?? -1
    return asked >= 0 ? t.entries.slice(asked + 1).find((e: any) => e.direction === "outbound" && e.automatic && e.message_id) : null
  })
  if (answered) {
    const { message } = await http.get(`/admin/messaging/messages/${answered.message_id}`, admin)
    console.log("\n" + formatPhoneBubble(message, storeName))
  } else {
    console.log("  ✘ no automatic answer was sent")
  }
  const tracked = !!answered && /https?:\/\//.test(answered.body)

  step("the shopper asks for a person: the conversation waits for the store in the inbox")
  await say("I'd like to talk to a person")
  const waiting = await poll(async () => {
    const t = await thread()
    return t?.conversation.status === "waiting" ? t : null
  })
  if (waiting) {
    const told = [...waiting.entries].reverse().find((e: any) => e.direction === "outbound" && e.automatic)
    if (told?.body) console.log(`\n  📱 ${storeName}: “${told.body}”`)
    console.log(`  ✔ conversation ${waiting.conversation.id} is waiting for the store (Messaging → Conversations)`)
  } else {
    console.log("  ✘ the conversation is not waiting for the store")
  }
  return [tracked, !!waiting]
}
