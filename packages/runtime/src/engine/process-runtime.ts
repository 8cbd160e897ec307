import type { EffectPorts } from "@tixi/core"
import { Clock, Context, Effect, Layer, Schedule } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { DurableDeferred, type WorkflowEngine } from "effect/workflow"
import { json } from "../sql/pg-compiler.ts"
import {
  InstanceFinished,
  RuntimeStorageFailure,
  UnknownDeadLetter,
  UnknownInstance,
  UnknownProcess,
} from "./errors.ts"
import type { HostedProcess, InboundEvent } from "./hosted-process.ts"
import {
  inboxDeferred,
  makeProcessWorkflow,
  type ProcessWorkflow,
  processWorkflowLayer,
  retryDeferred,
} from "./process-workflow.ts"
import { defaultRetryPolicy, type RetryPolicy } from "./retry-policy.ts"

/** Where a command landed: its instance's inbox position, or that it had arrived before. */
export interface Delivery {
  readonly process: string
  readonly instanceId: string
  readonly position: number
  /** True when the same command (same de-duplication key) had already been delivered. */
  readonly duplicate: boolean
}

/** What became of an inbound event for one process that routed it. */
export type RoutedDelivery =
  | { readonly _tag: "Delivered"; readonly delivery: Delivery }
  | {
      readonly _tag: "Rejected"
      readonly process: string
      readonly instanceId: string
      readonly reason: string
    }

/** Commands may arrive without their instant; the runtime stamps them with the Clock. */
export type CommandInput = { readonly type: string; readonly at?: number } & Record<string, unknown>

/** The runtime's operations on process instances. */
export interface ProcessRuntimeService {
  readonly processes: ReadonlyArray<HostedProcess>
  /** Starts an instance with its first command; starting it again changes nothing. */
  readonly start: (
    process: string,
    instanceId: string,
    command: CommandInput,
  ) => Effect.Effect<Delivery, UnknownProcess | RuntimeStorageFailure>
  /**
   * Appends a command to an instance's inbox and wakes it. `dedupKey` (by default a fresh key)
   * makes redelivery of the same command a no-op; vendor callbacks use `source/eventId`.
   */
  readonly deliver: (
    process: string,
    instanceId: string,
    command: CommandInput,
    options?: { readonly dedupKey?: string },
  ) => Effect.Effect<Delivery, UnknownProcess | UnknownInstance | InstanceFinished | RuntimeStorageFailure>
  /** Routes an inbound event through every hosted process's `route` and delivers it where it belongs. */
  readonly routeEvent: (
    event: InboundEvent,
  ) => Effect.Effect<ReadonlyArray<RoutedDelivery>, RuntimeStorageFailure>
  /** Asks for a parked dead letter to be retried; the instance resumes within a pump interval. */
  readonly requestRetry: (
    deadLetterId: string,
  ) => Effect.Effect<void, UnknownDeadLetter | RuntimeStorageFailure>
  /** Re-signals commands and retry requests a crash may have left unsignalled; returns how many. */
  readonly pump: Effect.Effect<number, RuntimeStorageFailure>
}

/** The process runtime service. */
export class ProcessRuntime extends Context.Service<ProcessRuntime, ProcessRuntimeService>()(
  "@tixi/runtime/ProcessRuntime",
) {}

/** Options of the process runtime. */
export interface ProcessRuntimeOptions {
  readonly processes: ReadonlyArray<HostedProcess>
  readonly retryPolicy?: RetryPolicy | undefined
  /** How often stored but unsignalled commands and retry requests are looked for (default 1 s). */
  readonly pumpIntervalMillis?: number | undefined
}

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
  readonly finished: boolean
  readonly next_position: number
}

let dedupCounter = 0

/** The hosted processes by name, each with its one workflow definition. */
type Registry = ReadonlyMap<string, { readonly hosted: HostedProcess; readonly workflow: ProcessWorkflow }>

const buildRegistry = (processes: ReadonlyArray<HostedProcess>): Registry => {
  const registry = new Map<string, { readonly hosted: HostedProcess; readonly workflow: ProcessWorkflow }>()
  for (const hosted of processes) {
    if (registry.has(hosted.definition.name)) {
      throw new Error(`two hosted processes are named ${JSON.stringify(hosted.definition.name)}`)
    }
    registry.set(hosted.definition.name, { hosted, workflow: makeProcessWorkflow(hosted.definition) })
  }
  return registry
}

/** Builds the process runtime over the workflow engine and SQL storage. */
const makeProcessRuntime = (options: ProcessRuntimeOptions, registry: Registry) =>
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

    const start: ProcessRuntimeService["start"] = (process, instanceId, input) =>
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

    const deliver: ProcessRuntimeService["deliver"] = (process, instanceId, input, deliverOptions) =>
      Effect.gen(function* () {
        const { workflow } = yield* lookup(process)
        const command = yield* stamp(input)
        const dedupKey = deliverOptions?.dedupKey ?? `local/${process}/${Date.now()}/${++dedupCounter}`
        const text = JSON.stringify(command)
        const result = yield* sql
          .withTransaction(
            Effect.gen(function* () {
              const [row] = yield* sql<InstanceRow>`
                SELECT execution_id, finished, next_position FROM tixi_instances
                WHERE process = ${process} AND instance_id = ${instanceId}
                FOR UPDATE
              `
              if (row === undefined) return { _tag: "Unknown" } as const
              const [existing] = yield* sql<{ position: number }>`
                SELECT position FROM tixi_inbox
                WHERE process = ${process} AND instance_id = ${instanceId} AND dedup_key = ${dedupKey}
              `
              if (existing !== undefined) return { _tag: "Duplicate", position: existing.position } as const
              if (row.finished) return { _tag: "Finished" } as const
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
          case "Finished":
            return yield* new InstanceFinished({ process, instanceId })
          case "Duplicate":
            return { process, instanceId, position: result.position, duplicate: true }
          case "Stored":
            yield* signal(workflow, instanceId, result.executionId, result.position, text)
            return { process, instanceId, position: result.position, duplicate: false }
        }
      })

    const routeEvent: ProcessRuntimeService["routeEvent"] = (event) =>
      Effect.gen(function* () {
        const outcomes: Array<RoutedDelivery> = []
        for (const { hosted } of registry.values()) {
          const target = hosted.route?.(event)
          if (target === undefined) continue
          const process = hosted.definition.name
          const delivered = yield* deliver(process, target.instanceId, target.command as CommandInput, {
            dedupKey: `${event.source}/${event.id}`,
          }).pipe(
            Effect.map((delivery): RoutedDelivery => ({ _tag: "Delivered", delivery })),
            Effect.catchTags({
              UnknownInstance: (error) =>
                Effect.succeed<RoutedDelivery>({
                  _tag: "Rejected",
                  process,
                  instanceId: target.instanceId,
                  reason: error.message,
                }),
              InstanceFinished: (error) =>
                Effect.succeed<RoutedDelivery>({
                  _tag: "Rejected",
                  process,
                  instanceId: target.instanceId,
                  reason: error.message,
                }),
              UnknownProcess: (error) => Effect.die(error),
            }),
          )
          outcomes.push(delivered)
        }
        return outcomes
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

    return ProcessRuntime.of({
      processes: options.processes,
      start,
      deliver,
      routeEvent,
      requestRetry,
      pump,
    })
  })

/**
 * Registers every hosted process's workflow with the engine, starts the pump that re-signals
 * what a crash left unsignalled, and provides `ProcessRuntime`.
 */
export const processRuntimeLayer = (
  options: ProcessRuntimeOptions,
): Layer.Layer<ProcessRuntime, never, WorkflowEngine.WorkflowEngine | SqlClient.SqlClient | EffectPorts> => {
  const retryPolicy = options.retryPolicy ?? defaultRetryPolicy
  const registry = buildRegistry(options.processes)
  const workflows = Layer.mergeAll(
    Layer.empty,
    ...[...registry.values()].map(({ hosted, workflow }) =>
      processWorkflowLayer(hosted, workflow, { retryPolicy }),
    ),
  )
  const runtime = Layer.effect(ProcessRuntime, makeProcessRuntime(options, registry))
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
