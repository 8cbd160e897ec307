import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  type ApprovalOutcomeEvent,
  Approvals,
  Complaints,
  type EffectPorts,
  HostCrm,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  Notifier,
  personId,
} from "@tixi/core"
import {
  type CommandInput,
  type EngineKind,
  hostProcess,
  ProcessRuntime,
  pgliteLayer,
  postgresLayer,
  runtimeLayer,
} from "@tixi/runtime"
import {
  nextStaffCommand,
  sampleCompany,
  scriptedComplaintProcess,
  scriptedCustomer,
  scriptedRegistration,
} from "@tixi/testing"
import { Context, Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"

/** Which database a measurement runs on. */
export type BenchDatabase = { readonly kind: "pglite" } | { readonly kind: "postgres"; readonly url: string }

/** The core's complaint process as the benchmarks host it (approval outcomes routed back to it). */
export const hostedComplaints = hostProcess(scriptedComplaintProcess(), {
  route: (event) => {
    if (event.type !== "approval.outcome") return undefined
    const outcome = event.payload as ApprovalOutcomeEvent
    const command = Complaints.remedyApprovalCommand(outcome)
    return command === undefined ? undefined : { instanceId: outcome.businessKey, command }
  },
})

/** The in-memory host (CRM with the scripted customer, approvals, notifier, the sample company). */
export const benchHost = Layer.mergeAll(
  InMemoryHostCrm.layer({ customers: [scriptedCustomer] }),
  InMemoryApprovals.layer(),
  InMemoryNotifier.layer(),
  inMemoryDirectoryLayer(sampleCompany),
)

/**
 * A host that acknowledges every write and keeps nothing (the directory is the sample company's),
 * so a memory measurement counts the runner and not an in-memory CRM filling up beside it.
 */
export const discardingHost: Layer.Layer<EffectPorts | InMemoryApprovals> = (() => {
  const acknowledge = new Proxy(
    {},
    {
      get: (_target, name) =>
        name === "host" ? "discarding" : () => Effect.succeed({ id: "discarded", key: "discarded" }),
    },
  )
  return Layer.mergeAll(
    Layer.succeedContext(
      Context.make(HostCrm, acknowledge as never).pipe(
        Context.add(Approvals, acknowledge as never),
        Context.add(Notifier, acknowledge as never),
      ),
    ),
    inMemoryDirectoryLayer(sampleCompany),
    // The approvals host's controls: nothing is kept, so there is nothing to decide.
    Layer.succeed(InMemoryApprovals, acknowledge as never),
  )
})()

/**
 * Runs `body` on a fresh durable database (a temporary folder for PGlite) with the complaint
 * process hosted on the given engine.
 */
export async function withRuntime<A>(
  database: BenchDatabase,
  engine: EngineKind,
  body: Effect.Effect<A, unknown, ProcessRuntime | SqlClient.SqlClient | InMemoryApprovals>,
  host: Layer.Layer<EffectPorts | InMemoryApprovals> = benchHost,
): Promise<A> {
  const folder = mkdtempSync(join(tmpdir(), "tixi-bench-"))
  try {
    const sql =
      database.kind === "pglite"
        ? pgliteLayer({ folder })
        : postgresLayer({ url: Redacted.make(database.url), maxConnections: 8 })
    const runtime = runtimeLayer(
      engine === "cluster"
        ? {
            engine,
            processes: [hostedComplaints],
            cluster: {
              runnerId: { host: "bench", port: 0 },
              pollIntervalMillis: 100,
              shardLeaseMillis: database.kind === "pglite" ? 60_000 : 10_000,
            },
          }
        : { engine, processes: [hostedComplaints] },
    ).pipe(Layer.provideMerge(host), Layer.provideMerge(Layer.orDie(sql)))
    return await Effect.runPromise(
      Effect.scoped(body).pipe(Effect.provide(runtime)) as Effect.Effect<A, unknown>,
    )
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The floor: single-row INSERTs, each its own committed transaction, one after another. */
export const commitRate = (count: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE IF NOT EXISTS bench_floor (id INT PRIMARY KEY, body TEXT NOT NULL)`
    yield* sql`DELETE FROM bench_floor`
    const started = performance.now()
    for (let index = 0; index < count; index++) {
      yield* sql`INSERT INTO bench_floor VALUES (${index}, ${"x".repeat(64)})`
    }
    return count / ((performance.now() - started) / 1000)
  })

/**
 * One complaint's whole life, as the desk and the manager live it: registered, accepted,
 * classified, investigated, a remedy above the officer's authority proposed, approved by the
 * manager in the approvals host, accepted by the customer, executed and closed. Each step waits
 * for its durable turn (decided, committed, effects performed) before the next, as a person at a
 * screen would. Returns the turns taken.
 */
const complaintLife = (id: string) =>
  Effect.gen(function* () {
    const runtime = yield* ProcessRuntime
    const approvals = yield* InMemoryApprovals
    let turn = yield* runtime.dispatch(
      "complaint",
      id,
      scriptedRegistration(id, "approval", Date.now()) as CommandInput,
    )
    let turns = 1
    while (!turn.finished) {
      const state = turn.state as Complaints.ComplaintState
      const command = nextStaffCommand(state, "approval")
      if (command !== undefined) {
        turn = yield* runtime.dispatch("complaint", id, command as CommandInput)
      } else {
        const approval = state.proposal?.approval
        const record =
          approval?.status === "pending"
            ? approvals.records().find((entry) => entry.key === approval.key)
            : undefined
        if (record === undefined) return yield* Effect.die(new Error(`${id} stuck in ${state.stage}`))
        const outcome = approvals.decide(record.id, {
          approver: personId("manager-qian"),
          outcome: "approved",
          at: Date.now(),
        })!
        const { at: _at, ...command } = Complaints.remedyApprovalCommand(outcome)!
        turn = yield* runtime.dispatch("complaint", id, command as CommandInput)
      }
      turns += 1
    }
    return turns
  })

/** Runs `count` complaints through their lives, `concurrency` at a time; durable turns per second. */
export const complaintRun = (count: number, prefix: string, concurrency = 32) =>
  Effect.gen(function* () {
    const started = performance.now()
    const turns = yield* Effect.forEach(
      Array.from({ length: count }, (_, index) => `${prefix}-${index}`),
      complaintLife,
      { concurrency },
    )
    const seconds = (performance.now() - started) / 1000
    const total = turns.reduce((sum, value) => sum + value, 0)
    return { complaintsPerSecond: count / seconds, stepsPerSecond: total / seconds, turns: total, seconds }
  })
