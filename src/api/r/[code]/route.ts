import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isBotRequest } from "../../../lib/tracking"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../modules/messaging"

export const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Link not found</title></head><body style="font-family:system-ui,sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem">
<h1>This link does not exist</h1><p>Check that it was copied whole from the text message.</p></body></html>`

/**
 * GET /r/:code — a tap on a tracked link: 302 to the target with the code in a query parameter (the
 * storefront puts it on the cart), then the click is recorded. One indexed lookup before answering;
 * an unknown code gets a 404 page, an expired one the store's home page, one whose stored target is not
 * an http(s) URL the store's home page too (or a 503 page without one), and nothing here answers 500.
 * Express answers HEAD (link previews) with this handler too; such clicks are recorded as bots.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const options = messaging.getOptions()
  const code = String(req.params.code ?? "")
  res.setHeader("Cache-Control", "no-store")
  res.setHeader("Referrer-Policy", "no-referrer")

  let link: Awaited<ReturnType<MessagingModuleService["resolveLink"]>> = null
  try {
    link = /^[0-9A-Za-z]{8,32}$/.test(code) ? await messaging.resolveLink(code) : null
  } catch (error) {
    return fallback(req, res, options.storefrontUrl, error as Error)
  }
  if (!link) {
    res.status(404).type("html").send(NOT_FOUND_PAGE)
    return
  }
  const target = httpUrl(link.target_url)
  if (!target) {
    // a stored target that no longer parses (written by hand, or by an older version): the store's home
    return fallback(req, res, options.storefrontUrl, new Error(`link ${code} has an unusable target`))
  }
  if (link.expires_at && new Date(link.expires_at).getTime() < Date.now()) {
    res.redirect(302, options.storefrontUrl ?? target.origin)
    return
  }
  target.searchParams.set(options.tracking.refParam, link.code)
  res.redirect(302, target.toString())

  // after the answer: the shopper does not wait for the write
  const userAgent = req.get("user-agent") ?? null
  messaging
    .recordClick(link, { ip: req.ip ?? null, user_agent: userAgent, is_bot: isBotRequest(userAgent, req.method) })
    .catch((error: Error) =>
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`medusa-plugin-sms-rcs: click on ${code} not recorded: ${error.message}`)
    )
}

/** The target as an http(s) URL, or null: nothing else is ever redirected to. */
function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text)
    return url.protocol === "http:" || url.protocol === "https:" ? url : null
  } catch {
    return null
  }
}

function fallback(req: MedusaRequest, res: MedusaResponse, home: string | undefined, error: Error) {
  req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`medusa-plugin-sms-rcs: redirect failed: ${error.message}`)
  if (home) {
    res.redirect(302, home)
  } else {
    res.status(503).type("html").send(NOT_FOUND_PAGE.replace("This link does not exist", "This link is unavailable, try again in a minute"))
  }
}
