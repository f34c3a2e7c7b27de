import { createHash } from "node:crypto"
import { eventResource, type EventMappingOption } from "./options"

export type EventMapping = EventMappingOption & { resource: "order" | "customer" | "cart" }
type EventsOption = Record<string, EventMappingOption>

/**
 * The `events` option, made available to the subscriber that listens to them. Medusa reads a
 * subscriber's events when it loads the file, after the modules (whose loader validates the options)
 * and before the app starts, so the loader leaves them here. Kept on `globalThis` so that two copies of
 * this file (a linked plugin) still share one list.
 */
const KEY = Symbol.for("medusa-plugin-sms-rcs.event-mappings")
type Holder = { [KEY]?: Record<string, EventMapping> }

export function registerEventMappings(events: EventsOption): void {
  ;(globalThis as Holder)[KEY] = Object.fromEntries(
    Object.entries(events).map(([event, mapping]) => [event, { ...mapping, resource: eventResource(event, mapping)! }])
  )
}

export function eventMappings(): Record<string, EventMapping> {
  return (globalThis as Holder)[KEY] ?? {}
}

/** The variables a mapped template may use: its resource's, and `event.*` (the event's data). */
export function mappedTemplateKeys(): Map<string, EventMapping & { event: string }> {
  return new Map(Object.entries(eventMappings()).map(([event, mapping]) => [mapping.template, { ...mapping, event }]))
}

/** The resource's id in the event's data: `idField`, then `<resource>_id`, then `id`. */
export function mappedResourceId(mapping: EventMapping, data: Record<string, unknown>): string | null {
  const value = (mapping.idField ? data[mapping.idField] : undefined) ?? data[`${mapping.resource}_id`] ?? data.id
  return typeof value === "string" && value ? value : null
}

/** One message per distinct event: the event's name and its data, hashed (a replayed event sends nothing). */
export function mappedIdempotencyKey(event: string, data: Record<string, unknown>): string {
  const stable = JSON.stringify(Object.keys(data).sort().map((key) => [key, data[key]]))
  return `${event}:${createHash("sha256").update(stable).digest("hex").slice(0, 32)}`
}
