import { describe, expect, it, layer } from "@effect/vitest"
import {
  Directory,
  type DirectoryService,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  makeInMemoryDirectory,
  personId,
} from "@tixi/core"
import { sampleCompany, scriptedCustomer, scriptedRegistration } from "@tixi/testing"
import { Clock, Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { cachedDirectory, defaultPersonCacheMillis } from "../../src/engine/person-cache.ts"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"

/** The sample company's directory, counting the person lookups that reach it. */
const countingDirectory = () => {
  const directory = makeInMemoryDirectory(sampleCompany)
  let asked = 0
  const counted: DirectoryService = {
    ...directory,
    person: (id) =>
      Effect.suspend(() => {
        asked += 1
        return directory.person(id)
      }),
  }
  return { directory: counted, asked: () => asked }
}

const wu = personId("officer-wu")

describe("the per-runner person cache", () => {
  it.effect("a burst of commands asks the directory once per person", () =>
    Effect.gen(function* () {
      const counting = countingDirectory()
      const cached = cachedDirectory(counting.directory)
      for (let command = 0; command < 20; command++) yield* cached.person(wu)
      yield* cached.person(personId("supervisor-sun"))
      expect(counting.asked()).toBe(2)
      expect((yield* cached.person(wu)).roles).toEqual(["officer"])
    }),
  )

  it.effect("a person is asked for again once the TTL has passed (default 60 s)", () =>
    Effect.gen(function* () {
      const counting = countingDirectory()
      const cached = cachedDirectory(counting.directory)
      yield* cached.person(wu)
      yield* TestClock.adjust(defaultPersonCacheMillis - 1)
      yield* cached.person(wu)
      expect(counting.asked()).toBe(1)
      yield* TestClock.adjust(1)
      yield* cached.person(wu)
      expect(counting.asked()).toBe(2)
    }),
  )

  it.effect("the TTL is configurable", () =>
    Effect.gen(function* () {
      const counting = countingDirectory()
      const cached = cachedDirectory(counting.directory, { ttlMillis: 5_000 })
      yield* cached.person(wu)
      yield* TestClock.adjust(5_000)
      yield* cached.person(wu)
      expect(counting.asked()).toBe(2)
    }),
  )

  it.effect("a directory change event forgets the person, so the next command asks again", () =>
    Effect.gen(function* () {
      const counting = countingDirectory()
      const cached = cachedDirectory(counting.directory)
      yield* cached.person(wu)
      yield* cached.person(personId("supervisor-sun"))
      yield* cached.invalidate(wu)
      yield* cached.person(wu)
      yield* cached.person(personId("supervisor-sun"))
      expect(counting.asked()).toBe(3)
      yield* cached.invalidate()
      yield* cached.person(personId("supervisor-sun"))
      expect(counting.asked()).toBe(4)
    }),
  )

  it.effect("failed lookups are not kept: an unknown person is asked for every time", () =>
    Effect.gen(function* () {
      const counting = countingDirectory()
      const cached = cachedDirectory(counting.directory)
      for (let attempt = 0; attempt < 3; attempt++) yield* Effect.flip(cached.person(personId("nobody")))
      expect(counting.asked()).toBe(3)
    }),
  )
})

/** A runner whose directory counts lookups and whose `test.directory` events say it changed. */
const counting = countingDirectory()
const environment = runtimeLayer({
  processes: [hostedComplaintProcess],
  engine: "embedded",
  personCache: { isDirectoryChange: (event) => event.type === "test.directory" },
}).pipe(
  Layer.provideMerge(
    Layer.mergeAll(
      InMemoryHostCrm.layer({ customers: [scriptedCustomer] }),
      InMemoryApprovals.layer(),
      InMemoryNotifier.layer(),
      Layer.succeed(Directory, counting.directory),
    ),
  ),
  Layer.provideMerge(pgliteLayer()),
)

layer(environment, { timeout: 60_000, excludeTestServices: true })("the person cache in a runner", (it) => {
  it.effect("commands reuse the cached person until a directory change event arrives", () =>
    Effect.gen(function* () {
      const runtime = yield* ProcessRuntime
      const now = yield* Clock.currentTimeMillis
      for (const complaintId of ["PC-1", "PC-2", "PC-3"])
        yield* runtime.dispatch("complaint", complaintId, scriptedRegistration(complaintId, "approval", now))
      expect(counting.asked()).toBe(1)
      const change = { source: "test", id: "change-1", type: "test.directory", payload: {}, receivedAt: now }
      yield* runtime.routeEvent(change)
      yield* runtime.dispatch("complaint", "PC-4", scriptedRegistration("PC-4", "approval", now))
      expect(counting.asked()).toBe(2)
      yield* runtime.routeEvent({ ...change, id: "other-1", type: "test.other" })
      yield* runtime.dispatch("complaint", "PC-5", scriptedRegistration("PC-5", "approval", now))
      expect(counting.asked()).toBe(2)
    }),
  )
})
