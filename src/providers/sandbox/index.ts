export { SandboxProvider, SANDBOX_FAILING_SUFFIXES, SANDBOX_CAPABILITY_SUFFIXES, type SandboxOptions } from "./sandbox-provider"
