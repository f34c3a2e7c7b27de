/**
 * A dispatch worker process: boots the messaging module in `worker` mode and sends whatever the queue
 * holds until it is told to stop (SIGTERM: finishes the jobs in hand) or killed (SIGKILL: the chaos run).
 * Its configuration comes as JSON in DISPATCH_NODE_CONFIG.
 */
import { bootModule, type ModuleAppConfig } from "./module-app"

async function main() {
  const config = JSON.parse(process.env.DISPATCH_NODE_CONFIG!) as ModuleAppConfig
  const node = await bootModule({ ...config, workerMode: "worker" })
  process.send?.({ ready: true })
  const stop = async () => {
    await node.shutdown()
    process.exit(0)
  }
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
