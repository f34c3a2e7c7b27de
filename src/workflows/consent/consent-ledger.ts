import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findCustomerPhonesStep, nameConsentActorsStep, readConsentLedgerStep, type ConsentActor, type CustomerPhone } from "./steps"

type Ledger = Awaited<ReturnType<import("../../modules/messaging").MessagingModuleService["consentLedgerOf"]>>

/** The ledger's events with their actor named (`recorded_by`: null for the number's owner's own events). */
function withActors(ledger: Ledger, actors: Record<string, ConsentActor>) {
  return ledger.events.map((e) => ({ ...e, recorded_by: e.actor_id ? actors[e.actor_id] ?? null : null }))
}

/** A phone's consent for the admin: its current state per purpose, and its whole ledger with who recorded each event. */
export const phoneConsentLedgerWorkflow = createWorkflow("sms-rcs-phone-consent-ledger", (input: { phone: string }) => {
  const phones = transform({ input }, ({ input }) => [input.phone])
  const ledger = readConsentLedgerStep({ phones })
  const actorIds = transform({ ledger }, ({ ledger }) => ledger.events.map((e) => e.actor_id).filter((id): id is string => !!id))
  const actors = nameConsentActorsStep({ actor_ids: actorIds })
  return new WorkflowResponse(
    transform({ input, ledger, actors }, ({ input, ledger, actors }) => ({
      phone: input.phone,
      consents: ledger.consents,
      events: withActors(ledger, actors),
      events_count: ledger.events_count,
    }))
  )
})

/**
 * A customer's consent as the customer page shows it: every phone Medusa holds for them (account,
 * addresses, orders) with where it was found, its current state per purpose and its whole ledger —
 * whatever recorded each event (checkout, a STOP text, an import, an admin) and who.
 */
export const customerConsentsWorkflow = createWorkflow("sms-rcs-customer-consents", (input: { customer_id: string }) => {
  const found = findCustomerPhonesStep({ customer_id: input.customer_id })
  const phones = transform({ found }, ({ found }) => found.map((p) => p.phone))
  const ledger = readConsentLedgerStep({ phones })
  const actorIds = transform({ ledger }, ({ ledger }) => ledger.events.map((e) => e.actor_id).filter((id): id is string => !!id))
  const actors = nameConsentActorsStep({ actor_ids: actorIds })
  return new WorkflowResponse(
    transform({ input, found, ledger, actors }, ({ input, found, ledger, actors }) => {
      const events = withActors(ledger, actors)
      return {
        customer_id: input.customer_id,
        phones: (found as CustomerPhone[]).map((p) => ({
          ...p,
          consents: ledger.consents.filter((c) => c.phone === p.phone),
          events: events.filter((e) => e.phone === p.phone),
        })),
        events_count: ledger.events_count,
      }
    })
  )
})
