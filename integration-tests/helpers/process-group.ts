import { spawn, type ChildProcess, type SpawnOptions } from "child_process"
import fs from "fs"

export type ServerProcess = {
  url: string
  stop(): Promise<void>
}

/**
 * Starts a server command in its own process group (Medusa nests several processes), its output appended
 * to `logFile`, and waits until `${url}/health` answers; `stop()` ends the whole group (SIGTERM, then SIGKILL).
 */
export async function startServer(
  command: string,
  args: string[],
  { cwd, env, url, logFile, what }: { cwd: string; env: NodeJS.ProcessEnv; url: string; logFile: string; what: string }
): Promise<ServerProcess> {
  const log = fs.openSync(logFile, "a")
  const options: SpawnOptions = { cwd, env, detached: true, stdio: ["ignore", log, log] }
  const child: ChildProcess = spawn(command, args, options)
  let exited: number | null = null
  child.on("exit", (code) => (exited = code ?? -1))

  const stop = async () => {
    if (exited !== null || !child.pid) return
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      return
    }
    for (let i = 0; i < 50 && exited === null; i++) await new Promise((r) => setTimeout(r, 200))
    if (exited === null) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {
        /* already gone */
      }
    }
  }

  for (let i = 0; i < 300; i++) {
    if (exited !== null) {
      throw new Error(`${what} exited with ${exited}; see ${logFile}:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`)
    }
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error(`${what} did not answer ${url}/health; see ${logFile}`)
}
