import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { NOT_FOUND_PAGE } from "./[code]/route"

/**
 * A code that is not valid percent-encoding (`/r/%`, `/r/%E0%A4%A`) makes Express throw while it decodes
 * the route's parameter, and Medusa answers that with a 500. Such a path can name no link: it gets the
 * same 404 page as an unknown code, before the route is matched.
 */
export function rejectUndecodableCode(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    decodeURIComponent(req.path)
  } catch {
    res.status(404).type("html").send(NOT_FOUND_PAGE)
    return
  }
  next()
}

// no `methods` and no wildcard: Medusa mounts it with app.use("/r"), a prefix match with no parameter for
// Express to decode (a "/r/*" matcher has one, and would throw the same way)
export const redirectMiddlewares: MiddlewareRoute[] = [{ matcher: "/r", middlewares: [rejectUndecodableCode] }]
