/**
 * `npm run bench` — the pipeline's figures on this machine (prints them; asserts nothing):
 * - end-to-end throughput (row → queue → HTTP send → status) for 10k and 100k messages, 2 worker processes;
 * - the same 10k through Medusa's own Notification Module path, and the ratio;
 * - p50/p99 latency from `order.placed` to the provider request, in the real Medusa app;
 * - the storefront's p99 (`GET /store/products`) idle and while a campaign sends in `shared` mode;
 * - peak RSS of a worker process; rate-limiter accuracy at a configured pace;
 * - the redirect's latency at 1,000 req/s and at half its capacity, its capacity against Medusa's `GET /health`,
 *   and attribution's latency with 1M stored clicks;
 * - CPU time of the dispatch workers per message.
 * `-- --json` prints one JSON object (name → { value, unit }); `-- --quick` skips the 100k run;
 * `-- --links` runs only the redirect and attribution figures; `-- --campaign` only a campaign's fan-out to
 * 100k and 1M synthetic recipients (time and peak memory); `-- --store` only the storefront's latency during a
 * campaign; `-- --throughput` only the 10k throughput, the Notification Module baseline and their ratio; `-- --attribution` only attribution.
 */
import { spawnSync } from "child_process"
import os from "os"
import path from "path"
import { checkServices } from "../integration-tests/helpers/services"
import { attributionLatency, redirectLatency } from "./lib/attribution"
import { campaignFanOut } from "./lib/campaign"
import { orderPlacedLatency } from "./lib/order-latency"
import { startPrivateRedis } from "./lib/redis-server"
import { storeLatencyDuringCampaign } from "./lib/store-latency"
import { notificationModuleBaseline, rateLimitAccuracy, round, throughput, type Figures } from "./lib/sections"

const json = process.argv.includes("--json")
const quick = process.argv.includes("--quick")
/** `-- --links` runs the redirect and attribution figures alone. */
const linksOnly = process.argv.includes("--links")
/** `-- --campaign` runs the campaign fan-out figures alone. */
const campaignOnly = process.argv.includes("--campaign")
/** `-- --store` runs the storefront-during-a-campaign figure alone. */
const storeOnly = process.argv.includes("--store")
/** `-- --attribution` runs the attribution-at-order.placed figure alone. */
const attributionOnly = process.argv.includes("--attribution")
/** `-- --throughput` runs the 10k throughput, the Notification Module baseline and their ratio alone. */
const throughputOnly = process.argv.includes("--throughput")
const log = (text: string) => !json && console.error(text)

/** stdout as it was: with `--json`, everything else (Medusa's and the module's logs) is sent to stderr. */
const stdoutWrite = process.stdout.write.bind(process.stdout)
if (json) process.stdout.write = ((chunk: any, ...rest: any[]) => (process.stderr.write as any)(chunk, ...rest)) as typeof process.stdout.write

/**
 * Every section runs the built plugin: the module from .medusa/server, the real Medusa app by the plugin's name
 * from the test app, as a store installs it. Build it and link it first, so that `npm run bench` works straight after `npm install` in a fresh clone.
 */
function buildAndLinkPlugin() {
  const root = path.join(__dirname, "..")
  log("▶ building the plugin (medusa plugin:build) and linking it into the test app")
  const built = spawnSync(path.join(root, "node_modules", ".bin", "medusa"), ["plugin:build"], { cwd: root, stdio: ["ignore", 2, 2] })
  if (built.status !== 0) throw new Error("medusa plugin:build failed: the bench needs the built plugin")
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require(path.join(root, "scripts", "link-test-app")).linkTestApp()
}

async function main() {
  await checkServices()
  buildAndLinkPlugin()
  const redis = await startPrivateRedis()
  const figures: Figures = {}
  try {
    if (storeOnly) {
      log("▶ GET /store/products p99, idle and while the worker sends at 100 segments/s (real app, shared mode)")
      Object.assign(figures, await storeLatencyDuringCampaign(redis.url))
      return
    }
    if (attributionOnly) {
      log("▶ attribution at order.placed with 1M stored clicks")
      Object.assign(figures, await attributionLatency(redis.url, 1_000_000, quick ? 200 : 1_000))
      return
    }
    if (throughputOnly) {
      await throughputFigures(redis.url, figures)
      return
    }
    if (!linksOnly && !campaignOnly) await pipelineFigures(redis.url, figures)
    if (!linksOnly) await campaignFigures(redis.url, figures)
    if (!campaignOnly) {
      log("▶ redirect /r/:code at 1,000 req/s over loopback, in the real Medusa app")
      Object.assign(figures, await redirectLatency(1_000, quick ? 5 : 15))
      log("▶ attribution at order.placed with 1M stored clicks")
      Object.assign(figures, await attributionLatency(redis.url, 1_000_000, quick ? 200 : 1_000))
    }
  } finally {
    await redis.stop()
    report(figures)
  }
  process.exit(0)
}

/** A campaign planned and enqueued to 100k, then 1M synthetic recipients: memory should not grow with it. */
async function campaignFigures(redisUrl: string, figures: Figures) {
  for (const audience of quick ? [100_000] : [100_000, 1_000_000]) {
    log(`▶ campaign fan-out, ${audience.toLocaleString("en")} recipients`)
    Object.assign(figures, await campaignFanOut(redisUrl, audience))
  }
}

/** The 10k throughput against the Notification Module baseline in the same run, and the CPU per message. */
async function throughputFigures(redisUrl: string, figures: Figures) {
  log("▶ throughput, 10k messages")
  Object.assign(figures, await throughput(redisUrl, 10_000, 2))
  log("▶ Medusa Notification Module, 10k messages")
  Object.assign(figures, await notificationModuleBaseline(10_000))
  const ratio = { value: round(figures.throughput_10000_sent.value / figures.notification_module_10000.value, 2), unit: "×" }
  figures.ratio_sent_vs_notification_module = ratio
  // the name earlier runs (bench/RESULTS.md) used
  figures.ratio_vs_notification_module = ratio
  // the dispatch workers' CPU per message in the 10k run (user + system, from /proc)
  figures.cpu_ms_per_message = figures.cpu_ms_per_message_10000
}

/** The dispatch pipeline's figures: throughput, the Notification Module baseline, rate limit, latency. */
async function pipelineFigures(redisUrl: string, figures: Figures) {
  await throughputFigures(redisUrl, figures)
  if (!quick) {
    log("▶ throughput, 100k messages")
    Object.assign(figures, await throughput(redisUrl, 100_000, 2))
  }
  log("▶ rate limiter at 100 segments/s")
  Object.assign(figures, await rateLimitAccuracy(redisUrl, 100, 1_000))
  log("▶ order.placed → provider latency, 60 orders through the store API")
  Object.assign(figures, await orderPlacedLatency(60))
  log("▶ GET /store/products p99, idle and while the worker sends at 100 segments/s (real app, shared mode)")
  Object.assign(figures, await storeLatencyDuringCampaign(redisUrl))
}

function report(figures: Figures) {
  figures.machine_cores = { value: os.cpus().length, unit: "cores" }
  figures.machine_memory = { value: round(os.totalmem() / 2 ** 30), unit: "GiB" }

  if (json) {
    stdoutWrite(`${JSON.stringify(figures)}\n`)
  } else {
    const width = Math.max(...Object.keys(figures).map((k) => k.length))
    console.log(`\nmedusa-plugin-sms-rcs bench — ${os.cpus()[0]?.model ?? "cpu"}, ${os.cpus().length} cores, node ${process.version}`)
    for (const [name, { value, unit }] of Object.entries(figures)) {
      console.log(`  ${name.padEnd(width)}  ${String(value).padStart(10)} ${unit}`)
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
