import { z } from "zod"

/** The sandbox's options, `sandbox` in the plugin options: it is the default gateway, so they have defaults. */
export const sandboxOptionsSchema = z
  .object({
    /** How long after sending the sandbox reports the message delivered. */
    deliveryDelayMs: z.number().int().min(0).max(600_000).default(1_000),
  })
  .strict()
  .default({ deliveryDelayMs: 1_000 })

export type SandboxOptions = z.output<typeof sandboxOptionsSchema>
