import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreAttachAttributionBody } from "./attribution/validators"
import { StoreBackInStockBody } from "./back-in-stock/validators"
import { StoreBirthdayBody } from "./birthday/validators"
import { StoreProductViewBody } from "./product-views/validators"
import { StoreOptInBody, StoreRevokeBody, StoreVerificationBody, StoreVerificationConfirmBody } from "./consent/validators"

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
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreRevokeBody),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/store/messaging/consent/verification",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreVerificationBody),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/store/messaging/consent/verification/confirm",
    middlewares: [validateAndTransformBody(StoreVerificationConfirmBody)],
  },
  {
    methods: ["POST"],
    matcher: "/store/messaging/attribution",
    middlewares: [validateAndTransformBody(StoreAttachAttributionBody)],
  },
  {
    methods: ["POST"],
    matcher: "/store/messaging/back-in-stock",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreBackInStockBody),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/store/messaging/product-views",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreProductViewBody),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/messaging/birthday",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    methods: ["POST"],
    matcher: "/store/messaging/birthday",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreBirthdayBody)],
  },
]
