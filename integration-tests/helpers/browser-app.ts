import path from "path"
import type { Browser } from "playwright-core"
import { appEnv, httpClient, prepareApp, startApp, type AppEnv, type RunningApp } from "./app-process"
import { ARTIFACTS_DIR, launchChromium } from "./browser"
import { checkServices, dropDatabase, ensureDatabase } from "./services"

export type BrowserSpecPlace = { name: string; run: string; dbName: string; port: number }

/**
 * Where a browser spec's app lives: its own database, queues and port. The spec files run one after the
 * other in one Jest process, so each takes its own port range (`basePort` + pid % 800): a port left in
 * TIME_WAIT by the previous file is never reused.
 */
export function browserSpecPlace(name: string, basePort: number): BrowserSpecPlace {
  const run = `${process.pid}-${Date.now().toString(36)}`
  return { name, run, dbName: `sms_rcs_${name}_browser_${run.replace(/-/g, "_")}`, port: basePort + (process.pid % 800) }
}

export type BrowserApp = {
  app: RunningApp
  browser: Browser
  store: ReturnType<typeof prepareApp>
  http: ReturnType<typeof httpClient>
  /** The seeded admin's bearer header, for API calls next to the page. */
  admin: { authorization: string }
}

/**
 * Creates the spec's database, seeds the store, starts the test app under `medusa develop` (its log in
 * the artifacts folder), launches Chromium and logs the admin in through the API.
 */
export async function startBrowserApp(place: BrowserSpecPlace, env: AppEnv = {}): Promise<BrowserApp> {
  await checkServices()
  await dropDatabase(place.dbName)
  await ensureDatabase(place.dbName)
  const fullEnv = appEnv(place.dbName, {
    SMS_RCS_QUEUE_NAME: `sms-rcs-${place.name}-browser-${place.run}`,
    EVENT_BUS_QUEUE_NAME: `medusa-events-${place.name}-browser-${place.run}`,
    SMS_RCS_SANDBOX_DELAY_MS: "300",
    ADMIN_CORS: `http://localhost:${place.port}`,
    AUTH_CORS: `http://localhost:${place.port}`,
    ...env,
  })
  const store = prepareApp(fullEnv)
  const app = await startApp(fullEnv, { port: place.port, logFile: path.join(ARTIFACTS_DIR, `browser-${place.name}-medusa.log`) })
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const http = httpClient(app.url)
    const { token } = await http.post("/auth/user/emailpass", store.admin)
    return { app, browser, store, http, admin: { authorization: `Bearer ${token}` } }
  } catch (error) {
    // afterAll cannot stop what it was never given
    await browser?.close()
    await app.stop()
    throw error
  }
}

/** Closes the browser, stops the app and drops the spec's database (whatever part of the start-up happened). */
export async function stopBrowserApp(place: BrowserSpecPlace, started: Partial<BrowserApp> | undefined): Promise<void> {
  await started?.browser?.close()
  await started?.app?.stop()
  await dropDatabase(place.dbName).catch(() => undefined)
}
