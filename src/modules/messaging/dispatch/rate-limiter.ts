import type IORedis from "ioredis"

/**
 * A token bucket in Redis, shared by every worker process: `rate` tokens (SMS segments) per second, up
 * to `burst` saved up; a message of n segments takes n tokens, so the pace holds in segments. The script runs atomically and reads Redis's own clock, so processes on hosts
 * with skewed clocks still share one limit. Answers 0 when the tokens were taken, else how many
 * milliseconds to wait before they will be there.
 */
const TAKE = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
-- a message larger than the burst goes out once the bucket is full, and leaves it in debt
local needed = math.min(wanted, burst)
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local wait = 0
if tokens >= needed then
  tokens = tokens - wanted
else
  wait = math.ceil((needed - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 60000)
return wait
`

export type RateLimit = { segmentsPerSecond: number; burst?: number }

export class RateLimiter {
  private readonly burst: number

  constructor(
    private readonly redis: IORedis,
    private readonly key: string,
    private readonly limit: RateLimit
  ) {
    this.burst = limit.burst ?? Math.max(1, Math.ceil(limit.segmentsPerSecond))
  }

  /** Takes `segments` tokens; returns 0 if it could, else the milliseconds to wait first. */
  async take(segments: number): Promise<number> {
    const wait = await this.redis.eval(TAKE, 1, this.key, this.limit.segmentsPerSecond, this.burst, Math.max(1, segments))
    return Number(wait)
  }
}
