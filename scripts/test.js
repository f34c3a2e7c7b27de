#!/usr/bin/env node
// `npm test`: builds the plugin, then runs every suite against the real PostgreSQL and Redis:
// unit → modules → http → chaos → browser, one after another, stopping at the first failing suite; and
// `install` (packs the plugin and installs the tarball into a fresh Medusa app of each supported version)
// at the same time in the background, because it spends most of its time waiting on the npm registry.
// It has its own databases and uses none of the other suites' queue names, so the two cannot meet. Its
// output goes to integration-tests/artifacts/install/suite.log and is printed when it ends.
// `npm test -- unit http` runs some (`install` alone runs in the foreground).
const { spawn, spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")
const { linkTestApp } = require("./link-test-app")

const root = path.join(__dirname, "..")
const all = ["unit", "modules", "http", "chaos", "browser", "install"]
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("-"))
const suites = wanted.length ? wanted : all
const unknown = suites.filter((suite) => !all.includes(suite))
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(", ")}. Expected: ${all.join(", ")}`)
  process.exit(2)
}

const testTypes = { unit: "unit", modules: "integration:modules", http: "integration:http", chaos: "chaos", browser: "browser", install: "install" }
const jest = path.join(root, "node_modules", ".bin", "jest")
const jestArgs = ["--runInBand", "--forceExit", "--ci"]
const suiteEnv = (suite) => ({
  ...process.env,
  TEST_TYPE: testTypes[suite],
  // Each spec boots a Medusa app in Jest's one process and not all of it is freed: the http suite passed
  // Node's default 4 GB heap at its 21st spec. 8 GB leaves room for twice as many (the machines have 24 GB).
  NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=8192",
  MEDUSA_DISABLE_TELEMETRY: "true",
})

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env })
  return result.status ?? 1
}

const started = Date.now()
const elapsed = (since) => `${Math.round((Date.now() - since) / 1000)} s`

if (suites.some((suite) => suite !== "unit")) {
  console.log("\n▶ building the plugin (medusa plugin:build)")
  if (run(path.join(root, "node_modules", ".bin", "medusa"), ["plugin:build"]) !== 0) process.exit(1)
  linkTestApp()
}

const foreground = suites.filter((suite) => suite !== "install")
let background = null
if (suites.includes("install") && foreground.length) {
  const logDir = path.join(root, "integration-tests", "artifacts", "install")
  fs.mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, "suite.log")
  const out = fs.openSync(logFile, "w")
  console.log(`\n▶ install tests, in the background (output: ${path.relative(root, logFile)})`)
  const child = spawn(jest, jestArgs, { cwd: root, env: suiteEnv("install"), stdio: ["ignore", out, out], detached: true })
  const since = Date.now()
  background = {
    child,
    logFile,
    done: new Promise((resolve) => {
      child.on("exit", (code, signal) => resolve({ status: code ?? 1, signal, took: elapsed(since) }))
      child.on("error", (error) => {
        fs.appendFileSync(logFile, `could not start the install suite: ${error.message}\n`)
        resolve({ status: 1, took: elapsed(since) })
      })
    }),
  }
  // Never leave it running behind a failed or interrupted run.
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
  }
  process.on("exit", stop)
  process.on("SIGINT", () => process.exit(130))
  process.on("SIGTERM", () => process.exit(143))
}

async function main() {
  const results = []
  for (const suite of suites.includes("install") && !foreground.length ? ["install"] : foreground) {
    console.log(`\n▶ ${suite} tests`)
    const since = Date.now()
    const status = run(jest, jestArgs, suiteEnv(suite))
    results.push([suite, status, elapsed(since)])
    if (status !== 0) break
  }
  const foregroundFailed = results.some(([, status]) => status !== 0)
  if (background) {
    if (foregroundFailed) {
      console.log("\n▶ stopping the install tests (a suite failed)")
      try {
        process.kill(-background.child.pid, "SIGTERM")
      } catch {}
    } else {
      console.log("\n▶ install tests (waiting for the background run)")
    }
    const { status, took } = await background.done
    process.stdout.write(fs.readFileSync(background.logFile, "utf8"))
    if (!foregroundFailed) results.push(["install", status, took])
  }

  console.log(`\nSuites (${elapsed(started)} in all):`)
  for (const [suite, status, took] of results) console.log(`  ${status === 0 ? "✔" : "✘"} ${suite} (${took})`)
  const failed = results.filter(([, status]) => status !== 0).length
  process.exit(failed || results.length < suites.length ? 1 : 0)
}

main()
