import { it } from "@effect/vitest"
import { retryRetryable } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure, RateLimited, Unavailable } from "@tixi/core"
import { Clock, Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"

const failure = (reason: PortFailure["reason"]) =>
  new PortFailure({ port: "HostCrm", operation: "upsertCase", reason, detail: "test" })

describe("retryRetryable", () => {
  it.effect("retries retryable failures until the call succeeds", () =>
    Effect.gen(function* () {
      let attempts = 0
      const flaky = Effect.suspend(() =>
        ++attempts < 3 ? Effect.fail(failure(new Unavailable())) : Effect.succeed("done"),
      )
      const fiber = yield* Effect.forkChild(retryRetryable(flaky, { baseDelayMillis: 100 }))
      yield* TestClock.adjust(60_000)
      expect(yield* Fiber.join(fiber)).toBe("done")
      expect(attempts).toBe(3)
    }),
  )

  it.effect("does not retry what cannot succeed", () =>
    Effect.gen(function* () {
      let attempts = 0
      const invalid = Effect.suspend(() => {
        attempts += 1
        return Effect.fail(failure(new InvalidRequest({})))
      })
      const result = yield* Effect.flip(retryRetryable(invalid))
      expect(result.reason._tag).toBe("InvalidRequest")
      expect(attempts).toBe(1)
    }),
  )

  it.effect("never retries sooner than the host's Retry-After", () =>
    Effect.gen(function* () {
      const attemptsAt: Array<number> = []
      const limited = Effect.flatMap(Clock.currentTimeMillis, (now) => {
        attemptsAt.push(now)
        return attemptsAt.length === 1
          ? Effect.fail(failure(new RateLimited({ recoverable: true, retryAfterMillis: 10_000 })))
          : Effect.succeed("ok")
      })
      const fiber = yield* Effect.forkChild(
        retryRetryable(limited, { baseDelayMillis: 10, maxDelayMillis: 100 }),
      )
      yield* TestClock.adjust(9_999)
      expect(attemptsAt).toEqual([0])
      yield* TestClock.adjust(1)
      expect(yield* Fiber.join(fiber)).toBe("ok")
      expect(attemptsAt).toEqual([0, 10_000])
    }),
  )

  it.effect("gives up after maxAttempts with the last failure", () =>
    Effect.gen(function* () {
      let attempts = 0
      const down = Effect.suspend(() => {
        attempts += 1
        return Effect.fail(failure(new Unavailable()))
      })
      const fiber = yield* Effect.forkChild(
        Effect.flip(retryRetryable(down, { maxAttempts: 4, baseDelayMillis: 10 })),
      )
      yield* TestClock.adjust(60_000)
      const last = yield* Fiber.join(fiber)
      expect(last.reason._tag).toBe("Unavailable")
      expect(attempts).toBe(4)
    }),
  )
})
