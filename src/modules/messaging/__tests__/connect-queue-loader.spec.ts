import { createMedusaContainer } from "@medusajs/framework/utils"
import connectQueueLoader from "../loaders/connect-queue"

describe("connectQueueLoader", () => {
  it("stops the boot with the Redis address (password hidden) when Redis cannot be reached", async () => {
    const container = createMedusaContainer()
    await expect(
      connectQueueLoader({
        container,
        options: { redisUrl: "redis://:s3cret@127.0.0.1:1" },
      } as any)
    ).rejects.toThrow(/^medusa-plugin-sms-rcs: cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)/)
  })

  it("stops the boot on a malformed option, naming it", async () => {
    await expect(
      connectQueueLoader({ container: createMedusaContainer(), options: { provider: "carrier-pigeon" } } as any)
    ).rejects.toThrow(/invalid plugin options in medusa-config:\n  - "provider": /)
  })

  it("connects to the project's Redis and registers the options", async () => {
    const container = createMedusaContainer()
    await connectQueueLoader({ container, options: { redisUrl: "redis://localhost:6379" } } as any, {
      worker_mode: "server",
    })
    const redis = container.resolve("smsRcsRedis") as any
    expect(await redis.ping()).toBe("PONG")
    expect(container.resolve("smsRcsOptions")).toMatchObject({ provider: "sandbox", redisUrl: "redis://localhost:6379" })
    expect(container.resolve("smsRcsWorkerMode")).toBe("server")
    redis.disconnect()
  })
})
