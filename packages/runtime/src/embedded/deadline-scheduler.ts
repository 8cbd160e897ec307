import { PriorityQueue } from "@tixi/core"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

interface Entry {
  readonly dueAt: number
  readonly key: string
  readonly process: string
  readonly instanceId: string
}

/** An instance whose deadline fell due. */
export interface DueInstance {
  readonly process: string
  readonly instanceId: string
}

/** The deadlines the engine waits on. */
export interface DeadlineScheduler {
  /** An instance's earliest deadline is now `dueAt` (undefined: it waits on none). */
  readonly set: (process: string, instanceId: string, key: string, dueAt: number | undefined) => void
  /** Takes the instances whose deadline is due at `now`, reading further ahead first when needed. */
  readonly takeDue: (now: number) => Effect.Effect<ReadonlyArray<DueInstance>, unknown, SqlClient.SqlClient>
  /** The earliest deadline due before `limit`, if any. */
  readonly earliestBefore: (limit: number) => Effect.Effect<number | undefined, unknown, SqlClient.SqlClient>
  /**
   * An instance leaves memory: its deadline is kept only when it falls inside the window read
   * ahead; a later one is read from the database when the window reaches it.
   */
  readonly release: (key: string) => void
  /** When the scheduler should look again at the latest (a deadline, or the time to read ahead). */
  readonly wakeAt: () => number
  /** How many deadlines are held in memory. */
  readonly size: () => number
}

/**
 * The embedded engine's timers. Every instance's earliest deadline is in `tixi_instances`
 * (`next_deadline_at`, indexed for unfinished instances), so the scheduler needs no timer table:
 * it reads the deadlines falling due within a window ahead (overdue ones included, which is how
 * timers that fell due while the runner was down fire the moment it is back) with one indexed
 * range query, keeps them in a heap, and reads the next window before this one runs out. Turns
 * keep the heap current for the instances in memory, whatever their deadline. Deadlines of the
 * others beyond the window stay in the database, so memory holds what is due soon and what the
 * instances in use wait on, however many instances wait.
 */
export const makeDeadlineScheduler = (options: {
  /** How far ahead deadlines are held in memory (milliseconds of clock time). */
  readonly windowMillis: number
  /** Instances the engine holds in memory: their own deadlines are newer than the database's. */
  readonly isLive: (key: string) => boolean
  readonly keyOf: (process: string, instanceId: string) => string
}): DeadlineScheduler => {
  const before = (left: Entry, right: Entry) => left.dueAt < right.dueAt
  let heap = new PriorityQueue<Entry>(before)
  /** The deadline each instance waits on, as far as the scheduler holds it; heap entries not here are stale. */
  const known = new Map<string, Entry>()
  let horizon = Number.NEGATIVE_INFINITY

  const hold = (entry: Entry) => {
    known.set(entry.key, entry)
    heap.push(entry)
    // Replaced and released deadlines stay in the heap until they surface; rebuild it when they
    // outnumber the live ones, so memory follows what is held.
    if (heap.size > 2 * known.size + 1_024) {
      heap = new PriorityQueue<Entry>(before)
      for (const live of known.values()) heap.push(live)
    }
  }

  const readAhead = (until: number) =>
    Effect.gen(function* () {
      if (until <= horizon) return
      const sql = yield* SqlClient.SqlClient
      const from = horizon
      const rows = yield* sql<{ process: string; instance_id: string; next_deadline_at: bigint | number }>`
        SELECT process, instance_id, next_deadline_at FROM tixi_instances
        WHERE NOT finished AND next_deadline_at < ${until}
          ${Number.isFinite(from) ? sql`AND next_deadline_at >= ${from}` : sql``}
      `
      horizon = until
      for (const row of rows) {
        const key = options.keyOf(row.process, row.instance_id)
        if (options.isLive(key)) continue
        const dueAt = Number(row.next_deadline_at)
        if (known.get(key)?.dueAt === dueAt) continue
        hold({ dueAt, key, process: row.process, instanceId: row.instance_id })
      }
    })

  /** The top of the heap, dropping entries a later `set` replaced. */
  const top = (): Entry | undefined => {
    for (let entry = heap.peek(); entry !== undefined; entry = heap.peek()) {
      if (known.get(entry.key) === entry) return entry
      heap.pop()
    }
    return undefined
  }

  return {
    // Instances in memory keep their deadline here whatever the window: reading ahead skips them,
    // so this is the only place their deadlines come from.
    set: (process, instanceId, key, dueAt) => {
      if (dueAt === undefined) {
        known.delete(key)
        return
      }
      if (known.get(key)?.dueAt === dueAt) return
      hold({ dueAt, key, process, instanceId })
    },
    release: (key) => {
      const entry = known.get(key)
      if (entry !== undefined && entry.dueAt >= horizon) known.delete(key)
    },
    takeDue: (now) =>
      Effect.gen(function* () {
        if (now + options.windowMillis / 4 >= horizon) yield* readAhead(now + options.windowMillis)
        const due: Array<DueInstance> = []
        for (let entry = top(); entry !== undefined && entry.dueAt <= now; entry = top()) {
          heap.pop()
          known.delete(entry.key)
          due.push({ process: entry.process, instanceId: entry.instanceId })
        }
        return due
      }),
    earliestBefore: (limit) =>
      Effect.gen(function* () {
        // Read a whole window past the limit, so a simulation moving the clock step by step reads
        // once per window rather than once per step.
        if (limit > horizon) yield* readAhead(Math.min(Number.MAX_SAFE_INTEGER, limit + options.windowMillis))
        const first = top()
        return first !== undefined && first.dueAt < limit ? first.dueAt : undefined
      }),
    wakeAt: () => Math.min(top()?.dueAt ?? Number.POSITIVE_INFINITY, horizon - options.windowMillis / 4),
    size: () => known.size,
  }
}
