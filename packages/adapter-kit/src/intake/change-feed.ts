import { type HostChange, HostCrm, type PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { VerifiedEvent } from "./intake-source.ts"

/** The event type of a change made in the host CRM; the payload is a core `HostChange`. */
export const hostChangeEventType = "host.change"

/** One batch a change feed read: its events, and where the feed stands once they are kept. */
export interface FeedBatch {
  readonly events: ReadonlyArray<VerifiedEvent>
  /** What `run` resumes from after a restart (a polling cursor, a replay id); undefined keeps the last. */
  readonly position: string | undefined
}

/**
 * A vendor's changes that tixi reads rather than is sent: Salesforce's `SystemModstamp` polling
 * or its Change Data Capture stream. The runtime runs each feed on one runner, from the position
 * it last kept, and keeps every batch's events and the feed's next position in one transaction
 * before the feed reads on; the events then go the way of webhook events (de-duplicated by
 * source and id, delivered to the processes). So a crash between reading and keeping reads the
 * batch again, and one after keeping reads on from where it was.
 */
export interface ChangeFeed {
  /** The feed's name: the source of its events (`salesforce`) and the key of its position. */
  readonly name: string
  /**
   * Reads from `position` (the beginning when undefined) until interrupted, handing each batch to
   * `keep`, and reading the next only once `keep` has returned. Ending or failing makes the
   * runtime run it again from the last position kept, after a pause (longer after failures).
   */
  readonly run: (
    position: string | undefined,
    keep: (batch: FeedBatch) => Effect.Effect<void>,
  ) => Effect.Effect<void, PortFailure, HostCrm>
}

/** Options of a feed that polls the host CRM's `pollChanges`. */
export interface HostPollingFeedOptions {
  /** The source name its events carry (`salesforce`, `hubspot`). */
  readonly name: string
  /** How long to wait after a poll that found fewer changes than `limit` (default 5 s). */
  readonly everyMillis?: number | undefined
  /** Changes asked for per poll (default 200). */
  readonly limit?: number | undefined
}

/**
 * A feed over `HostCrm.pollChanges` with its durable cursor: staff's changes become `host.change`
 * events keyed by the change id; tixi's own writes are left out (the intake would drop them), while
 * the cursor still moves past them. A full page is followed at once by the next.
 */
export function hostPollingFeed(options: HostPollingFeedOptions): ChangeFeed {
  const every = options.everyMillis ?? 5_000
  const limit = options.limit ?? 200
  return {
    name: options.name,
    run: (position, keep) =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        let cursor = position
        for (;;) {
          const read = yield* host.pollChanges(cursor, limit)
          const events = read.changes
            .filter((change: HostChange) => change.origin !== "tixi")
            .map((change) => ({ id: change.changeId, type: hostChangeEventType, payload: change }))
          yield* keep({ events, position: read.cursor })
          cursor = read.cursor ?? cursor
          if (read.changes.length < limit) yield* Effect.sleep(every)
        }
      }),
  }
}
