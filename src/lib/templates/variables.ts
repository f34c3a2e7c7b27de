import { formatAmount } from "../format"

/** A money value in template variables; rendered in the message's locale and currency. */
export type MoneyVariable = { amount: number; currency_code: string }

function isMoney(value: unknown): value is MoneyVariable {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as MoneyVariable).amount === "number" &&
    typeof (value as MoneyVariable).currency_code === "string"
  )
}

/** Turns money values into text for the locale; other values are left as they are. */
export function formatVariables(variables: Record<string, unknown>, locale: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      isMoney(value) ? formatAmount(value.amount, value.currency_code, locale) : value,
    ])
  )
}
