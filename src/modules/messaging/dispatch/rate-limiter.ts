import type IORedis from "ioredis"

/**
 * A token bucket in Redis, shared by every worker process: `rate` tokens (SMS segments) per second, up
 * to `burst` saved up; a message of n segments takes n tokens, so the pace holds in segments.
 *
 * A take reserves its tokens even when the bucket is short (it goes into debt) and answers how long to
 * wait before sending: each worker then sends at exactly its slot, instead of putting the job back and
 * polling, which under-uses the rate. A reservation further away than `maxWaitMs` is not made (the
 * answer is negative): the worker gives the message back to the queue rather than hold it that long.
 * The script runs atomically and reads Redis's own clock, so processes with skewed clocks share one pace.
 */
const TAKE = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local maxwait = tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local after = tokens - wanted
local wait = 0
if after < 0 then
  wait = math.ceil(-after * 1000 / rate)
end
if wait > maxwait then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
  return -wait
end
redis.call('HSET', KEYS[1], 'tokens', tostring(after), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst + wanted) * 1000 / rate) + 60000)
return wait
`

export type RateLimit = { segmentsPerSecond: number; burst?: number }

export class RateLimiter {
  private readonly burst: number

  constructor(
    private readonly redis: IORedis,
    private readonly key: string,
    private readonly limit: RateLimit,
    private readonly maxWaitMs = 2_000
  ) {
    this.burst = limit.burst ?? Math.max(1, Math.ceil(limit.segmentsPerSecond))
  }

  /**
   * Reserves `segments` tokens. Returns the milliseconds to wait before sending (0: now), or a negative
   * number when the slot is further than `maxWaitMs` away: nothing was reserved, retry after that long.
   */
  async take(segments: number): Promise<number> {
    const wait = await this.redis.eval(
      TAKE,
      1,
      this.key,
      this.limit.segmentsPerSecond,
      this.burst,
      Math.max(1, segments),
      this.maxWaitMs
    )
    return Number(wait)
  }
}
