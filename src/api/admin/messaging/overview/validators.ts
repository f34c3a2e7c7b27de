import { z } from "@medusajs/framework/zod"

/** GET /admin/messaging/overview takes no parameters: the figures are the store's, in the store's zone. */
export const AdminOverviewParams = z.object({}).strict()
