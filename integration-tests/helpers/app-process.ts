import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import { startServer } from "./process-group"
import { databaseUrl } from "./services"
import { TEST_APP_DIR } from "./test-env"

const ROOT = path.join(__dirname, "..", "..")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")

export type AppEnv = Record<string, string>

/** The environment the test app runs with: its own database, and quiet, offline defaults. */
export function appEnv(dbName: string, extra: AppEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl(dbName),
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "development",
    ...extra,
  }
}

/** Runs a `medusa` command in the test app and returns its output; throws with the output on failure. */
export function medusaCommand(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(MEDUSA_BIN, args, { cwd: TEST_APP_DIR, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`
  if (result.status !== 0) {
    throw new Error(`medusa ${args.join(" ")} failed (exit ${result.status}):\n${output.slice(-4000)}`)
  }
  return output
}

export type RunningApp = {
  url: string
  logFile: string
  stop(): Promise<void>
}

/**
 * Starts `medusa develop` for the test app in its own process group (Medusa nests several processes),
 * waits until /health answers, and stops the whole group on `stop()`. Logs go to `logFile`, outside the
 * app folder, since `medusa develop` restarts on any change inside it.
 */
export async function startApp(env: NodeJS.ProcessEnv, { port, logFile }: { port: number; logFile: string }): Promise<RunningApp> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  fs.writeFileSync(logFile, "")
  const server = await startServer(MEDUSA_BIN, ["develop"], {
    cwd: TEST_APP_DIR,
    env: { ...env, PORT: String(port) },
    url: `http://localhost:${port}`,
    logFile,
    what: "medusa develop",
  })
  return { ...server, logFile }
}

/** A small fetch client for the store and admin APIs of a running app. */
export function httpClient(baseUrl: string) {
  const call = async (method: string, pathName: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(`${baseUrl}${pathName}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const data = text ? JSON.parse(text) : {}
    if (!response.ok) {
      throw new Error(`${method} ${pathName} answered ${response.status}: ${text.slice(0, 500)}`)
    }
    return data
  }
  return {
    get: (pathName: string, headers: Record<string, string> = {}) => call("GET", pathName, undefined, headers),
    post: (pathName: string, body: unknown, headers: Record<string, string> = {}) => call("POST", pathName, body, headers),
  }
}

/** Prepares a database for the test app: created if missing, migrated, seeded once. */
export function prepareApp(env: NodeJS.ProcessEnv) {
  medusaCommand(["db:migrate"], env)
  const output = medusaCommand(["exec", "./src/scripts/seed-demo-store.ts"], env)
  const line = output.split("\n").find((l) => l.startsWith("DEMO_STORE="))
  if (!line) {
    throw new Error(`The seed script printed no DEMO_STORE line:\n${output.slice(-3000)}`)
  }
  return JSON.parse(line.slice("DEMO_STORE=".length)) as import("../app/src/scripts/seed-demo-store").DemoStore & {
    admin: { email: string; password: string }
  }
}
