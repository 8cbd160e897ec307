import type { HostCrm } from "@tixi/core"
import { Clock, Duration, Effect, Layer, Option } from "effect"
import { SqlClient } from "effect/sql"
import { tryAdvisoryLock } from "../sql/advisory-lock.ts"
import { PgliteDatabase } from "../sql/pglite-client.ts"
import type { ChangeFeed, FeedBatch } from "./intake-source.ts"
import { insertIntakeEvents } from "./intake-store.ts"

/** Options of the change feeds a runner reads. */
export interface ChangeFeedsOptions {
  readonly feeds: ReadonlyArray<ChangeFeed>
  /** The first pause before a failed feed runs again; it doubles up to a minute (default 1 s). */
  readonly restartAfterMillis?: number | undefined
}

/** A stable advisory lock number per feed name, so one runner among several reads each feed. */
const lockNumberOf = (name: string): number => {
  let hash = 7305300
  for (const character of name) hash = (Math.imul(hash, 31) + character.charCodeAt(0)) | 0
  return hash
}

/**
 * Keeps one batch: its events (de-duplicated by source and id, as webhook events are; those that
 * can never be stored recorded as refused) and the feed's next position, in one transaction, so a
 * position is never ahead of its events.
 */
const keepBatch = (sql: SqlClient.SqlClient, feed: ChangeFeed, batch: FeedBatch) =>
  Effect.gen(function* () {
    const at = yield* Clock.currentTimeMillis
    yield* sql.withTransaction(
      Effect.gen(function* () {
        // Counted as stored, not as handed over: a feed reading a batch again after a restart
        // hands over events the intake already has. An event the database can never store is
        // refused and recorded, and the position moves past it: reading it again would fail again.
        const kept = (yield* insertIntakeEvents(
          sql,
          batch.events.map((event) => ({ source: feed.name, event, receivedAt: at })),
        )).inserted.size
        yield* sql`
          INSERT INTO tixi_feed_positions (name, position, events, updated_at)
          VALUES (${feed.name}, ${batch.position ?? null}, ${kept}, ${at})
          ON CONFLICT (name) DO UPDATE SET
            position = COALESCE(EXCLUDED.position, tixi_feed_positions.position),
            events = tixi_feed_positions.events + EXCLUDED.events,
            updated_at = EXCLUDED.updated_at
        `
      }),
    )
  })

/** Runs one feed from its kept position, again and again, pausing longer after each failure. */
const runFeed = (feed: ChangeFeed, restartAfterMillis: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    let pause = restartAfterMillis
    for (;;) {
      const [row] = yield* sql<{ position: string | null }>`
        SELECT position FROM tixi_feed_positions WHERE name = ${feed.name}
      `
      const ran = yield* Effect.result(
        feed.run(row?.position ?? undefined, (batch) =>
          // A batch that cannot be kept ends the run (the feed reads it again from the last
          // position kept); the failure is the database's, logged and retried like any other.
          Effect.orDie(keepBatch(sql, feed, batch)),
        ),
      )
      if (ran._tag === "Failure") {
        yield* Effect.logWarning(
          `tixi: change feed ${feed.name} failed (${ran.failure.message}); running it again in ${pause} ms`,
        )
      } else pause = restartAfterMillis
      yield* Effect.sleep(Duration.millis(pause))
      pause = ran._tag === "Failure" ? Math.min(60_000, pause * 2) : restartAfterMillis
    }
  }).pipe(
    Effect.catchCause((cause) => Effect.logError(`tixi: change feed ${feed.name} stopped`, cause)),
    Effect.forever,
  )

/**
 * Holds the feed's lock on PostgreSQL while running it, so among several runners one reads each
 * feed and the others wait to take over; PGlite has a single runner and needs none.
 */
const runExclusively = (feed: ChangeFeed, run: Effect.Effect<never, never, SqlClient.SqlClient | HostCrm>) =>
  Effect.gen(function* () {
    if (Option.isSome(yield* Effect.serviceOption(PgliteDatabase))) return yield* run
    for (;;) {
      const held = yield* Effect.scoped(
        Effect.gen(function* () {
          if (!(yield* tryAdvisoryLock(lockNumberOf(feed.name)))) return false
          return yield* run
        }),
      ).pipe(Effect.catchCause((cause) => Effect.as(Effect.logWarning("tixi: feed lock", cause), false)))
      if (!held) yield* Effect.sleep("5 seconds")
    }
  })

/**
 * Reads the change feeds (Salesforce polling or Change Data Capture) into the intake's table,
 * each on one runner: the intake's delivery then takes their events to the processes as it does
 * webhook events. Needs the host ports, which the feeds read through.
 */
export const changeFeedsLayer = (
  options: ChangeFeedsOptions,
): Layer.Layer<never, never, SqlClient.SqlClient | HostCrm> =>
  Layer.effectDiscard(
    Effect.forEach(
      options.feeds,
      (feed) => Effect.forkScoped(runExclusively(feed, runFeed(feed, options.restartAfterMillis ?? 1_000))),
      { discard: true },
    ),
  )
