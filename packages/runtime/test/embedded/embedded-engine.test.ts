import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import {
  InMemoryHostCrm,
  InMemoryNotifier,
  InvalidTransition,
  type ProcessDefinition,
  Unavailable,
} from "@tixi/core"
import { Effect, Exit, Layer, Result } from "effect"
import { SqlClient } from "effect/sql"
import { hostProcess } from "../../src/engine/hosted-process.ts"
import { ProcessRuntime, type RuntimeOptions, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import type { TurnDecision, TurnRecord } from "../../src/engine/turn-record.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"
import { waitFor } from "../fixtures/wait-for.ts"

const retryPolicy = { attempts: 3, initialDelayMillis: 10, maxDelayMillis: 50, factor: 2 }

const withFolder = <A, E>(body: (folder: string) => Effect.Effect<A, E>) =>
  Effect.acquireUseRelease(
    Effect.sync(() => mkdtempSync(join(tmpdir(), "tixi-embedded-"))),
    body,
    (folder) => Effect.sync(() => rmSync(folder, { recursive: true, force: true })),
  )

/** A runner on the embedded engine over a PGlite folder, with the given host. */
const runner = (
  folder: string,
  host: Layer.Layer<InMemoryHostCrm | InMemoryNotifier | import("@tixi/core").EffectPorts>,
  options: Partial<RuntimeOptions> = {},
) =>
  runtimeLayer({ processes: [hostedTicketProcess], retryPolicy, ...options } as RuntimeOptions).pipe(
    Layer.provideMerge(host),
    Layer.provideMerge(Layer.orDie(pgliteLayer({ folder }))),
  )

const open = (id: string, remindAfterMillis = 3_600_000, expireAfterMillis = 7_200_000) =>
  Effect.flatMap(ProcessRuntime, (runtime) =>
    runtime.dispatch("ticket", id, { type: "Open", id, remindAfterMillis, expireAfterMillis }),
  )

describe("the embedded engine", () => {
  it.live("answers dispatch once the turn's effects are performed, decide as soon as it is decided", () =>
    withFolder((folder) =>
      Effect.gen(function* () {
        const runtime = yield* ProcessRuntime
        const host = yield* InMemoryHostCrm
        const decisions: Array<TurnDecision> = []
        const turns: Array<TurnRecord> = []
        yield* runtime.observeDecisions((decision) => decisions.push(decision))
        yield* runtime.observe((turn) => turns.push(turn))

        const opened = yield* open("E-1")
        expect(opened.outcome).toBe("applied")
        expect(opened.input).toMatchObject({ _tag: "Command", position: 0 })
        expect(opened.effects.map((effect) => [effect.kind, effect.performed])).toEqual([
          ["host.case.upsert", true],
          ["approval.submit", true],
        ])
        expect(host.cases().map((record) => record.externalKey)).toEqual(["E-1"])

        // A command the state does not allow is decided and refused; the refusal is the definition's.
        const refused = yield* runtime.decide("ticket", "E-1", { type: "Decide", outcome: "approved" })
        expect(refused.outcome).toBe("applied")
        const again = yield* runtime.decide("ticket", "E-1", { type: "Decide", outcome: "approved" })
        expect(again.outcome).toBe("refused")
        expect(again.refusal).toBeInstanceOf(InvalidTransition)
        expect(again.requests).toEqual([])

        const view = yield* runtime.inspect("ticket", "E-1")
        expect(view).toMatchObject({ status: "approved", finished: true, turns: 3, parked: false })
        expect(yield* runtime.inspect("ticket", "nobody")).toBeUndefined()

        yield* waitFor(
          "the third turn performed",
          Effect.sync(() => (turns.length === 3 ? turns : undefined)),
        )
        expect(decisions.map((decision) => decision.turn)).toEqual([0, 1, 2])
        expect(turns.map((turn) => turn.outcome)).toEqual(["applied", "applied", "refused"])
        const statistics = yield* runtime.statistics
        expect(statistics).toMatchObject({ engine: "embedded", turns: 3, commands: 3, refusals: 1 })
      }).pipe(Effect.provide(runner(folder, inMemoryHostLayer)), Effect.scoped),
    ),
  )

  it.live("commits the turns of many instances together (group commit)", () =>
    withFolder((folder) =>
      Effect.gen(function* () {
        const runtime = yield* ProcessRuntime
        yield* Effect.forEach(
          Array.from({ length: 60 }, (_, index) => `G-${index}`),
          (id) => open(id),
          { concurrency: 30, discard: true },
        )
        const statistics = yield* runtime.statistics
        expect(statistics.turns).toBe(60)
        expect(statistics.transactions).toBeLessThan(30)
        const sql = yield* SqlClient.SqlClient
        const [row] = yield* sql<{ count: number }>`SELECT COUNT(*)::int AS count FROM tixi_events`
        expect(row?.count).toBe(60)
      }).pipe(Effect.provide(runner(folder, inMemoryHostLayer)), Effect.scoped),
    ),
  )

  it.live("after a restart, performs the effects a stopped runner had committed but not performed", () =>
    withFolder((folder) =>
      Effect.gen(function* () {
        // The first runner's host is down: the case write keeps failing while the runner stops.
        yield* Effect.gen(function* () {
          const host = yield* InMemoryHostCrm
          host.failNext("upsertCase", new Unavailable(), 1_000)
          const runtime = yield* ProcessRuntime
          yield* runtime.decide("ticket", "R-1", {
            type: "Open",
            id: "R-1",
            remindAfterMillis: 3_600_000,
            expireAfterMillis: 7_200_000,
          })
          const sql = yield* SqlClient.SqlClient
          yield* waitFor(
            "the turn committed",
            Effect.map(
              sql<{ turn: number }>`SELECT turn FROM tixi_instances WHERE instance_id = 'R-1'`,
              (rows) => (rows[0]?.turn === 1 ? rows[0] : undefined),
            ),
          )
          expect(host.cases()).toEqual([])
        }).pipe(
          Effect.provide(
            runner(folder, inMemoryHostLayer, {
              retryPolicy: { attempts: 100, initialDelayMillis: 200, maxDelayMillis: 200, factor: 1 },
            }),
          ),
          Effect.scoped,
        )
        // A new runner on the same folder, its host up again.
        yield* Effect.gen(function* () {
          const host = yield* InMemoryHostCrm
          const sql = yield* SqlClient.SqlClient
          yield* waitFor(
            "the case written after the restart",
            Effect.sync(() => host.cases().find((record) => record.externalKey === "R-1")),
          )
          expect(host.creations("R-1")).toBe(1)
          const [row] = yield* sql<{ pending: unknown }>`
            SELECT pending_effects AS pending FROM tixi_instances WHERE instance_id = 'R-1'
          `
          expect(row?.pending).not.toBeNull()
          const runtime = yield* ProcessRuntime
          expect((yield* runtime.inspect("ticket", "R-1"))?.status).toBe("waiting")
        }).pipe(Effect.provide(runner(folder, inMemoryHostLayer)), Effect.scoped)
      }),
    ),
  )

  it.live("rebuilds evicted instances from their last snapshot and the events since", () =>
    withFolder((folder) =>
      Effect.gen(function* () {
        const runtime = yield* ProcessRuntime
        const notifier = yield* InMemoryNotifier
        // Five tickets, two kept in memory, the state written every other turn: reminders and
        // expiries fire for instances read back from the database.
        yield* Effect.forEach(["S-1", "S-2", "S-3", "S-4", "S-5"], (id) => open(id, 300, 900), {
          discard: true,
        })
        const sql = yield* SqlClient.SqlClient
        yield* waitFor(
          "every ticket expired",
          Effect.map(
            sql<{
              count: number
            }>`SELECT COUNT(*)::int AS count FROM tixi_instances WHERE status = 'expired'`,
            (rows) => (rows[0]?.count === 5 ? rows : undefined),
          ),
        )
        yield* waitFor(
          "five reminders",
          Effect.sync(() => (notifier.delivered().length === 5 ? true : undefined)),
        )
        for (const id of ["S-1", "S-5"]) {
          const view = yield* runtime.inspect("ticket", id)
          expect(view).toMatchObject({ status: "expired", finished: true, turns: 3 })
          expect((view?.state as { reminded: boolean } | undefined)?.reminded).toBe(true)
        }
      }).pipe(
        Effect.provide(runner(folder, inMemoryHostLayer, { cacheSize: 2, snapshotEvery: 2 })),
        Effect.scoped,
      ),
    ),
  )

  it.live("fires a deadline whose command changes nothing once, not again and again", () => {
    type State = { readonly status: "none" | "open"; readonly dueAt: number }
    type Command =
      | { readonly type: "Open"; readonly at: number }
      | { readonly type: "Check"; readonly at: number }
    type Event = { readonly type: "Opened"; readonly at: number }
    const idle: ProcessDefinition<State, Command, Event, InvalidTransition> = {
      name: "idle",
      version: 1,
      initialState: { status: "none", dueAt: 0 },
      decide: (state, command) =>
        command.type === "Open" && state.status === "none"
          ? Result.succeed([{ type: "Opened", at: command.at }])
          : Result.succeed([]),
      evolve: (_state, event) => ({ status: "open", dueAt: event.at + 200 }),
      deadlines: (state) =>
        state.status === "open" ? [{ key: "check", dueAt: state.dueAt, command: { type: "Check" } }] : [],
      effects: () => [],
      isFinished: () => false,
      statusOf: (state) => state.status,
    }
    return withFolder((folder) =>
      Effect.gen(function* () {
        const runtime = yield* ProcessRuntime
        yield* runtime.dispatch("idle", "I-1", { type: "Open" })
        yield* Effect.sleep("1 second")
        const view = yield* runtime.inspect("idle", "I-1")
        expect(view?.turns).toBe(2)
      }).pipe(
        Effect.provide(
          runtimeLayer({ processes: [hostProcess(idle)], retryPolicy }).pipe(
            Layer.provideMerge(inMemoryHostLayer),
            Layer.provideMerge(Layer.orDie(pgliteLayer({ folder }))),
          ),
        ),
        Effect.scoped,
      ),
    )
  })

  it.live("refuses a database whose unfinished instances run on the cluster engine", () =>
    withFolder((folder) =>
      Effect.gen(function* () {
        yield* Effect.gen(function* () {
          yield* ensureSchema
          const sql = yield* SqlClient.SqlClient
          yield* sql`INSERT INTO tixi_meta (key, value) VALUES ('engine', 'cluster')`
          yield* sql`
            INSERT INTO tixi_instances (process, instance_id, execution_id, version, status, started_at, updated_at)
            VALUES ('ticket', 'K-1', 'x', 1, 'waiting', 0, 0)
          `
        }).pipe(Effect.provide(pgliteLayer({ folder })), Effect.orDie)
        const exit = yield* Effect.exit(Effect.scoped(Layer.build(runner(folder, inMemoryHostLayer))))
        expect(Exit.isFailure(exit)).toBe(true)
        expect(String(Exit.isFailure(exit) ? exit.cause : "")).toMatch(/run on the cluster engine/)
      }),
    ),
  )
})
