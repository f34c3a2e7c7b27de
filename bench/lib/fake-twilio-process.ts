/**
 * The fake Twilio in a process of its own, so that under load it does not share an event loop with the
 * code being measured. The parent talks to it over IPC: its URL on start, then its tallies on demand.
 */
import { fork } from "child_process"
import path from "path"
import { startFakeTwilio, type FakeTwilioOptions } from "../../integration-tests/fakes/twilio-server"
import { profileArgs } from "./profile"

type Tally = { accepted: [string | null, number][]; callbacksPending: number }

if (require.main === module) {
  ;(async () => {
    const fake = await startFakeTwilio(JSON.parse(process.env.FAKE_TWILIO_OPTIONS!))
    process.on("message", async (request: { id: number; op: "tally" | "drain" }) => {
      if (request.op === "drain") await fake.drain()
      const tally: Tally = { accepted: fake.accepted.map((m) => [m.message_id, m.received_at]), callbacksPending: 0 }
      process.send!({ id: request.id, tally })
    })
    process.send!({ url: fake.url })
  })().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}

export async function startFakeTwilioProcess(options: FakeTwilioOptions) {
  const child = fork(__filename, [], {
    execArgv: ["-r", "ts-node/register/transpile-only", ...profileArgs()],
    env: { ...process.env, FAKE_TWILIO_OPTIONS: JSON.stringify(options) },
    // children log to stderr: stdout carries only the figures (`--json` prints one JSON object there)
    stdio: ["ignore", 2, "inherit", "ipc"],
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m: any) => resolve(m.url))
    child.once("exit", (code) => reject(new Error(`fake Twilio exited with ${code}`)))
  })
  let next = 0
  const ask = (op: "tally" | "drain") =>
    new Promise<Tally>((resolve) => {
      const id = ++next
      const onMessage = (m: any) => {
        if (m.id === id) {
          child.off("message", onMessage)
          resolve(m.tally)
        }
      }
      child.on("message", onMessage)
      child.send({ id, op })
    })

  const fake = {
    url,
    /** Message id → how many times the fake accepted it (refreshed by `sync`). */
    receivedById: new Map<string, number>(),
    accepted: [] as { message_id: string | null; received_at: number }[],
    async sync(drain = false) {
      const tally = await ask(drain ? "drain" : "tally")
      fake.accepted = tally.accepted.map(([message_id, received_at]) => ({ message_id, received_at }))
      fake.receivedById = new Map()
      for (const { message_id } of fake.accepted) {
        if (message_id) fake.receivedById.set(message_id, (fake.receivedById.get(message_id) ?? 0) + 1)
      }
    },
    async drain() {
      await fake.sync(true)
    },
    async close() {
      const exited = new Promise((resolve) => child.once("exit", resolve))
      child.kill("SIGTERM")
      await exited
    },
  }
  return fake
}

export const FAKE_TWILIO_PROCESS = path.basename(__filename)
