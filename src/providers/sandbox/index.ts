export { sandboxGateway } from "./gateway"
export { SandboxProvider, SANDBOX_FAILING_SUFFIXES, SANDBOX_CAPABILITY_SUFFIXES } from "./sandbox-provider"
export type { SandboxOptions } from "./sandbox-options"
