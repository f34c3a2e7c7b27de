import { defineMiddlewares } from "@medusajs/framework/http"
import { adminMessagingMiddlewares } from "./admin/messaging/middlewares"

export default defineMiddlewares({
  routes: [...adminMessagingMiddlewares],
})
