#!/usr/bin/env node
// `npm test`: builds the plugin, then runs every suite in order against the real PostgreSQL and Redis:
// unit → modules → http → chaos → browser → install. Stops at the first failing suite. `npm test -- unit http`
// runs some. `install` packs the plugin and installs the tarball into a fresh Medusa app of each supported version.
const { spawnSync } = require("child_process")
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

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } })
  return result.status ?? 1
}

if (suites.some((suite) => suite !== "unit")) {
  console.log("\n▶ building the plugin (medusa plugin:build)")
  if (run(path.join(root, "node_modules", ".bin", "medusa"), ["plugin:build"]) !== 0) process.exit(1)
  linkTestApp()
}

const testTypes = { unit: "unit", modules: "integration:modules", http: "integration:http", chaos: "chaos", browser: "browser", install: "install" }
const results = []
for (const suite of suites) {
  console.log(`\n▶ ${suite} tests`)
  const status = run(
    path.join(root, "node_modules", ".bin", "jest"),
    ["--runInBand", "--forceExit", "--ci"],
    { TEST_TYPE: testTypes[suite], NODE_OPTIONS: "--experimental-vm-modules", MEDUSA_DISABLE_TELEMETRY: "true" }
  )
  results.push([suite, status])
  if (status !== 0) break
}

console.log("\nSuites:")
for (const [suite, status] of results) console.log(`  ${status === 0 ? "✔" : "✘"} ${suite}`)
const failed = results.filter(([, status]) => status !== 0).length
process.exit(failed || results.length < suites.length ? 1 : 0)
