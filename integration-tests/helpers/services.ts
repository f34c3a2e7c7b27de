import IORedis from "ioredis"
import { Client } from "pg"

/** Where PostgreSQL and Redis are, from the same variables the test app reads. */
export function serviceAddresses(env: NodeJS.ProcessEnv = process.env) {
  const host = env.DB_HOST || "localhost"
  const port = Number(env.DB_PORT || 5432)
  const user = env.DB_USERNAME || "postgres"
  const password = env.DB_PASSWORD || ""
  return {
    postgres: { host, port, user, password, label: `postgres://${user}@${host}:${port}` },
    redisUrl: env.REDIS_URL || "redis://localhost:6379",
  }
}

export function databaseUrl(dbName: string, env: NodeJS.ProcessEnv = process.env): string {
  const { postgres } = serviceAddresses(env)
  const auth = postgres.password ? `${postgres.user}:${encodeURIComponent(postgres.password)}` : postgres.user
  return `postgres://${auth}@${postgres.host}:${postgres.port}/${dbName}`
}

const HOW_TO_START = {
  postgres:
    "Start it with `docker compose up -d postgres` (docker-compose.yml in this repository), or your system's " +
    "service manager (Debian: `pg_ctlcluster 15 main start`), or point DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD at yours.",
  redis:
    "Start it with `docker compose up -d redis`, or `redis-server --daemonize yes`, or point REDIS_URL at yours.",
}

/** Checks that PostgreSQL and Redis answer; the error says which one does not, where, and how to start it. */
export async function checkServices(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { postgres, redisUrl } = serviceAddresses(env)
  const problems: string[] = []

  const client = new Client({ ...postgres, database: "postgres", connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query("select 1")
  } catch (error) {
    problems.push(`PostgreSQL is not reachable at ${postgres.label} (${(error as Error).message || (error as any).code}). ${HOW_TO_START.postgres}`)
  } finally {
    await client.end().catch(() => undefined)
  }

  const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 })
  let redisError: Error | undefined
  redis.on("error", (error) => (redisError ??= error))
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    problems.push(`Redis is not reachable at ${redisUrl} (${(redisError ?? (error as Error)).message}). ${HOW_TO_START.redis}`)
  } finally {
    redis.disconnect()
  }

  if (problems.length) {
    throw new Error(problems.join("\n"))
  }
}

/** Creates the database unless it exists. */
export async function ensureDatabase(dbName: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const { postgres } = serviceAddresses(env)
  const client = new Client({ ...postgres, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [dbName])
    if (rowCount) return false
    await client.query(`create database "${dbName.replace(/"/g, '""')}"`)
    return true
  } finally {
    await client.end()
  }
}

export async function dropDatabase(dbName: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { postgres } = serviceAddresses(env)
  const client = new Client({ ...postgres, database: "postgres" })
  await client.connect()
  try {
    await client.query(`drop database if exists "${dbName.replace(/"/g, '""')}" with (force)`)
  } finally {
    await client.end()
  }
}
