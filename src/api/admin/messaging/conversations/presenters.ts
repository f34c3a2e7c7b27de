import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ConversationEntryRow, ConversationRow } from "../../../../modules/messaging/conversations/conversation-store"

export type Person = { id: string; email: string | null; first_name: string | null; last_name: string | null }

const PERSON_FIELDS = ["id", "email", "first_name", "last_name"]

/** The admin users and customers these ids name, by id (one query each). */
export async function loadPeople(scope: MedusaContainer, ids: { users: (string | null)[]; customers: (string | null)[] }) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const wanted = (list: (string | null)[]) => [...new Set(list.filter((id): id is string => !!id))]
  const [users, customers] = await Promise.all(
    (["user", "customer"] as const).map(async (entity) => {
      const list = wanted(entity === "user" ? ids.users : ids.customers)
      if (!list.length) return new Map<string, Person>()
      const { data } = await query.graph({ entity, fields: PERSON_FIELDS, filters: { id: list } })
      return new Map((data as Person[]).map((p) => [p.id, { id: p.id, email: p.email ?? null, first_name: p.first_name ?? null, last_name: p.last_name ?? null }]))
    })
  )
  return { users, customers }
}

type People = Awaited<ReturnType<typeof loadPeople>>

/** A conversation as the API shows it. */
export function presentConversation(row: ConversationRow, people: People) {
  return {
    id: row.id,
    phone: row.phone,
    channel: row.channel,
    status: row.status,
    assignee: row.assignee_id ? people.users.get(row.assignee_id) ?? { id: row.assignee_id, email: null, first_name: null, last_name: null } : null,
    unread_count: row.unread_count,
    customer: row.customer_id ? people.customers.get(row.customer_id) ?? null : null,
    last_entry: row.last_entry ? { direction: row.last_entry.direction, body: row.last_entry.body, at: row.last_entry.at.toISOString() } : null,
    waiting_since: row.waiting_since ? new Date(row.waiting_since).toISOString() : null,
    last_activity_at: new Date(row.last_activity_at).toISOString(),
    created_at: new Date(row.created_at).toISOString(),
  }
}

/** Conversations with their assignees and customers, two queries for the lot. */
export async function presentConversations(scope: MedusaContainer, rows: ConversationRow[]) {
  const people = await loadPeople(scope, { users: rows.map((r) => r.assignee_id), customers: rows.map((r) => r.customer_id) })
  return rows.map((row) => presentConversation(row, people))
}

/** The suggested replies of an RCS message's payload (chips and the cards' buttons), as text + postback. */
function suggestionsOf(payload: Record<string, unknown> | null): { text: string; postback?: string }[] | null {
  if (!payload) return null
  const found: { text: string; postback?: string }[] = []
  const take = (list: unknown) => {
    for (const s of Array.isArray(list) ? list : []) {
      if (s && typeof s === "object" && typeof (s as { text?: unknown }).text === "string") {
        const { text, postback_data } = s as { text: string; postback_data?: string }
        found.push(postback_data ? { text, postback: postback_data } : { text })
      }
    }
  }
  take(payload.suggestions)
  const card = payload.card as { suggestions?: unknown } | undefined
  take(card?.suggestions)
  for (const c of Array.isArray(payload.cards) ? payload.cards : []) take((c as { suggestions?: unknown }).suggestions)
  return found.length ? found : null
}

export function presentEntry(row: ConversationEntryRow, people: People) {
  return {
    id: row.id,
    direction: row.direction,
    kind: row.kind,
    body: row.body,
    channel: row.channel,
    status: row.status,
    message_id: row.message_id,
    template_key: row.template_key,
    automatic: row.automatic,
    sent_by: row.sent_by_id ? people.users.get(row.sent_by_id) ?? { id: row.sent_by_id, email: null, first_name: null, last_name: null } : null,
    postback: row.postback,
    suggestions: row.direction === "outbound" ? suggestionsOf(row.rich_payload) : null,
    at: new Date(row.at).toISOString(),
  }
}
