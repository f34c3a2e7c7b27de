import { checkServices } from "../helpers/services"

// The demo's first step: it must say which service is missing, where it looked, and how to start it.
describe("demo preflight", () => {
  it("passes when PostgreSQL and Redis answer", async () => {
    await expect(checkServices()).resolves.toBeUndefined()
  })

  it("names PostgreSQL, its address and how to start it when it does not answer", async () => {
    const error = await checkServices({ ...process.env, DB_HOST: "localhost", DB_PORT: "1" }).catch((e) => e)
    expect(error.message).toMatch(/^PostgreSQL is not reachable at postgres:\/\/postgres@localhost:1 \(.*ECONNREFUSED.*\)/)
    expect(error.message).toContain("docker compose up -d postgres")
    expect(error.message).not.toMatch(/Redis/)
  })

  it("names Redis, its address and how to start it when it does not answer", async () => {
    const error = await checkServices({ ...process.env, REDIS_URL: "redis://localhost:1" }).catch((e) => e)
    expect(error.message).toMatch(/^Redis is not reachable at redis:\/\/localhost:1 \(.*ECONNREFUSED.*\)/)
    expect(error.message).toContain("redis-server --daemonize yes")
  })

  it("names both when neither answers", async () => {
    const error = await checkServices({ ...process.env, DB_PORT: "1", REDIS_URL: "redis://localhost:1" }).catch((e) => e)
    expect(error.message.split("\n")).toHaveLength(2)
  })
})
