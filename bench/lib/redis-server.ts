import { spawn, type ChildProcess } from "child_process"
import IORedis from "ioredis"
import { freePort } from "../../integration-tests/helpers/free-port"

/**
 * A Redis of the run's own on a free loopback port, without persistence, so it can be killed and
 * restarted (losing everything, as a Redis without AOF does) without touching the machine's Redis.
 */
export async function startPrivateRedis() {
  const port = await freePort()
  let child: ChildProcess | undefined

  const up = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    })
    const probe = new IORedis({ port, host: "127.0.0.1", lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
    probe.on("error", () => undefined)
    for (let i = 0; i < 100; i++) {
      try {
        await probe.connect()
        await probe.ping()
        probe.disconnect()
        return
      } catch {
        probe.disconnect()
        await new Promise((r) => setTimeout(r, 50))
      }
    }
    throw new Error(`redis-server did not start on port ${port}`)
  }
  const down = async () => {
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child!.once("exit", resolve))
    child.kill("SIGKILL")
    await exited
  }

  await up()
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Kills Redis (everything in it is lost) and starts it again after `downMs`. */
    async restart(downMs = 1_000) {
      await down()
      await new Promise((r) => setTimeout(r, downMs))
      await up()
    },
    stop: down,
  }
}
