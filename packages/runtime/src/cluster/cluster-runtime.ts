import type { EffectPorts } from "@tixi/core"
import { Clock, Deferred, Effect, Layer, Schedule, type Scope } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { DurableDeferred, type WorkflowEngine } from "effect/workflow"
import {
  RuntimeStorageFailure,
  UnknownDeadLetter,
  UnknownInstance,
  UnknownProcess,
} from "../engine/errors.ts"
import type { HostedProcess } from "../engine/hosted-process.ts"
import {
  type CommandInput,
  type EngineOperations,
  hostedByName,
  makeTurnCounter,
  ProcessRuntime,
  type ProcessRuntimeOptions,
  type ProcessRuntimeService,
  routeThrough,
} from "../engine/process-runtime.ts"
import { defaultRetryPolicy } from "../engine/retry-policy.ts"
import type { DecisionListener, TurnDecision, TurnListener, TurnRecord } from "../engine/turn-record.ts"
import { json } from "../sql/pg-compiler.ts"
import {
  inboxDeferred,
  makeProcessWorkflow,
  type ProcessWorkflow,
  processWorkflowLayer,
  retryDeferred,
} from "./process-workflow.ts"

const storageFailure = (operation: string) => (error: SqlError.SqlError) =>
  new RuntimeStorageFailure({ operation, detail: error.message })

const retryTransient = <A, E extends { readonly isRetryable?: boolean }, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.retry(effect, {
    while: (error) => error.isRetryable === true,
    schedule: Schedule.exponential(50, 2),
    times: 6,
  })

interface InstanceRow {
  readonly execution_id: string
  readonly next_position: number
}

let dedupCounter = 0

/** The hosted processes by name, each with its one workflow definition. */
type Registry = ReadonlyMap<string, { readonly hosted: HostedProcess; readonly workflow: ProcessWorkflow }>

const buildRegistry = (processes: ReadonlyArray<HostedProcess>): Registry =>
  new Map(
    [...hostedByName(processes)].map(([name, hosted]) => [
      name,
      { hosted, workflow: makeProcessWorkflow(hosted.definition) },
    ]),
  )

/**
 * Turns this runner took, for `dispatch` and `observe`. A turn can be reported before the caller
 * that delivered its command starts waiting for it, so recent turns are kept for a while.
 */
const makeTurnHub = () => {
  const listeners = new Set<TurnListener>()
  const deciders = new Set<DecisionListener>()
  const waiting = new Map<string, Deferred.Deferred<TurnRecord>>()
  const recent = new Map<string, TurnRecord>()
  const counter = makeTurnCounter("cluster")
  const keyOf = (process: string, instanceId: string, position: number) =>
    `${process}\u0000${instanceId}\u0000${position}`
  return {
    counter,
    report: (turn: TurnRecord) => {
      counter.count(turn)
      for (const listener of listeners) listener(turn)
      if (turn.input._tag !== "Command") return
      const key = keyOf(turn.process, turn.instanceId, turn.input.position)
      const waiter = waiting.get(key)
      if (waiter) {
        waiting.delete(key)
        Deferred.doneUnsafe(waiter, Effect.succeed(turn))
        return
      }
      recent.set(key, turn)
      if (recent.size > 10_000) recent.delete(recent.keys().next().value!)
    },
    decided: (decision: TurnDecision) => {
      for (const listener of deciders) listener(decision)
    },
    observe: (listener: TurnListener): Effect.Effect<void, never, Scope.Scope> =>
      Effect.acquireRelease(
        Effect.sync(() => listeners.add(listener)),
        () => Effect.sync(() => listeners.delete(listener)),
      ),
    observeDecisions: (listener: DecisionListener): Effect.Effect<void, never, Scope.Scope> =>
      Effect.acquireRelease(
        Effect.sync(() => deciders.add(listener)),
        () => Effect.sync(() => deciders.delete(listener)),
      ),
    /** The turn that takes inbox position `position`, once this runner reports it. */
    turnAt: (process: string, instanceId: string, position: number) =>
      Effect.suspend(() => {
        const key = keyOf(process, instanceId, position)
        const done = recent.get(key)
        if (done) {
          recent.delete(key)
          return Effect.succeed(done)
        }
        const waiter = Deferred.makeUnsafe<TurnRecord>()
        waiting.set(key, waiter)
        return Effect.ensuring(
          Deferred.await(waiter),
          Effect.sync(() => waiting.delete(key)),
        )
      }),
  }
}

/** Builds the process runtime over the workflow engine and SQL storage. */
const makeProcessRuntime = (
  options: ProcessRuntimeOptions,
  registry: Registry,
  hub: ReturnType<typeof makeTurnHub>,
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const context = yield* Effect.context<WorkflowEngine.WorkflowEngine>()
    // The clock the runtime was built with, not the caller's: commands are stamped in the same
    // time as the engine's timers (they differ when a simulation provides its own clock).
    const clock = yield* Clock.Clock

    const lookup = (process: string) => {
      const entry = registry.get(process)
      return entry ? Effect.succeed(entry) : Effect.fail(new UnknownProcess({ process }))
    }

    const stamp = (command: CommandInput) =>
      typeof command.at === "number"
        ? Effect.succeed(command)
        : Effect.map(clock.currentTimeMillis, (at) => ({ ...command, at }))

    const signal = (
      workflow: ProcessWorkflow,
      instanceId: string,
      executionId: string,
      position: number,
      command: string,
    ) =>
      Effect.gen(function* () {
        if (position === 0) yield* workflow.execute({ instanceId }, { discard: true })
        const deferred = inboxDeferred(position)
        yield* DurableDeferred.succeed(deferred, {
          token: DurableDeferred.tokenFromExecutionId(deferred, { workflow, executionId }),
          value: { position, command },
        })
      }).pipe(Effect.provideContext(context))

    const start: EngineOperations["start"] = (process, instanceId, input) =>
      Effect.gen(function* () {
        const { hosted, workflow } = yield* lookup(process)
        const command = yield* stamp(input)
        const executionId = yield* workflow.executionId({ instanceId })
        const text = JSON.stringify(command)
        // One statement: the instance row and its first inbox item exist together or not at all.
        const rows = yield* sql`
          WITH created AS (
            INSERT INTO tixi_instances ${sql.insert({
              process,
              instance_id: instanceId,
              execution_id: executionId,
              version: hosted.definition.version,
              status: "starting",
              next_position: 1,
              started_at: command.at,
              updated_at: command.at,
            })}
            ON CONFLICT DO NOTHING
            RETURNING process, instance_id
          )
          INSERT INTO tixi_inbox (process, instance_id, position, dedup_key, command, received_at)
          SELECT process, instance_id, 0, 'start', ${json(command)}::jsonb, ${command.at} FROM created
          RETURNING position
        `.pipe(retryTransient, Effect.mapError(storageFailure("start")))
        const inserted = rows.length > 0
        if (inserted) yield* signal(workflow, instanceId, executionId, 0, text)
        return { process, instanceId, position: 0, duplicate: !inserted }
      })

    const deliver: EngineOperations["deliver"] = (process, instanceId, input, deliverOptions) =>
      Effect.gen(function* () {
        const { workflow } = yield* lookup(process)
        const command = yield* stamp(input)
        const dedupKey = deliverOptions?.dedupKey ?? `local/${process}/${Date.now()}/${++dedupCounter}`
        const text = JSON.stringify(command)
        const result = yield* sql
          .withTransaction(
            Effect.gen(function* () {
              const [row] = yield* sql<InstanceRow>`
                SELECT execution_id, next_position FROM tixi_instances
                WHERE process = ${process} AND instance_id = ${instanceId}
                FOR UPDATE
              `
              if (row === undefined) return { _tag: "Unknown" } as const
              const [existing] = yield* sql<{ position: number }>`
                SELECT position FROM tixi_inbox
                WHERE process = ${process} AND instance_id = ${instanceId} AND dedup_key = ${dedupKey}
              `
              if (existing !== undefined) return { _tag: "Duplicate", position: existing.position } as const
              yield* sql`
                INSERT INTO tixi_inbox ${sql.insert({
                  process,
                  instance_id: instanceId,
                  position: row.next_position,
                  dedup_key: dedupKey,
                  command: json(command),
                  received_at: command.at,
                })}
              `
              yield* sql`
                UPDATE tixi_instances SET next_position = next_position + 1
                WHERE process = ${process} AND instance_id = ${instanceId}
              `
              return { _tag: "Stored", position: row.next_position, executionId: row.execution_id } as const
            }),
          )
          .pipe(retryTransient, Effect.mapError(storageFailure("deliver")))
        switch (result._tag) {
          case "Unknown":
            return yield* new UnknownInstance({ process, instanceId })
          case "Duplicate":
            return { process, instanceId, position: result.position, duplicate: true }
          case "Stored":
            yield* signal(workflow, instanceId, result.executionId, result.position, text)
            return { process, instanceId, position: result.position, duplicate: false }
        }
      })

    /**
     * Waits for the turn of a delivered command. It is reported by the runner that owns the
     * instance; when that is another runner, the stored outcome and projection answer instead.
     */
    const awaitTurn = (process: string, instanceId: string, position: number) =>
      Effect.raceFirst(
        hub.turnAt(process, instanceId, position),
        Effect.gen(function* () {
          while (true) {
            yield* Effect.sleep("1 second")
            const [row] = yield* sql<{
              outcome: string | null
              state: unknown
              status: string
              finished: boolean
              command: unknown
            }>`
              SELECT i.outcome, i.command, s.state, s.status, s.finished
              FROM tixi_inbox i JOIN tixi_instances s ON s.process = i.process AND s.instance_id = i.instance_id
              WHERE i.process = ${process} AND i.instance_id = ${instanceId} AND i.position = ${position}
            `.pipe(Effect.mapError(storageFailure("dispatch")))
            if (row?.outcome === null || row === undefined) continue
            const refused = row.outcome.startsWith("refused: ")
            return {
              process,
              instanceId,
              turn: -1,
              input: { _tag: "Command", position, command: row.command },
              outcome: refused ? "refused" : row.outcome === "applied" ? "applied" : "no-change",
              refusal: refused
                ? { _tag: "Refusal", message: row.outcome.slice("refused: ".length) }
                : undefined,
              events: [],
              state: row.state,
              status: row.status,
              finished: row.finished,
              requests: [],
              effects: [],
            } satisfies TurnRecord as TurnRecord
          }
        }),
      )

    const dispatch: EngineOperations["dispatch"] = (process, instanceId, input) =>
      Effect.gen(function* () {
        const command = yield* stamp(input)
        for (let attempt = 0; ; attempt++) {
          const delivered = yield* deliver(process, instanceId, command).pipe(
            Effect.catchTag("UnknownInstance", () =>
              Effect.map(start(process, instanceId, command), (started) =>
                started.duplicate && attempt === 0 ? undefined : started,
              ),
            ),
          )
          // Started by someone else meanwhile: deliver to it once more.
          if (delivered === undefined) continue
          return yield* awaitTurn(process, instanceId, delivered.position)
        }
      })

    const requestRetry: ProcessRuntimeService["requestRetry"] = (id) =>
      Effect.gen(function* () {
        const at = yield* clock.currentTimeMillis
        const rows = yield* sql`
          UPDATE tixi_dead_letters SET status = 'retry-requested', retry_requested_at = ${at}
          WHERE id = ${id} AND status = 'parked'
          RETURNING id
        `.pipe(Effect.mapError(storageFailure("retry")))
        if (rows.length === 0) return yield* new UnknownDeadLetter({ id })
      })

    // A command is signalled right after it is stored; only a crash between the two leaves one
    // unsignalled. Signalling is idempotent (the first completion of a wait point wins), so the
    // pump re-signals commands still unconsumed after a few seconds, at most once a minute each,
    // instead of paying an extra write per command to mark it signalled.
    const pump: ProcessRuntimeService["pump"] = Effect.gen(function* () {
      const now = yield* clock.currentTimeMillis
      const pending = yield* sql<{
        process: string
        instance_id: string
        position: number
        command: unknown
        execution_id: string
      }>`
        UPDATE tixi_inbox i SET last_signalled_at = ${now}
        FROM tixi_instances s
        WHERE s.process = i.process AND s.instance_id = i.instance_id
          AND i.outcome IS NULL AND NOT s.parked AND i.position >= 0
          AND i.received_at < ${now - 5_000}
          AND (i.last_signalled_at IS NULL OR i.last_signalled_at < ${now - 60_000})
          AND (i.process, i.instance_id, i.position) IN (
            SELECT process, instance_id, position FROM tixi_inbox
            WHERE outcome IS NULL ORDER BY received_at LIMIT 1000
          )
        RETURNING i.process, i.instance_id, i.position, i.command, s.execution_id
      `.pipe(Effect.mapError(storageFailure("pump")))
      let signalled = 0
      for (const row of pending) {
        const entry = registry.get(row.process)
        if (!entry) continue
        yield* signal(
          entry.workflow,
          row.instance_id,
          row.execution_id,
          row.position,
          JSON.stringify(row.command),
        )
        signalled += 1
      }
      const retries = yield* sql<{ id: string; process: string; execution_id: string }>`
        SELECT d.id, d.process, s.execution_id
        FROM tixi_dead_letters d JOIN tixi_instances s ON s.process = d.process AND s.instance_id = d.instance_id
        WHERE d.status = 'retry-requested'
      `.pipe(Effect.mapError(storageFailure("pump")))
      for (const row of retries) {
        const entry = registry.get(row.process)
        if (!entry) continue
        const deferred = retryDeferred(row.id)
        yield* DurableDeferred.succeed(deferred, {
          token: DurableDeferred.tokenFromExecutionId(deferred, {
            workflow: entry.workflow,
            executionId: row.execution_id,
          }),
          value: undefined,
        }).pipe(Effect.provideContext(context))
        yield* sql`UPDATE tixi_dead_letters SET status = 'retrying' WHERE id = ${row.id} AND status = 'retry-requested'`.pipe(
          Effect.mapError(storageFailure("pump")),
        )
        signalled += 1
      }
      return signalled
    })

    const inspect: ProcessRuntimeService["inspect"] = (process, instanceId) =>
      Effect.gen(function* () {
        yield* lookup(process)
        const [row] = yield* sql<{
          state: unknown
          status: string
          finished: boolean
          turn: number
          parked: boolean
        }>`
            SELECT state, status, finished, turn, parked FROM tixi_instances
            WHERE process = ${process} AND instance_id = ${instanceId}
          `.pipe(Effect.mapError(storageFailure("inspect")))
        if (row === undefined) return undefined
        const definition = registry.get(process)!.hosted.definition
        return {
          process,
          instanceId,
          state: row.turn === 0 || row.state === null ? definition.initialState : row.state,
          status: row.status,
          finished: row.finished,
          turns: row.turn,
          parked: row.parked,
        }
      })

    const routeEvent = routeThrough(
      [...registry.values()].map((entry) => entry.hosted),
      { deliver, dispatch, inspect },
      yield* Effect.context<EffectPorts>(),
    )

    return ProcessRuntime.of({
      engine: "cluster",
      processes: options.processes,
      start,
      deliver,
      dispatch,
      routeEvent,
      requestRetry,
      pump,
      inspect,
      decide: (process, instanceId, command) =>
        Effect.map(dispatch(process, instanceId, command), ({ effects: _effects, ...decision }) => decision),
      observe: hub.observe,
      observeDecisions: hub.observeDecisions,
      statistics: Effect.sync(() => hub.counter.snapshot(undefined)),
    })
  })

/**
 * Registers every hosted process's workflow with the engine, starts the pump that re-signals
 * what a crash left unsignalled, and provides `ProcessRuntime`.
 */
export const clusterProcessRuntimeLayer = (
  options: ProcessRuntimeOptions,
): Layer.Layer<ProcessRuntime, never, WorkflowEngine.WorkflowEngine | SqlClient.SqlClient | EffectPorts> => {
  const retryPolicy = options.retryPolicy ?? defaultRetryPolicy
  const registry = buildRegistry(options.processes)
  const hub = makeTurnHub()
  const workflows = Layer.mergeAll(
    Layer.empty,
    ...[...registry.values()].map(({ hosted, workflow }) =>
      processWorkflowLayer(hosted, workflow, { retryPolicy, onTurn: hub.report, onDecided: hub.decided }),
    ),
  )
  const runtime = Layer.effect(ProcessRuntime, makeProcessRuntime(options, registry, hub))
  const pump = Layer.effectDiscard(
    Effect.gen(function* () {
      const service = yield* ProcessRuntime
      yield* service.pump.pipe(
        Effect.catchCause((cause) => Effect.logWarning("tixi: signalling stored commands failed", cause)),
        Effect.repeat(Schedule.spaced(options.pumpIntervalMillis ?? 1000)),
        Effect.forkScoped,
      )
    }),
  )
  return Layer.provideMerge(pump, runtime).pipe(Layer.provideMerge(workflows))
}
