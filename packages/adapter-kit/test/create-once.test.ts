import { it } from "@effect/vitest"
import { createOnce } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure, RateLimited, Unavailable } from "@tixi/core"
import { Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect } from "vitest"

const failure = (reason: PortFailure["reason"]) =>
  new PortFailure({ port: "Approvals", operation: "submit", reason, detail: "test" })

/** A host that creates records, and can lose the reply of a create or refuse it unprocessed. */
function host(script: ReadonlyArray<"lose" | "throttle" | "ok">) {
  const created: Array<string> = []
  let calls = 0
  let finds = 0
  const create = Effect.suspend(() => {
    const step = script[calls++] ?? "ok"
    if (step === "throttle") return Effect.fail(failure(new RateLimited({ recoverable: true })))
    created.push(`record-${created.length + 1}`)
    return step === "lose" ? Effect.fail(failure(new Unavailable())) : Effect.succeed(created.at(-1)!)
  })
  const find = Effect.sync(() => {
    finds += 1
    return created.at(-1)
  })
  return { create, find, created, finds: () => finds, calls: () => calls }
}

const settle = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.forkChild(effect)
    yield* TestClock.adjust(60_000)
    return yield* Fiber.join(fiber)
  })

describe("createOnce", () => {
  it.effect("after a lost reply, finds what was created instead of creating it again", () =>
    Effect.gen(function* () {
      const vendor = host(["lose"])
      const result = yield* settle(createOnce({ create: vendor.create, find: vendor.find }))
      expect(result).toBe("record-1")
      expect(vendor.created).toEqual(["record-1"])
      expect(vendor.calls()).toBe(1)
    }),
  )

  it.effect("creates again when the lost attempt created nothing, and never looks after a refusal", () =>
    Effect.gen(function* () {
      const vendor = host(["throttle", "ok"])
      expect(yield* settle(createOnce({ create: vendor.create, find: vendor.find }))).toBe("record-1")
      expect(vendor.finds()).toBe(0)
      let attempts = 0
      const down = Effect.suspend(() => {
        attempts += 1
        return attempts === 1 ? Effect.fail(failure(new Unavailable())) : Effect.succeed("made")
      })
      const nothing = Effect.succeed(undefined)
      expect(yield* settle(createOnce({ create: down, find: nothing }))).toBe("made")
      expect(attempts).toBe(2)
    }),
  )

  it.effect("passes a failure that cannot succeed through at once", () =>
    Effect.gen(function* () {
      let attempts = 0
      const invalid = Effect.suspend(() => {
        attempts += 1
        return Effect.fail(failure(new InvalidRequest({})))
      })
      const result = yield* Effect.flip(createOnce({ create: invalid, find: Effect.succeed(undefined) }))
      expect(result.reason._tag).toBe("InvalidRequest")
      expect(attempts).toBe(1)
    }),
  )
})
