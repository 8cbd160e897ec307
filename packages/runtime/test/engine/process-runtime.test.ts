import { expect, layer } from "@effect/vitest"
import {
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  InvalidRequest,
  personId,
  Unavailable,
} from "@tixi/core"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { ProcessRuntime, type RuntimeOptions, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"
import { waitFor } from "../fixtures/wait-for.ts"

const shared = {
  processes: [hostedTicketProcess],
  retryPolicy: { attempts: 3, initialDelayMillis: 10, maxDelayMillis: 50, factor: 2 },
  pumpIntervalMillis: 200,
}

const engines: ReadonlyArray<RuntimeOptions> = [
  { ...shared, engine: "embedded" },
  { ...shared, engine: "cluster", cluster: { runnerId: { host: "test", port: 1 }, pollIntervalMillis: 100 } },
]

const instance = (instanceId: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const [row] = yield* sql<{
      status: string
      finished: boolean
      parked: boolean
      retries: number
      sequence: number
    }>`
      SELECT status, finished, parked, retries, sequence FROM tixi_instances WHERE process = 'ticket' AND instance_id = ${instanceId}
    `
    return row
  })

const statusIs = (instanceId: string, status: string) =>
  waitFor(
    `${instanceId} to be ${status}`,
    Effect.map(instance(instanceId), (row) => (row?.status === status ? row : undefined)),
  )

const open = (id: string, remindAfterMillis = 3_600_000, expireAfterMillis = 7_200_000) =>
  Effect.flatMap(ProcessRuntime, (runtime) =>
    runtime.start("ticket", id, { type: "Open", id, remindAfterMillis, expireAfterMillis }),
  )

for (const options of engines) {
  const environment = runtimeLayer(options).pipe(
    Layer.provideMerge(inMemoryHostLayer),
    Layer.provideMerge(pgliteLayer()),
  )
  layer(environment, { timeout: 60_000, excludeTestServices: true })(
    `process runtime on PGlite (${options.engine} engine)`,
    (it) => {
      it.effect("performs a turn's effects and closes when the routed approval outcome arrives", () =>
        Effect.gen(function* () {
          const runtime = yield* ProcessRuntime
          const approvals = yield* InMemoryApprovals
          const host = yield* InMemoryHostCrm
          const started = yield* open("T-1")
          expect(started).toEqual({ process: "ticket", instanceId: "T-1", position: 0, duplicate: false })
          expect((yield* open("T-1")).duplicate).toBe(true)

          const approval = yield* waitFor(
            "the approval",
            Effect.sync(() => approvals.pending().find((record) => record.businessKey === "T-1")),
          )
          expect(host.cases().find((record) => record.externalKey === "T-1")?.status).toBe("open")
          const outcome = approvals.decide(approval.id, {
            approver: personId("supervisor-sun"),
            outcome: "approved",
            at: Date.now(),
          })!
          const routed = yield* runtime.routeEvent({
            source: "memory",
            id: outcome.eventId,
            type: "approval.outcome",
            payload: outcome,
            receivedAt: Date.now(),
          })
          expect(routed).toEqual([
            {
              _tag: "Delivered",
              delivery: { process: "ticket", instanceId: "T-1", position: 1, duplicate: false },
            },
          ])
          const again = yield* runtime.routeEvent({
            source: "memory",
            id: outcome.eventId,
            type: "approval.outcome",
            payload: outcome,
            receivedAt: Date.now(),
          })
          expect(again).toEqual([
            {
              _tag: "Delivered",
              delivery: { process: "ticket", instanceId: "T-1", position: 1, duplicate: true },
            },
          ])

          const row = yield* statusIs("T-1", "approved")
          expect(row.finished).toBe(true)
          yield* waitFor(
            "the closed case",
            Effect.sync(() =>
              host.cases().find((record) => record.externalKey === "T-1" && record.status === "closed"),
            ),
          )
          expect(host.creations("T-1")).toBe(1)

          const sql = yield* SqlClient.SqlClient
          const events = yield* sql<{
            type: string
          }>`SELECT type FROM tixi_events WHERE instance_id = 'T-1' ORDER BY sequence`
          expect(events.map((event) => event.type)).toEqual(["Opened", "Decided"])
          // A finished instance still takes commands; its definition decides them (here: refused).
          const late = yield* runtime.dispatch("ticket", "T-1", { type: "Decide", outcome: "rejected" })
          expect(late.outcome).toBe("refused")
          expect(late.refusal).toMatchObject({ _tag: "InvalidTransition" })
          expect(late.events).toEqual([])
        }),
      )

      it.effect("rejects commands for unknown processes and instances, and records refusals", () =>
        Effect.gen(function* () {
          const runtime = yield* ProcessRuntime
          expect((yield* Effect.flip(runtime.deliver("nothing", "x", { type: "Decide" })))._tag).toBe(
            "UnknownProcess",
          )
          expect(
            (yield* Effect.flip(runtime.deliver("ticket", "never-started", { type: "Decide" })))._tag,
          ).toBe("UnknownInstance")
          yield* open("T-2")
          yield* statusIs("T-2", "waiting")
          yield* runtime.deliver(
            "ticket",
            "T-2",
            { type: "Open", id: "T-2", remindAfterMillis: 1, expireAfterMillis: 2 },
            { dedupKey: "again" },
          )
          const sql = yield* SqlClient.SqlClient
          const outcome = yield* waitFor(
            "the refusal",
            Effect.map(
              sql<{
                outcome: string | null
              }>`SELECT outcome FROM tixi_inbox WHERE instance_id = 'T-2' AND position = 1`,
              (rows) => rows[0]?.outcome ?? undefined,
            ),
          )
          expect(outcome).toMatch(/^refused: InvalidTransition/)
        }),
      )

      it.effect("fires reminders and expiries on durable timers, never in-memory sleeps", () =>
        Effect.gen(function* () {
          const notifier = yield* InMemoryNotifier
          yield* open("T-3", 1_000, 2_500)
          const row = yield* statusIs("T-3", "expired")
          expect(row.sequence).toBe(3)
          expect(notifier.delivered().filter((notification) => notification.caseKey === "T-3")).toHaveLength(
            1,
          )
          const sql = yield* SqlClient.SqlClient
          if (options.engine === "cluster") {
            // Both deadlines were under DurableClock's 60 s in-memory threshold; they are stored timers.
            const clocks = yield* sql<{ payload: string; deliver_at: bigint }>`
          SELECT payload, deliver_at FROM cluster_messages WHERE entity_type = 'Workflow/-/DurableClock'
        `
            const names = clocks.map((clock) => JSON.parse(clock.payload).name as string)
            expect(names.some((name) => name.startsWith("deadline/remind/"))).toBe(true)
            expect(names.some((name) => name.startsWith("deadline/expire/"))).toBe(true)
            expect(clocks.every((clock) => clock.deliver_at !== null)).toBe(true)
          } else {
            // The embedded engine's timers are the instances' stored next deadlines.
            const events = yield* sql<{ type: string; at: bigint }>`
          SELECT type, at FROM tixi_events WHERE instance_id = 'T-3' ORDER BY sequence
        `
            expect(events.map((event) => event.type)).toEqual(["Opened", "Reminded", "Expired"])
          }
        }),
      )

      it.effect("retries retryable failures with backoff and counts them", () =>
        Effect.gen(function* () {
          const host = yield* InMemoryHostCrm
          host.failNext("upsertCase", new Unavailable(), 2)
          yield* open("T-4")
          yield* waitFor(
            "the case",
            Effect.sync(() => host.cases().find((record) => record.externalKey === "T-4")),
          )
          const row = yield* waitFor(
            "the retry count",
            Effect.map(instance("T-4"), (found) => (found && found.retries >= 2 ? found : undefined)),
          )
          expect(row.retries).toBe(2)
          expect(row.parked).toBe(false)
        }),
      )

      it.effect("parks an effect that cannot succeed as a dead letter and resumes it on retry", () =>
        Effect.gen(function* () {
          const runtime = yield* ProcessRuntime
          const host = yield* InMemoryHostCrm
          const approvals = yield* InMemoryApprovals
          host.failNext(
            "upsertCase",
            new InvalidRequest({ fields: [{ field: "subject", message: "too long" }] }),
            1,
          )
          yield* open("T-5")
          const sql = yield* SqlClient.SqlClient
          const letter = yield* waitFor(
            "the dead letter",
            Effect.map(
              sql<{
                id: string
                kind: string
                error: string
                status: string
              }>`SELECT id, kind, error, status FROM tixi_dead_letters WHERE instance_id = 'T-5'`,
              (rows) => rows[0],
            ),
          )
          expect(letter.kind).toBe("host.case.upsert")
          expect(letter.error).toMatch(/InvalidRequest/)
          expect((yield* instance("T-5"))?.parked).toBe(true)
          // The other effect of the turn still happened; only the failed one waits.
          yield* waitFor(
            "the approval",
            Effect.sync(() => approvals.pending().find((record) => record.businessKey === "T-5")),
          )
          expect(host.cases().some((record) => record.externalKey === "T-5")).toBe(false)

          yield* runtime.requestRetry(letter.id)
          yield* waitFor(
            "the case after retry",
            Effect.sync(() => host.cases().find((record) => record.externalKey === "T-5")),
          )
          yield* waitFor(
            "the instance to unpark",
            Effect.map(instance("T-5"), (row) => (row?.parked === false ? row : undefined)),
          )
          const [closed] = yield* sql<{
            status: string
          }>`SELECT status FROM tixi_dead_letters WHERE id = ${letter.id}`
          expect(closed?.status).toBe("resolved")
          expect((yield* Effect.flip(runtime.requestRetry(letter.id)))._tag).toBe("UnknownDeadLetter")
        }),
      )

      it.effect("answers a dispatch whose effect is parked at once, naming the dead letter", () =>
        Effect.gen(function* () {
          const runtime = yield* ProcessRuntime
          const host = yield* InMemoryHostCrm
          host.failNext(
            "upsertCase",
            new InvalidRequest({ fields: [{ field: "subject", message: "too long" }] }),
            1,
          )
          // The caller (a screen, the intake's receive) must not wait for a retry nobody asked for.
          const turn = yield* runtime.dispatch("ticket", "T-6", {
            type: "Open",
            id: "T-6",
            remindAfterMillis: 3_600_000,
            expireAfterMillis: 7_200_000,
          })
          expect(turn.outcome).toBe("applied")
          const upsert = turn.effects.find((effect) => effect.kind === "host.case.upsert")
          expect(upsert).toMatchObject({ performed: false })
          expect(upsert?.deadLetterId).toEqual(expect.any(String))
          expect((yield* instance("T-6"))?.parked).toBe(true)
        }),
      )
    },
  )
}
