import { Cause, Deferred, Effect, Latch, Schedule, type Scope } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { RuntimeStorageFailure } from "../engine/errors.ts"
import { groupWeight, renderBatch, type WriteGroup } from "./write-group.ts"

/** How the group commit batches. */
export interface GroupCommitOptions {
  /** Groups nobody waits to acknowledge wait at most this long for company. Default 10 ms. */
  readonly lingerMillis?: number | undefined
  /** A batch statement stops growing at about this many characters. Default 4,000,000. */
  readonly maxBatchWeight?: number | undefined
}

/** Counts of what the group commit has written since it started. */
export interface GroupCommitStatistics {
  readonly transactions: number
  readonly groups: number
  readonly rows: number
}

interface Queued {
  readonly group: WriteGroup
  readonly done: Deferred.Deferred<void, RuntimeStorageFailure> | undefined
  readonly urgent: boolean
  /** Told when the group was written (no failure) or could not be (after the retries). */
  readonly onSettled: ((failure: RuntimeStorageFailure | undefined) => void) | undefined
}

/** The group commit: writes queued groups in order, many per transaction. */
export interface GroupCommit {
  /** Queues a group and waits until it is committed. */
  readonly commit: (group: WriteGroup) => Effect.Effect<void, RuntimeStorageFailure>
  /**
   * Queues a group now (so it keeps its place before anything queued after this call) and returns
   * what completes once it is committed; `onSettled` is told either way. An urgent group (someone
   * waits to acknowledge it) is committed at once; the others may wait the linger time for company.
   */
  readonly submit: (
    group: WriteGroup,
    options?: {
      readonly urgent?: boolean | undefined
      readonly onSettled?: ((failure: RuntimeStorageFailure | undefined) => void) | undefined
    },
  ) => Deferred.Deferred<void, RuntimeStorageFailure>
  /**
   * Queues a group without waiting: it goes with the next batch, or on its own after the linger
   * time. Groups stay in order either way, so a later group never lands without this one.
   */
  readonly enqueue: (
    group: WriteGroup,
    onSettled?: (failure: RuntimeStorageFailure | undefined) => void,
  ) => void
  /** Waits until every group queued so far is committed. */
  readonly flushed: Effect.Effect<void, RuntimeStorageFailure>
  readonly statistics: () => GroupCommitStatistics
}

const transient = Schedule.min([Schedule.exponential(50, 2), Schedule.spaced("5 seconds")])

/**
 * Commits groups of writes together (group commit). One writer takes everything queued while the
 * previous transaction ran and writes it in one statement, so turns of many instances share a
 * commit, and a turn's own writes (projection, inbox, events) never cost more than one. Waiting
 * callers resume once their group is durable. A transient database failure is retried; a batch
 * the database refuses is split and its groups written one by one, so one bad row fails only its
 * own group.
 */
export const makeGroupCommit = (
  options: GroupCommitOptions = {},
): Effect.Effect<GroupCommit, never, SqlClient.SqlClient | Scope.Scope> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const linger = options.lingerMillis ?? 10
    const maxWeight = options.maxBatchWeight ?? 4_000_000
    const queue: Array<Queued> = []
    /** Open while a group someone waits for is queued. */
    const urgent = yield* Latch.make(false)
    /** Open while anything is queued. */
    const anything = yield* Latch.make(false)
    const statistics = { transactions: 0, groups: 0, rows: 0 }
    let waitingGroups = 0

    const execute = (groups: ReadonlyArray<WriteGroup>) =>
      Effect.suspend(() => {
        const batch = renderBatch(groups)
        return sql.unsafe(batch.sql).unprepared.pipe(
          Effect.retry({ while: (error: SqlError.SqlError) => error.isRetryable, schedule: transient }),
          Effect.tap(() =>
            Effect.sync(() => {
              statistics.transactions += 1
              statistics.groups += groups.length
              statistics.rows +=
                batch.shape.instances + batch.shape.inbox + batch.shape.events + batch.shape.deadLetters
            }),
          ),
        )
      })

    const settle = (items: ReadonlyArray<Queued>, failure: RuntimeStorageFailure | undefined) =>
      Effect.sync(() => {
        for (const item of items) {
          if (item.urgent) waitingGroups -= 1
          if (item.done) Deferred.doneUnsafe(item.done, failure ? Effect.fail(failure) : Effect.void)
          item.onSettled?.(failure)
        }
      })

    const write = (items: ReadonlyArray<Queued>): Effect.Effect<void> =>
      execute(items.map((item) => item.group)).pipe(
        Effect.andThen(settle(items, undefined)),
        Effect.catchCause((cause) =>
          items.length > 1
            ? Effect.forEach(items, (item) => write([item]), { discard: true })
            : Effect.andThen(
                Effect.logError("tixi embedded engine: a write was refused by the database", cause),
                settle(
                  items,
                  new RuntimeStorageFailure({
                    operation: "commit",
                    detail: Cause.pretty(cause).split("\n")[0] ?? "refused",
                  }),
                ),
              ),
        ),
      )

    yield* Effect.forkScoped(
      Effect.forever(
        Effect.gen(function* () {
          yield* anything.await
          if (waitingGroups === 0) yield* Effect.raceFirst(urgent.await, Effect.sleep(linger))
          // Let the fibers woken with the last commit queue their next writes before taking the batch.
          yield* Effect.yieldNow
          const items: Array<Queued> = []
          let weight = 0
          while (queue.length > 0 && (items.length === 0 || weight < maxWeight)) {
            const item = queue.shift()!
            weight += groupWeight(item.group)
            items.push(item)
          }
          if (queue.length === 0) anything.closeUnsafe()
          if (waitingGroups - items.filter((item) => item.urgent).length <= 0) urgent.closeUnsafe()
          if (items.length > 0) yield* write(items)
        }),
      ),
    )

    const enqueueUnsafe = (item: Queued) => {
      queue.push(item)
      anything.openUnsafe()
      if (item.urgent) {
        waitingGroups += 1
        urgent.openUnsafe()
      }
    }

    const submit: GroupCommit["submit"] = (group, submitOptions) => {
      const done = Deferred.makeUnsafe<void, RuntimeStorageFailure>()
      enqueueUnsafe({
        group,
        done,
        urgent: submitOptions?.urgent ?? true,
        onSettled: submitOptions?.onSettled,
      })
      return done
    }

    return {
      commit: (group) => Effect.suspend(() => Deferred.await(submit(group))),
      submit,
      enqueue: (group, onSettled) => enqueueUnsafe({ group, done: undefined, urgent: false, onSettled }),
      flushed: Effect.suspend(() => Deferred.await(submit({}))),
      statistics: () => ({ ...statistics }),
    } satisfies GroupCommit
  })
