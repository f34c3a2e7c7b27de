import { automationOfTemplate, type AutomationKey } from "../automations"
import { CART_VARIABLES, CUSTOMER_VARIABLES, DEFAULT_TEMPLATES, ORDER_VARIABLES } from "."
import { mappedTemplateKeys } from "../event-mappings"

export type TemplateKeyInfo = {
  /** Shipped with the plugin, mapped to an event in the options, or the developer's own. */
  source: "shipped" | "event" | "custom"
  purpose: "transactional" | "marketing"
  /** Variables beyond the common ones; null when the developer's own key declares none. */
  variables: readonly string[] | null
  automation: AutomationKey | null
  event: string | null
}

const RESOURCE_VARIABLES = { order: ORDER_VARIABLES, customer: CUSTOMER_VARIABLES, cart: CART_VARIABLES } as const

/**
 * What a template key is and which variables its templates may use. A key of the developer's own (sent
 * from their subscriber through `sendMessageWorkflow`) declares its variables when it is saved.
 */
export function templateKeyInfo(key: string, declared?: readonly string[] | null): TemplateKeyInfo {
  const shipped = DEFAULT_TEMPLATES[key]
  if (shipped) {
    return { source: "shipped", purpose: shipped.purpose, variables: shipped.variables, automation: automationOfTemplate(key), event: null }
  }
  const mapped = mappedTemplateKeys().get(key)
  if (mapped) {
    return {
      source: "event",
      purpose: mapped.purpose,
      variables: [...RESOURCE_VARIABLES[mapped.resource], "event"],
      automation: null,
      event: mapped.event,
    }
  }
  return { source: "custom", purpose: "transactional", variables: declared ?? null, automation: null, event: null }
}

/** Every key the admin should see: shipped ones and those mapped to events. */
export function knownTemplateKeys(): string[] {
  return [...Object.keys(DEFAULT_TEMPLATES), ...mappedTemplateKeys().keys()]
}
