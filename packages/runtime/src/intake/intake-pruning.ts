import { Clock, Duration, Effect, Layer, Schedule } from "effect"
import { SqlClient } from "effect/sql"

/** How long delivered intake events are kept, and how often old ones are deleted. */
export interface IntakePruningOptions {
  /**
   * A delivered event is kept this long after it arrived: while it is kept, a vendor's retry of
   * it is recognised as a duplicate without reaching the instances. Keep it longer than the
   * longest retry window of the vendors served (HubSpot retries for 24 h, Salesforce replays
   * Change Data Capture for 72 h). Default 7 days.
   */
  readonly retainDeliveredMillis?: number | undefined
  /** Default one hour; pruning also runs once at start. */
  readonly intervalMillis?: number | undefined
}

/** Rows deleted per statement, so pruning a long backlog never holds the table for long. */
const pruneBatchRows = 5_000

/** The default retention of delivered intake events: longer than any served vendor's retries. */
export const defaultRetainDeliveredMillis = 7 * 24 * 60 * 60 * 1000

/**
 * Deletes delivered intake events that arrived before `before`, in batches; undelivered events
 * are never deleted, however old. Answers how many were deleted.
 */
export const pruneDeliveredIntakeEvents = (before: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    let deleted = 0
    for (;;) {
      const rows = yield* sql<{ source: string }>`
        DELETE FROM tixi_intake_events WHERE (source, event_id) IN (
          SELECT source, event_id FROM tixi_intake_events
          WHERE delivered AND received_at < ${before} LIMIT ${pruneBatchRows}
        ) RETURNING source
      `
      deleted += rows.length
      if (rows.length < pruneBatchRows) return deleted
    }
  })

/**
 * Keeps `tixi_intake_events` from growing without end: deletes delivered events older than the
 * retention at start and then every interval. A failed round is logged and tried at the next.
 */
export const intakePruningLayer = (
  options: IntakePruningOptions = {},
): Layer.Layer<never, never, SqlClient.SqlClient> =>
  Layer.effectDiscard(
    Effect.forkScoped(
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const deleted = yield* pruneDeliveredIntakeEvents(
          now - (options.retainDeliveredMillis ?? defaultRetainDeliveredMillis),
        )
        if (deleted > 0) yield* Effect.logDebug(`tixi intake: pruned ${deleted} delivered events`)
      }).pipe(
        Effect.catchCause((cause) =>
          Effect.logWarning("tixi intake: pruning delivered events failed", cause),
        ),
        Effect.repeat(Schedule.spaced(Duration.millis(options.intervalMillis ?? 60 * 60 * 1000))),
      ),
    ),
  )
