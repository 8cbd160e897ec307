import { it } from "@effect/vitest"
import { makeTokenCache } from "@tixi/adapter-kit"
import { Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"

describe("makeTokenCache", () => {
  const issuer = () => {
    let issued = 0
    return {
      count: () => issued,
      fetch: Effect.suspend(() =>
        Effect.succeed({ token: `token-${++issued}`, expiresInSeconds: 7200 }),
      ).pipe(Effect.delay(100)),
    }
  }

  it.effect("fetches once for concurrent callers and reuses the token", () =>
    Effect.gen(function* () {
      const source = issuer()
      const cache = yield* makeTokenCache(source.fetch)
      const fiber = yield* Effect.forkChild(
        Effect.all([cache.get, cache.get, cache.get], { concurrency: "unbounded" }),
      )
      yield* TestClock.adjust(100)
      const tokens = yield* Fiber.join(fiber)
      expect(tokens).toEqual(["token-1", "token-1", "token-1"])
      expect(yield* cache.get).toBe("token-1")
      expect(source.count()).toBe(1)
    }),
  )

  it.effect("refreshes before expiry, with the safety margin", () =>
    Effect.gen(function* () {
      const source = issuer()
      const cache = yield* makeTokenCache(source.fetch, { refreshMarginSeconds: 300 })
      const first = yield* Effect.forkChild(cache.get)
      yield* TestClock.adjust(100)
      expect(yield* Fiber.join(first)).toBe("token-1")
      yield* TestClock.adjust((7200 - 300) * 1000 - 200)
      expect(yield* cache.get).toBe("token-1")
      yield* TestClock.adjust(200)
      const second = yield* Effect.forkChild(cache.get)
      yield* TestClock.adjust(100)
      expect(yield* Fiber.join(second)).toBe("token-2")
    }),
  )

  it.effect("drops a rejected token but not its replacement", () =>
    Effect.gen(function* () {
      const source = issuer()
      const cache = yield* makeTokenCache(source.fetch)
      const first = yield* Effect.forkChild(cache.get)
      yield* TestClock.adjust(100)
      const token = yield* Fiber.join(first)
      yield* cache.invalidate(token)
      const second = yield* Effect.forkChild(cache.get)
      yield* TestClock.adjust(100)
      expect(yield* Fiber.join(second)).toBe("token-2")
      // A late invalidation of the old token must not drop the new one.
      yield* cache.invalidate(token)
      expect(yield* cache.get).toBe("token-2")
      expect(source.count()).toBe(2)
    }),
  )
})
