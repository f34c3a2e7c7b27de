import type { Gateway } from "../types"
import { sandboxOptionsSchema } from "./sandbox-options"
import { SandboxProvider } from "./sandbox-provider"

/**
 * The sandbox: SMS and RCS delivered to nowhere, reported through the same status path webhooks use. The
 * smallest gateway there is — copy this folder to add one (docs/developers.md, "Adding a gateway").
 */
export const sandboxGateway = {
  id: "sandbox",
  docsName: "the sandbox",
  channels: ["sms", "rcs"],
  options: sandboxOptionsSchema,
  create: (options, context) => new SandboxProvider(options, context),
} as const satisfies Gateway<typeof sandboxOptionsSchema>
