import { describe, expect, it, layer } from "@effect/vitest"
import {
  Directory,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  makeInMemoryDirectory,
  PortFailure,
  personId,
  Unavailable,
} from "@tixi/core"
import { sampleCompany, scriptedCustomer } from "@tixi/testing"
import { Effect, Layer } from "effect"
import { withResolvedActor } from "../../src/engine/directory-actors.ts"
import { ProcessRuntime, type RuntimeOptions, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { acceptLate, registered } from "../fixtures/complaint-commands.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"

const environment = runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)

layer(environment, { timeout: 60_000, excludeTestServices: true })(
  "commands act only in a post the directory gives their actor",
  (it) => {
    it.effect("an officer who claims director is refused before anything is stored", () =>
      Effect.gen(function* () {
        yield* registered("DIR-1")
        const runtime = yield* ProcessRuntime
        const failure = yield* Effect.flip(acceptLate("DIR-1", { personId: "officer-wu", role: "director" }))
        expect(failure).toMatchObject({
          _tag: "PostNotHeld",
          personId: "officer-wu",
          claimed: "director",
          held: ["officer"],
        })
        expect(failure.message).toContain("director")
        expect(failure.message).toContain("officer")
        const view = yield* runtime.inspect("complaint", "DIR-1")
        expect(view?.status).toBe("registered")
        expect(view?.turns).toBe(1)
      }),
    )

    it.effect(
      "an officer acting as the officer they are may still not promise beyond the service level",
      () =>
        Effect.gen(function* () {
          yield* registered("DIR-1b")
          const turn = yield* acceptLate("DIR-1b", { personId: "officer-wu", role: "officer" })
          expect(turn.outcome).toBe("refused")
          expect(turn.refusal).toMatchObject({
            _tag: "PolicyRefusal",
            rule: "promise.minimumRoleBeyondTarget",
          })
        }),
    )

    it.effect("a supervisor acting as the supervisor the directory knows may promise beyond it", () =>
      Effect.gen(function* () {
        yield* registered("DIR-2")
        const turn = yield* acceptLate("DIR-2", { personId: "supervisor-sun", role: "supervisor" })
        expect(turn.outcome).toBe("applied")
        expect(turn.events.map((event) => event.type)).toEqual(["ComplaintAccepted"])
      }),
    )

    it.effect("a supervisor who claims a post the directory does not give them is refused", () =>
      Effect.gen(function* () {
        yield* registered("DIR-2b")
        const failure = yield* Effect.flip(
          acceptLate("DIR-2b", { personId: "supervisor-sun", role: "supervisor", post: "creditSupervisor" }),
        )
        expect(failure).toMatchObject({
          _tag: "PostNotHeld",
          claimed: "creditSupervisor",
          held: ["complaintSupervisor"],
        })
        const turn = yield* acceptLate("DIR-2b", {
          personId: "supervisor-sun",
          role: "supervisor",
          post: "complaintSupervisor",
        })
        expect(turn.outcome).toBe("applied")
      }),
    )

    it.effect("a person the directory does not know is refused before anything is stored", () =>
      Effect.gen(function* () {
        yield* registered("DIR-3")
        const runtime = yield* ProcessRuntime
        const failure = yield* Effect.flip(
          acceptLate("DIR-3", { personId: "someone-else", role: "director" }),
        )
        expect(failure._tag).toBe("UnknownActor")
        expect(failure.message).toContain("someone-else")
        const view = yield* runtime.inspect("complaint", "DIR-3")
        expect(view?.status).toBe("registered")
        expect(view?.turns).toBe(1)
      }),
    )

    it.effect("a person the directory knows as inactive is refused", () =>
      Effect.gen(function* () {
        yield* registered("DIR-4")
        const failure = yield* Effect.flip(
          acceptLate("DIR-4", { personId: "officer-former", role: "manager" }),
        )
        expect(failure._tag).toBe("UnknownActor")
      }),
    )

    it.effect("a command without an actor (a timer's, an approval outcome's) passes unchanged", () =>
      Effect.gen(function* () {
        yield* registered("DIR-5")
        const runtime = yield* ProcessRuntime
        const turn = yield* runtime.dispatch("complaint", "DIR-5", { type: "CheckSla", sla: "firstResponse" })
        // Decided by the process, not failed for want of an actor.
        expect(turn.instanceId).toBe("DIR-5")
        expect(turn.input).toMatchObject({ _tag: "Command", command: { type: "CheckSla" } })
      }),
    )
  },
)

describe("withResolvedActor", () => {
  const directory = makeInMemoryDirectory(sampleCompany)

  it.effect(
    "refuses a command when any person acting in it claims more than they hold (a credit override's requestedBy)",
    () =>
      Effect.gen(function* () {
        const failure = yield* Effect.flip(
          withResolvedActor(directory, {
            type: "RequestOverride",
            requestedBy: { personId: "officer-wu", role: "officer" },
            approver: { personId: "manager-qian", role: "director" },
            reason: "客户追加订单",
          }),
        )
        expect(failure).toMatchObject({ _tag: "PostNotHeld", personId: "manager-qian", claimed: "director" })
      }),
  )

  it.effect("keeps the posts the people hold when they claim them, whatever the key", () =>
    Effect.gen(function* () {
      const resolved = yield* withResolvedActor(directory, {
        type: "RequestOverride",
        requestedBy: { personId: "officer-wu", role: "officer", post: "complaintOfficer" },
        approver: { personId: "manager-qian", role: "manager" },
        reason: "客户追加订单",
      })
      expect(resolved).toEqual({
        type: "RequestOverride",
        requestedBy: { personId: "officer-wu", role: "officer", post: "complaintOfficer" },
        approver: { personId: "manager-qian", role: "manager" },
        reason: "客户追加订单",
      })
    }),
  )

  it.effect(
    "staff the directory knows without a post act in the lowest rung only, and are refused above it",
    () =>
      Effect.gen(function* () {
        const inspector = { ...sampleCompany.people[0]!, id: personId("inspector-han"), roles: [], posts: [] }
        const withInspector = makeInMemoryDirectory({ people: [inspector], departments: [] })
        const resolved = yield* withResolvedActor(withInspector, {
          type: "RecordInvestigation",
          actor: { personId: "inspector-han", role: "officer" },
        })
        expect(resolved.actor).toEqual({ personId: "inspector-han", role: "officer" })
        const failure = yield* Effect.flip(
          withResolvedActor(withInspector, {
            type: "RecordInvestigation",
            actor: { personId: "inspector-han", role: "director" },
          }),
        )
        expect(failure).toMatchObject({ _tag: "PostNotHeld", claimed: "director", held: [] })
      }),
  )
})

/** The sample company's directory, which can be taken down (the host unreachable) and brought back. */
const outageDirectory = () => {
  const directory = makeInMemoryDirectory(sampleCompany)
  let down = false
  const unavailable = new PortFailure({
    port: "Directory",
    operation: "person",
    reason: new Unavailable({}),
    detail: "directory host unreachable",
  })
  return {
    setDown: (value: boolean) => {
      down = value
    },
    layer: Layer.succeed(Directory, {
      ...directory,
      person: (id) => Effect.suspend(() => (down ? Effect.fail(unavailable) : directory.person(id))),
    }),
  }
}

const outageEngines: ReadonlyArray<RuntimeOptions> = [
  { processes: [hostedComplaintProcess], engine: "embedded" },
  {
    processes: [hostedComplaintProcess],
    engine: "cluster",
    cluster: { runnerId: { host: "test", port: 1 }, pollIntervalMillis: 100 },
  },
]

for (const options of outageEngines) {
  const outage = outageDirectory()
  // No person cache, so every command asks the directory: the outage is what is under test.
  const environment = runtimeLayer({ ...options, personCache: { ttlMillis: 0 } }).pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        InMemoryHostCrm.layer({ customers: [scriptedCustomer] }),
        InMemoryApprovals.layer(),
        InMemoryNotifier.layer(),
        outage.layer,
      ),
    ),
    Layer.provideMerge(pgliteLayer()),
  )
  layer(environment, { timeout: 60_000, excludeTestServices: true })(
    `directory outages fail closed (${options.engine} engine)`,
    (it) => {
      it.effect(
        "a command sent while the directory cannot answer fails retryably, stores nothing, and succeeds when sent again",
        () =>
          Effect.gen(function* () {
            const runtime = yield* ProcessRuntime
            outage.setDown(true)
            const failure = yield* Effect.flip(registered("OUT-1"))
            expect(failure._tag).toBe("PortFailure")
            expect(failure instanceof PortFailure && failure.isRetryable).toBe(true)
            expect(yield* runtime.inspect("complaint", "OUT-1")).toBeUndefined()
            outage.setDown(false)
            const turn = yield* registered("OUT-1")
            expect(turn.outcome).toBe("applied")
            expect((yield* runtime.inspect("complaint", "OUT-1"))?.status).toBe("registered")
          }),
      )

      it.effect("a claimed role or post the directory does not give is refused, nothing stored", () =>
        Effect.gen(function* () {
          yield* registered("OUT-2")
          const runtime = yield* ProcessRuntime
          const failure = yield* Effect.flip(
            acceptLate("OUT-2", { personId: "officer-wu", role: "director" }),
          )
          expect(failure._tag).toBe("PostNotHeld")
          const post = yield* Effect.flip(
            acceptLate("OUT-2", { personId: "supervisor-sun", role: "supervisor", post: "serviceManager" }),
          )
          expect(post).toMatchObject({ _tag: "PostNotHeld", claimed: "serviceManager" })
          expect((yield* runtime.inspect("complaint", "OUT-2"))?.turns).toBe(1)
        }),
      )
    },
  )
}
