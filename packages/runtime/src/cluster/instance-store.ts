import type { EffectRequest, ProcessEvent } from "@tixi/core"
import { Array as Arr, Effect, Schedule } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { json } from "../sql/pg-compiler.ts"

/** What one turn of an instance changed, as the projection and the event log keep it. */
export interface StepRecord {
  readonly process: string
  readonly instanceId: string
  readonly turn: number
  /** The sequence number of the first event of this turn. */
  readonly firstSequence: number
  readonly events: ReadonlyArray<ProcessEvent>
  readonly state: unknown
  readonly status: string
  readonly finished: boolean
  readonly nextDeadline: { readonly key: string; readonly dueAt: number } | undefined
  /** The inbox position consumed this turn and what became of it, when a command was taken. */
  readonly consumed: { readonly position: number; readonly outcome: string } | undefined
  readonly at: number
}

// Transient storage errors (a dropped connection, a deadlock, a serialization failure) are
// retried here, inside the activity, so they never reach the workflow as a failed step.
// A database outage is waited out (at most 5 s between tries) rather than failing the instance.
const transient = Schedule.min([Schedule.exponential(100, 2), Schedule.spaced("5 seconds")])
/** Retries an SQL effect while its error is retryable; others die (they are bugs, not weather). */
export const withStorageRetry = <A, R>(
  effect: Effect.Effect<A, SqlError.SqlError, R>,
): Effect.Effect<A, never, R> =>
  Effect.orDie(Effect.retry(effect, { while: (error) => error.isRetryable, schedule: transient }))

/**
 * Writes a turn to the projection, the event log and the inbox in one statement (atomic without a
 * transaction, one round trip); writing the same turn twice changes nothing.
 */
export const recordStep = (step: StepRecord) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const eventRows = step.events.map(
      (event, index): Record<string, unknown> => ({
        process: step.process,
        instance_id: step.instanceId,
        sequence: step.firstSequence + index,
        type: event.type,
        at: event.at,
        event: json(event),
      }),
    )
    const events = Arr.isReadonlyArrayNonEmpty(eventRows)
      ? sql`, logged AS (INSERT INTO tixi_events ${sql.insert(eventRows)} ON CONFLICT DO NOTHING)`
      : sql``
    const consumed = step.consumed
      ? sql`, consumed AS (
          UPDATE tixi_inbox SET outcome = ${step.consumed.outcome}
          WHERE process = ${step.process} AND instance_id = ${step.instanceId} AND position = ${step.consumed.position}
        )`
      : sql``
    yield* sql`
      WITH projected AS (
        UPDATE tixi_instances SET
          status = ${step.status},
          finished = ${step.finished},
          state = ${json(step.state)},
          sequence = ${step.firstSequence + step.events.length},
          turn = ${step.turn + 1},
          next_deadline_key = ${step.nextDeadline?.key ?? null},
          next_deadline_at = ${step.nextDeadline?.dueAt ?? null},
          updated_at = ${step.at},
          finished_at = ${step.finished ? step.at : null}
        WHERE process = ${step.process} AND instance_id = ${step.instanceId} AND turn <= ${step.turn}
      )
      ${events}
      ${consumed}
      SELECT 1
    `
  }).pipe(withStorageRetry)

/** Adds retries performed by an instance's effects to its counter (for `tixi status`). */
export const countRetries = (process: string, instanceId: string, retries: number) =>
  retries === 0
    ? Effect.void
    : Effect.flatMap(
        SqlClient.SqlClient,
        (sql) => sql`
          UPDATE tixi_instances SET retries = retries + ${retries}
          WHERE process = ${process} AND instance_id = ${instanceId}
        `,
      ).pipe(Effect.asVoid, withStorageRetry)

/** A side effect that failed for good, parked until someone asks for it to be retried. */
export interface DeadLetterRecord {
  readonly id: string
  readonly process: string
  readonly instanceId: string
  readonly turn: number
  readonly round: number
  readonly request: EffectRequest
  readonly error: string
  readonly attempts: number
  readonly at: number
}

/** Parks a failed effect (idempotent by id) and marks its instance as parked. */
export const parkDeadLetter = (letter: DeadLetterRecord) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.withTransaction(
      Effect.gen(function* () {
        yield* sql`
          INSERT INTO tixi_dead_letters ${sql.insert({
            id: letter.id,
            process: letter.process,
            instance_id: letter.instanceId,
            turn: letter.turn,
            round: letter.round,
            effect_key: letter.request.key,
            kind: letter.request.kind,
            request: json(letter.request),
            error: letter.error,
            attempts: letter.attempts,
            status: "parked",
            parked_at: letter.at,
          })}
          ON CONFLICT (id) DO NOTHING
        `
        yield* sql`
          UPDATE tixi_instances SET parked = TRUE, updated_at = ${letter.at}
          WHERE process = ${letter.process} AND instance_id = ${letter.instanceId}
        `
      }),
    )
  }).pipe(withStorageRetry)

/** Closes a dead letter after its retry ran (`resolved`, or `failed-again` with a successor parked). */
export const closeDeadLetter = (
  id: string,
  status: "resolved" | "failed-again",
  process: string,
  instanceId: string,
  at: number,
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.withTransaction(
      Effect.gen(function* () {
        yield* sql`UPDATE tixi_dead_letters SET status = ${status}, resolved_at = ${at} WHERE id = ${id}`
        yield* sql`
          UPDATE tixi_instances SET parked = EXISTS (
            SELECT 1 FROM tixi_dead_letters
            WHERE process = ${process} AND instance_id = ${instanceId}
              AND status IN ('parked', 'retry-requested', 'retrying')
          )
          WHERE process = ${process} AND instance_id = ${instanceId}
        `
      }),
    )
  }).pipe(withStorageRetry)
