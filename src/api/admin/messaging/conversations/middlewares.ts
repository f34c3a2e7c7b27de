import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminFaqBody, AdminFaqPatchBody } from "../faq/validators"
import { AdminSandboxInboundBody } from "../sandbox/inbound/validators"
import {
  AdminAssignConversationBody,
  AdminEmptyBody,
  AdminGetConversationParams,
  AdminListConversationsParams,
  AdminReplyBody,
} from "./validators"

const noQuery = { isList: false, defaults: [] }

/** The inbox's routes (conversations, FAQ, text-to-join, the sandbox's inbound texts). */
export const conversationMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/messaging/conversations", middlewares: [validateAndTransformQuery(AdminListConversationsParams, noQuery)] },
  { methods: ["GET"], matcher: "/admin/messaging/conversations/:id", middlewares: [validateAndTransformQuery(AdminGetConversationParams, noQuery)] },
  { methods: ["POST"], matcher: "/admin/messaging/conversations/:id/replies", middlewares: [validateAndTransformBody(AdminReplyBody)] },
  { methods: ["POST"], matcher: "/admin/messaging/conversations/:id/assign", middlewares: [validateAndTransformBody(AdminAssignConversationBody)] },
  ...["read", "close", "reopen"].map((action) => ({
    methods: ["POST" as const],
    matcher: `/admin/messaging/conversations/:id/${action}`,
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  })),
  { methods: ["POST"], matcher: "/admin/messaging/faq", middlewares: [validateAndTransformBody(AdminFaqBody)] },
  { methods: ["POST"], matcher: "/admin/messaging/faq/:id", middlewares: [validateAndTransformBody(AdminFaqPatchBody)] },
  { methods: ["POST"], matcher: "/admin/messaging/sandbox/inbound", middlewares: [validateAndTransformBody(AdminSandboxInboundBody)] },
]
