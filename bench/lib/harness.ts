import { fork, type ChildProcess } from "child_process"
import http from "http"
import path from "path"
import { generateEntityId } from "@medusajs/framework/utils"
import { isValidTwilioSignature } from "../../src/providers/twilio/twilio-signature"
import { twilioStatusEvent } from "../../src/providers/twilio/twilio-status"
import type { FakeTwilioOptions } from "../../integration-tests/fakes/twilio-server"
import { startFakeTwilioProcess } from "./fake-twilio-process"
import { freePort } from "../../integration-tests/helpers/free-port"
import { databaseUrl, dropDatabase, ensureDatabase } from "../../integration-tests/helpers/services"
import { bootModule, migrateModule } from "./module-app"
import { profileArgs } from "./profile"

export const ACCOUNT_SID = `AC${"b2".repeat(16)}`
export const AUTH_TOKEN = "bench-twilio-token"
const STATUS_PATH = "/hooks/messaging/twilio/status"

export type HarnessOptions = {
  name: string
  redisUrl: string
  fake?: Partial<FakeTwilioOptions>
  /** Plugin options on top of the Twilio ones the harness sets. */
  plugin?: Record<string, unknown>
  /** How long the plugin waits for Twilio's answer. */
  timeoutMs?: number
  /** Twilio options on top of the harness's (e.g. `validityPeriodSeconds`). */
  twilio?: Record<string, unknown>
}

/** The `application_name` of the dispatch workers' PostgreSQL connections (the db-faults scenario aims at them). */
export const WORKER_APPLICATION_NAME = "sms-rcs-chaos-worker"

/**
 * Everything a chaos scenario or a bench run needs: a fresh database with the plugin's tables, the
 * local fake Twilio, a receiver for its signed status callbacks (the same checks as the plugin's
 * webhook route), the module in `server` mode to enqueue and observe, and dispatch worker processes.
 */
export async function startHarness({ name, redisUrl, fake: fakeOptions, plugin, timeoutMs, twilio }: HarnessOptions) {
  const dbName = `sms_rcs_${name.replace(/\W/g, "_")}_${process.pid}`
  await dropDatabase(dbName)
  await ensureDatabase(dbName)
  const dbUrl = databaseUrl(dbName)

  const fake = await startFakeTwilioProcess({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ...fakeOptions })
  const receiverPort = await freePort()
  const publicUrl = `http://127.0.0.1:${receiverPort}`
  const options = {
    provider: "twilio",
    twilio: {
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: "+15005550006",
      publicUrl,
      apiBaseUrl: fake.url,
      timeoutMs: timeoutMs ?? 10_000,
      ...twilio,
    },
    redisUrl,
    queueName: `sms-rcs-${name}-${process.pid}`,
    concurrency: 50,
    retry: { attempts: 20, backoffMs: 200 },
    ...plugin,
  }
  await migrateModule(dbUrl, options)
  const orchestrator = await bootModule({ databaseUrl: dbUrl, options, workerMode: "server" })

  const receiver = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const params = new URLSearchParams(Buffer.concat(chunks).toString("utf8"))
    if (!req.url?.startsWith(STATUS_PATH) || !isValidTwilioSignature(AUTH_TOKEN, req.headers["x-twilio-signature"] as string, `${publicUrl}${req.url}`, params)) {
      res.writeHead(403).end()
      return
    }
    const event = twilioStatusEvent(params, new URL(req.url, publicUrl).searchParams.get("message_id") ?? undefined)
    try {
      if (event) await orchestrator.service.applyStatusEvent(event)
      res.writeHead(204).end()
    } catch {
      res.writeHead(500).end()
    }
  })
  await new Promise<void>((resolve) => receiver.listen(receiverPort, "127.0.0.1", resolve))

  const nodes: ChildProcess[] = []
  const spawnNode = async (): Promise<ChildProcess> => {
    const child = fork(path.join(__dirname, "dispatch-node.ts"), [], {
      execArgv: ["-r", "ts-node/register/transpile-only", ...profileArgs()],
      env: {
        ...process.env,
        DISPATCH_NODE_CONFIG: JSON.stringify({ databaseUrl: `${dbUrl}?application_name=${WORKER_APPLICATION_NAME}`, options }),
      },
      // children log to stderr: stdout carries only the figures (`--json` prints one JSON object there)
    stdio: ["ignore", 2, "inherit", "ipc"],
    })
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve())
      child.once("exit", (code) => reject(new Error(`dispatch node exited with ${code} before it was ready`)))
    })
    nodes.push(child)
    return child
  }

  const knex = orchestrator.knex

  return {
    fake,
    service: orchestrator.service,
    knex,
    nodes,
    spawnNode,

    /** Inserts `count` queued order confirmations, each to its own number with its own text, and queues them. */
    async seedMessages(count: number): Promise<string[]> {
      const ids: string[] = []
      for (let start = 0; start < count; start += 1000) {
        const rows = []
        for (let i = start; i < Math.min(count, start + 1000); i++) {
          const id = generateEntityId(undefined, "msg")
          ids.push(id)
          rows.push({
            id,
            to: `+3361${String(i).padStart(7, "0")}`,
            channel: "sms",
            purpose: "transactional",
            template_key: "order_confirmation",
            body: `Maison Demo: order #${100000 + i} is confirmed. We will text you when it ships.`,
            status: "queued",
            idempotency_key: `bench:${name}:${id}`,
            encoding: "GSM-7",
            segments: 1,
            attempts: 0,
          })
        }
        await knex("sms_rcs_message").insert(rows)
        await orchestrator.service.enqueueMessages(rows.map((r) => r.id))
      }
      return ids
    },

    async statusCounts(): Promise<Record<string, number>> {
      const rows = await knex("sms_rcs_message").select("status").count("* as n").groupBy("status")
      return Object.fromEntries(rows.map((r: any) => [r.status, Number(r.n)]))
    },

    /**
     * Waits until every message is final or `deadlineMs` passes; with `sweep`, runs the sweeper with
     * short thresholds meanwhile (the chaos run; production sweeps once a minute).
     */
    async settle(
      total: number,
      { deadlineMs = 300_000, sweep = true, onTick }: { deadlineMs?: number; sweep?: boolean; onTick?: (c: Record<string, number>) => Promise<void> } = {}
    ) {
      const end = Date.now() + deadlineMs
      let counts: Record<string, number> = {}
      while (Date.now() < end) {
        counts = await this.statusCounts()
        if (onTick) {
          await fake.sync()
          await onTick(counts)
        }
        const final = (counts.delivered ?? 0) + (counts.failed ?? 0) + (counts.suppressed ?? 0) + (counts.skipped ?? 0)
        if (final === total) return counts
        if (sweep) {
          await orchestrator.service.sweepStranded(2_000, 4_000).catch(() => undefined)
          await orchestrator.service.reconcileUnknown(2_000).catch(() => undefined)
        }
        await new Promise((r) => setTimeout(r, 500))
      }
      return counts
    },

    /** The line the chaos run prints, from what the fake received and what the database says. */
    async tally(ids: string[], counts: Record<string, number>) {
      await fake.drain()
      const received = ids.filter((id) => fake.receivedById.has(id)).length
      const duplicates = ids.reduce((sum, id) => sum + Math.max(0, (fake.receivedById.get(id) ?? 0) - 1), 0)
      return { messages: ids.length, delivered: counts.delivered ?? 0, lost: ids.length - received, duplicates }
    },

    async stop() {
      for (const node of nodes) {
        if (node.exitCode === null && node.signalCode === null) {
          const exited = new Promise((resolve) => node.once("exit", resolve))
          node.kill("SIGTERM")
          await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
          if (node.exitCode === null) node.kill("SIGKILL")
        }
      }
      await fake.drain().catch(() => undefined)
      receiver.closeAllConnections()
      await new Promise((resolve) => receiver.close(resolve))
      await fake.close()
      await orchestrator.shutdown()
      await dropDatabase(dbName).catch(() => undefined)
    },
  }
}

export type Harness = Awaited<ReturnType<typeof startHarness>>
