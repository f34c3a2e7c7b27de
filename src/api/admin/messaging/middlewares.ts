import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminGetConsentsParams, AdminRecordConsentBody } from "./consents/validators"
import { listMessagesQueryConfig, retrieveMessageQueryConfig } from "./messages/query-config"
import { AdminGetMessageParams, AdminListMessagesParams } from "./messages/validators"

export const adminMessagingMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/messaging/messages",
    middlewares: [validateAndTransformQuery(AdminListMessagesParams, listMessagesQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/messages/:id",
    middlewares: [validateAndTransformQuery(AdminGetMessageParams, retrieveMessageQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/consents",
    middlewares: [validateAndTransformQuery(AdminGetConsentsParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/consents",
    middlewares: [validateAndTransformBody(AdminRecordConsentBody)],
  },
]
