/**
 * `npm run chaos [-- --messages 2000] [-- --scenario worker-kill]`: sends messages through the real
 * pipeline while a worker is killed, Redis is restarted, or the provider misbehaves, and prints one
 * line per scenario. Exits 1 if any message was lost or sent twice.
 */
import { chaosLine, runScenario, SCENARIOS, type Scenario } from "./lib/chaos-scenarios"
import { checkServices } from "../integration-tests/helpers/services"

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main() {
  await checkServices()
  const messages = Number(arg("messages") ?? 1000)
  const only = arg("scenario") as Scenario | undefined
  let failed = false
  for (const scenario of only ? [only] : SCENARIOS) {
    const result = await runScenario(scenario, messages)
    console.log(chaosLine(result))
    failed ||= result.lost > 0 || result.duplicates > 0 || result.delivered !== result.messages
  }
  process.exit(failed ? 1 : 0)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
