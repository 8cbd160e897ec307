import type { Instant } from "../time/instant.ts"
import type { Deadline, Unstamped } from "./definition.ts"

/** A timer that applies only `when` it is still awaited; `timers()` drops the others. */
export type MaybeDeadline<Command> = Deadline<Command> | false | undefined

/**
 * The timers an instance waits on, from a list where each entry says when it applies: the
 * deadlines of a flow read as the chart's reminders and escalations, one line each.
 */
export function timers<Command>(
  ...entries: ReadonlyArray<MaybeDeadline<Command>>
): ReadonlyArray<Deadline<Command>> {
  // A loop rather than `filter`: runners ask every instance for its timers after every command,
  // and most of the time none applies, so no array nor predicate closure is built for nothing.
  let due: Array<Deadline<Command>> | undefined
  for (const entry of entries) {
    if (!entry) continue
    if (due === undefined) due = [entry]
    else due.push(entry)
  }
  return due ?? noTimers
}

/** The one empty list of timers, shared: a read-only array that nobody can add to. */
export const noTimers: ReadonlyArray<never> = Object.freeze([])

/** A timer under `key` firing `command` at `dueAt`, when the instant is known and the mark not yet passed. */
export function timer<Command>(
  key: string,
  dueAt: Instant | undefined,
  command: Unstamped<Command>,
  passed = false,
): MaybeDeadline<Command> {
  return !passed && dueAt !== undefined && { key, dueAt, command }
}
