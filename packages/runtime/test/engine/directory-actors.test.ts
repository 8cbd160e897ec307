import { describe, expect, it, layer } from "@effect/vitest"
import { makeInMemoryDirectory, personId } from "@tixi/core"
import { sampleCompany } from "@tixi/testing"
import { Effect, Layer } from "effect"
import { withResolvedActor } from "../../src/engine/directory-actors.ts"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { acceptLate, registered } from "../fixtures/complaint-commands.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"

const environment = runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)

layer(environment, { timeout: 60_000, excludeTestServices: true })(
  "commands act in the post the directory gives their actor",
  (it) => {
    it.effect("an officer who claims director may not promise beyond the service level", () =>
      Effect.gen(function* () {
        yield* registered("DIR-1")
        const turn = yield* acceptLate("DIR-1", { personId: "officer-wu", role: "director" })
        expect(turn.outcome).toBe("refused")
        expect(turn.refusal).toMatchObject({ _tag: "PolicyRefusal", rule: "promise.minimumRoleBeyondTarget" })
      }),
    )

    it.effect("a supervisor who claims officer still acts as the supervisor the directory knows", () =>
      Effect.gen(function* () {
        yield* registered("DIR-2")
        const turn = yield* acceptLate("DIR-2", { personId: "supervisor-sun", role: "officer" })
        expect(turn.outcome).toBe("applied")
        expect(turn.events.map((event) => event.type)).toEqual(["ComplaintAccepted"])
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
    "resolves every person acting in a command, whatever the key (a credit override's requestedBy)",
    () =>
      Effect.gen(function* () {
        const resolved = yield* withResolvedActor(directory, {
          type: "RequestOverride",
          requestedBy: { personId: "officer-wu", role: "director" },
          approver: { personId: "manager-qian", role: "officer" },
          reason: "客户追加订单",
        })
        expect(resolved).toEqual({
          type: "RequestOverride",
          requestedBy: { personId: "officer-wu", role: "officer" },
          approver: { personId: "manager-qian", role: "manager" },
          reason: "客户追加订单",
        })
      }),
  )

  it.effect("keeps a post the person holds when they claim it", () =>
    Effect.gen(function* () {
      const resolved = yield* withResolvedActor(directory, {
        type: "Accept",
        actor: { personId: "supervisor-sun", role: "supervisor" },
      })
      expect(resolved.actor).toEqual({ personId: "supervisor-sun", role: "supervisor" })
    }),
  )

  it.effect("staff the directory knows without a post act in the lowest post, whatever they claim", () =>
    Effect.gen(function* () {
      const inspector = { ...sampleCompany.people[0]!, id: personId("inspector-han"), roles: [] }
      const withInspector = makeInMemoryDirectory({ people: [inspector], departments: [] })
      const resolved = yield* withResolvedActor(withInspector, {
        type: "RecordInvestigation",
        actor: { personId: "inspector-han", role: "director" },
      })
      expect(resolved.actor).toEqual({ personId: "inspector-han", role: "officer" })
    }),
  )
})
