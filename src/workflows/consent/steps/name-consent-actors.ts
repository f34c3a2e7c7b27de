import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The admin user who recorded an event, as the ledger shows them (a deleted user still has a name here). */
export type ConsentActor = { id: string; email: string | null; name: string | null }

/**
 * The admin users behind the ledger's events (`actor_id`), by their email and name, from Medusa's user
 * module. An id no user has any more stays an id: the event was still recorded by someone.
 */
export const nameConsentActorsStep = createStep("sms-rcs-name-consent-actors", async (input: { actor_ids: string[] }, { container }) => {
  const ids = [...new Set(input.actor_ids.filter(Boolean))]
  if (!ids.length) return new StepResponse<Record<string, ConsentActor>>({})
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: users } = await query.graph({
    entity: "user",
    fields: ["id", "email", "first_name", "last_name"],
    filters: { id: ids },
    withDeleted: true,
  })
  const actors: Record<string, ConsentActor> = Object.fromEntries(ids.map((id) => [id, { id, email: null, name: null }]))
  for (const u of users as { id: string; email?: string | null; first_name?: string | null; last_name?: string | null }[]) {
    actors[u.id] = { id: u.id, email: u.email ?? null, name: [u.first_name, u.last_name].filter(Boolean).join(" ") || null }
  }
  return new StepResponse(actors)
})
