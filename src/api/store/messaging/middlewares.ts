import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreAttachAttributionBody } from "./attribution/validators"
import { StoreOptInBody, StoreRevokeBody } from "./consent/validators"

export const storeMessagingMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/messaging/consent",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreOptInBody),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/messaging/consent",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    methods: ["POST"],
    matcher: "/store/messaging/consent/revoke",
    middlewares: [validateAndTransformBody(StoreRevokeBody)],
  },
  {
    methods: ["POST"],
    matcher: "/store/messaging/attribution",
    middlewares: [validateAndTransformBody(StoreAttachAttributionBody)],
  },
]
