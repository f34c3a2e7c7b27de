import { defineMiddlewares } from "@medusajs/framework/http"
import { adminMessagingMiddlewares } from "./admin/messaging/middlewares"
import { hooksMessagingMiddlewares } from "./hooks/messaging/middlewares"
import { redirectMiddlewares } from "./r/middlewares"
import { storeMessagingMiddlewares } from "./store/messaging/middlewares"

export default defineMiddlewares({
  routes: [...adminMessagingMiddlewares, ...hooksMessagingMiddlewares, ...storeMessagingMiddlewares, ...redirectMiddlewares],
})
