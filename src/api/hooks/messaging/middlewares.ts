import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Provider webhooks are signed over what was sent: keep the raw body for the signature check. */
export const hooksMessagingMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/hooks/messaging/*",
    bodyParser: { preserveRawBody: true },
  },
]
