import { it } from "@effect/vitest"
import { makeRateLimiter, readRateLimitHeaders } from "@tixi/adapter-kit"
import { Clock, Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it as plainIt } from "vitest"

describe("makeRateLimiter", () => {
  it.effect("lets `limit` requests through per rolling window and holds the rest", () =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({ limit: 3, windowMillis: 10_000, vendor: "test" })
      const times: Array<number> = []
      const fiber = yield* Effect.forkChild(
        Effect.forEach(
          Array.from({ length: 7 }),
          () =>
            Effect.flatMap(limiter.acquire, () =>
              Effect.map(Clock.currentTimeMillis, (now) => times.push(now)),
            ),
          { discard: true },
        ),
      )
      yield* TestClock.adjust(9_999)
      expect(times).toEqual([0, 0, 0])
      yield* TestClock.adjust(1)
      expect(times).toEqual([0, 0, 0, 10_000, 10_000, 10_000])
      yield* TestClock.adjust(10_000)
      yield* Fiber.join(fiber)
      expect(times).toEqual([0, 0, 0, 10_000, 10_000, 10_000, 20_000])
    }),
  )

  it.effect("uses a rolling window, not fixed buckets", () =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({ limit: 2, windowMillis: 1_000, vendor: "test" })
      yield* limiter.acquire
      yield* TestClock.adjust(600)
      yield* limiter.acquire
      const times: Array<number> = []
      const fiber = yield* Effect.forkChild(
        Effect.flatMap(limiter.acquire, () => Effect.map(Clock.currentTimeMillis, (now) => times.push(now))),
      )
      // The first request leaves the window at 1,000 ms, not at a bucket boundary.
      yield* TestClock.adjust(399)
      expect(times).toEqual([])
      yield* TestClock.adjust(1)
      yield* Fiber.join(fiber)
      expect(times).toEqual([1_000])
    }),
  )

  it.effect("stops at the daily budget with a failure that is not retryable", () =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({
        limit: 100,
        windowMillis: 10_000,
        dailyLimit: 2,
        vendor: "HubSpot",
      })
      yield* limiter.acquire
      yield* limiter.acquire
      const failure = yield* Effect.flip(limiter.acquire)
      expect(failure.reason._tag).toBe("RateLimited")
      expect(failure.isRetryable).toBe(false)
      expect(failure.detail).toContain("daily budget of 2")
      // A new UTC day brings a new budget.
      yield* TestClock.adjust(86_400_000)
      yield* limiter.acquire
      expect((yield* limiter.usage).today).toBe(1)
    }),
  )

  it.effect("holds everyone during a pause after a 429, and when the host says none remain", () =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({ limit: 100, windowMillis: 10_000, vendor: "test" })
      yield* limiter.pauseFor(5_000)
      const times: Array<number> = []
      const fiber = yield* Effect.forkChild(
        Effect.flatMap(limiter.acquire, () => Effect.map(Clock.currentTimeMillis, (now) => times.push(now))),
      )
      yield* TestClock.adjust(4_999)
      expect(times).toEqual([])
      yield* TestClock.adjust(1)
      yield* Fiber.join(fiber)
      expect(times).toEqual([5_000])
      yield* limiter.observe(0, 10_000)
      const second = yield* Effect.forkChild(
        Effect.flatMap(limiter.acquire, () => Effect.map(Clock.currentTimeMillis, (now) => times.push(now))),
      )
      yield* TestClock.adjust(10_000)
      yield* Fiber.join(second)
      expect(times).toEqual([5_000, 15_000])
    }),
  )
})

describe("makeRateLimiter: aligning with the host", () => {
  it.effect("does not pause when it filled the window itself, only when others spend the budget", () =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({ limit: 2, windowMillis: 1_000, vendor: "test" })
      yield* limiter.acquire
      yield* limiter.acquire
      // The host agrees: none remain, and this limiter sent both. No extra pause.
      yield* limiter.observe(0, 1_000)
      const times: Array<number> = []
      const fiber = yield* Effect.forkChild(
        Effect.flatMap(limiter.acquire, () => Effect.map(Clock.currentTimeMillis, (now) => times.push(now))),
      )
      yield* TestClock.adjust(1_000)
      yield* Fiber.join(fiber)
      expect(times).toEqual([1_000])
    }),
  )

  it.effect("takes the host's daily remaining when it is lower than its own count", () =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({
        limit: 100,
        windowMillis: 10_000,
        dailyLimit: 10,
        vendor: "HubSpot",
      })
      yield* limiter.acquire
      yield* limiter.observeDaily(1)
      expect((yield* limiter.usage).today).toBe(9)
      yield* limiter.acquire
      const failure = yield* Effect.flip(limiter.acquire)
      expect(failure.reason._tag).toBe("RateLimited")
      // A higher remaining never gives back budget this process already spent.
      yield* limiter.observeDaily(8)
      expect((yield* limiter.usage).today).toBe(10)
    }),
  )
})

describe("readRateLimitHeaders", () => {
  plainIt("reads HubSpot's headers from Headers and from plain lower-case records", () => {
    const headers = new Headers({
      "X-HubSpot-RateLimit-Max": "190",
      "X-HubSpot-RateLimit-Remaining": "12",
      "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
      "X-HubSpot-RateLimit-Daily": "625000",
      "X-HubSpot-RateLimit-Daily-Remaining": "600000",
    })
    const expected = {
      max: 190,
      remaining: 12,
      intervalMillis: 10_000,
      daily: 625_000,
      dailyRemaining: 600_000,
    }
    expect(readRateLimitHeaders(headers, "X-HubSpot-RateLimit")).toEqual(expected)
    const record = Object.fromEntries([...headers.entries()])
    expect(readRateLimitHeaders(record, "X-HubSpot-RateLimit")).toEqual(expected)
  })

  plainIt("leaves absent and garbled values undefined (OAuth apps get no daily headers)", () => {
    const read = readRateLimitHeaders(
      { "x-hubspot-ratelimit-max": "abc", "x-hubspot-ratelimit-remaining": "" },
      "X-HubSpot-RateLimit",
    )
    expect(read).toEqual({
      max: undefined,
      remaining: undefined,
      intervalMillis: undefined,
      daily: undefined,
      dailyRemaining: undefined,
    })
  })
})

describe("makeRateLimiter.withSlot", () => {
  it.effect("frees a slot a window after the request completes, not after it was sent", () =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({ limit: 1, windowMillis: 1_000, vendor: "test" })
      const times: Array<number> = []
      // The first request takes 300 ms to complete; the host may have counted it at any point.
      const slow = yield* Effect.forkChild(limiter.withSlot(Effect.sleep(300)))
      const next = yield* Effect.forkChild(
        limiter.withSlot(Effect.map(Clock.currentTimeMillis, (now) => times.push(now))),
      )
      yield* TestClock.adjust(1_000)
      expect(times).toEqual([])
      yield* TestClock.adjust(300)
      yield* Fiber.join(slow)
      yield* Fiber.join(next)
      expect(times[0]).toBeGreaterThanOrEqual(1_300)
      expect(times[0]).toBeLessThan(1_310)
    }),
  )

  it.effect("releases the slot when the request fails, and counts it against the day", () =>
    Effect.gen(function* () {
      const limiter = yield* makeRateLimiter({ limit: 2, windowMillis: 1_000, dailyLimit: 5, vendor: "test" })
      const failed = yield* Effect.flip(limiter.withSlot(Effect.fail("host said no")))
      expect(failed).toBe("host said no")
      yield* limiter.withSlot(Effect.void)
      expect(yield* limiter.usage).toEqual({ today: 2, inWindow: 2 })
      yield* TestClock.adjust(1_001)
      expect((yield* limiter.usage).inWindow).toBe(0)
    }),
  )
})
