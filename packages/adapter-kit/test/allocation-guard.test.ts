import { makeAllocationGuard } from "@tixi/adapter-kit"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

describe("makeAllocationGuard", () => {
  it("lets calls through before the host has reported anything", async () => {
    const guard = await run(makeAllocationGuard({ vendor: "test", scope: "DAILY", reserve: 10 }))
    await run(guard.check(1_000_000))
    expect(await run(guard.remaining)).toBeUndefined()
  })

  it("stops before the reserve, not at zero, and says why", async () => {
    const guard = await run(
      makeAllocationGuard({ vendor: "Salesforce", scope: "DAILY_API_REQUESTS", reserve: 100 }),
    )
    await run(guard.observe({ used: 14_800, max: 15_000 }))
    expect(await run(guard.remaining)).toBe(100)
    await run(guard.check(100))
    const failure = await run(Effect.flip(guard.check(101)))
    expect(failure.reason._tag).toBe("RateLimited")
    expect(failure.isRetryable).toBe(false)
    expect(failure.detail).toContain("14800 of 15000")
  })

  it("takes the reserve as a share of the maximum", async () => {
    const guard = await run(
      makeAllocationGuard({ vendor: "test", scope: "DAILY", reserve: (max) => max * 0.05 }),
    )
    await run(guard.observe({ used: 90_000, max: 100_000 }))
    expect(await run(guard.remaining)).toBe(5_000)
  })

  it("keeps the highest count when replies arrive out of order", async () => {
    const guard = await run(makeAllocationGuard({ vendor: "test", scope: "DAILY", reserve: 0 }))
    await run(guard.observe({ used: 500, max: 1_000 }))
    await run(guard.observe({ used: 480, max: 1_000 }))
    expect(await run(guard.usage)).toEqual({ used: 500, max: 1_000 })
    await run(guard.observe({ used: 10, max: 2_000 }))
    expect(await run(guard.remaining)).toBe(1_990)
  })

  it("ignores figures that cannot be right", async () => {
    const guard = await run(makeAllocationGuard({ vendor: "test", scope: "DAILY", reserve: 0 }))
    await run(guard.observe({ used: Number.NaN, max: 1_000 }))
    await run(guard.observe({ used: 1, max: 0 }))
    expect(await run(guard.usage)).toBeUndefined()
  })
})
