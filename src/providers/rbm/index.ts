export { RbmProvider, RBM_WEBHOOK_PATH, rbmMessageId, type RbmOptions } from "./rbm-provider"
export { parseRbmData, rbmWebhookBodySchema, type RbmWebhookEvent } from "./rbm-events"
export { toRbmContentMessage } from "./rbm-content"
export { ServiceAccountToken } from "./rbm-auth"
