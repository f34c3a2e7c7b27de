import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
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
]
