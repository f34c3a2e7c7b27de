import path from "path"
import { MedusaApp, MedusaAppMigrateUp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { createPgConnection } from "@medusajs/framework/utils"

/**
 * The plugin's `messaging` module, booted on its own the way Medusa boots it (built output, a shared
 * pg connection): a dispatch worker process in `worker` mode, or the orchestrator's handle in
 * `server` mode. Medusa worker processes run this same code.
 */
export const BUILT_MODULE = path.join(__dirname, "..", "..", ".medusa", "server", "src", "modules", "messaging")

export type ModuleAppConfig = {
  databaseUrl: string
  options: Record<string, unknown>
  workerMode: "worker" | "server" | "shared"
}

const silentLogger = {
  info: () => undefined,
  debug: () => undefined,
  warn: (m: string) => process.env.BENCH_VERBOSE && console.warn(m),
  error: (m: string) => console.error(m),
  log: () => undefined,
  activity: () => "",
  progress: () => undefined,
  success: () => undefined,
  failure: () => undefined,
  shouldLog: () => false,
  setLogLevel: () => undefined,
  unsetLogLevel: () => undefined,
  panic: (m: unknown) => console.error(m),
}

function modulesConfig(options: Record<string, unknown>) {
  return { messaging: { resolve: BUILT_MODULE, options } }
}

export async function migrateModule(databaseUrl: string, options: Record<string, unknown>) {
  const connection = createPgConnection({ clientUrl: databaseUrl, schema: "public" })
  try {
    await MedusaAppMigrateUp({
      modulesConfig: modulesConfig(options),
      sharedResourcesConfig: { database: { clientUrl: databaseUrl } },
      injectedDependencies: { __pg_connection__: connection, logger: silentLogger },
    } as any)
  } finally {
    await connection.destroy()
  }
}

export async function bootModule({ databaseUrl, options, workerMode }: ModuleAppConfig) {
  const connection = createPgConnection({ clientUrl: databaseUrl, schema: "public", pool: { max: 20 } } as any)
  const app = await MedusaApp({
    modulesConfig: modulesConfig(options),
    sharedResourcesConfig: { database: { clientUrl: databaseUrl } },
    injectedDependencies: { __pg_connection__: connection, logger: silentLogger },
    workerMode,
  } as any)
  await app.onApplicationStart()
  const service = app.modules.messaging as any
  return {
    service,
    knex: connection,
    async shutdown() {
      await app.onApplicationPrepareShutdown()
      await app.onApplicationShutdown()
      await connection.destroy()
      MedusaModule.clearInstances()
    },
  }
}
