export * from "./types"
export {
  GATEWAYS,
  createProviders,
  findGateway,
  gatewayOptions,
  parsePluginOptions,
  pluginOptionsSchema,
  type PluginOptions,
  type PluginOptionsInput,
  type Providers,
} from "./registry"
export { webhookPath, WEBHOOKS_PATH } from "./webhooks"
export { SandboxProvider, SANDBOX_CAPABILITY_SUFFIXES } from "./sandbox"
export { TwilioProvider, TWILIO_STATUS_PATH, twilioStatusEvent } from "./twilio"
export { RbmProvider, RBM_WEBHOOK_PATH, parseRbmData, rbmWebhookBodySchema } from "./rbm"
