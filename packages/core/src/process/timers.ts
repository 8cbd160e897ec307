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
  return entries.filter((entry): entry is Deadline<Command> => entry !== false && entry !== undefined)
}

/** A timer under `key` firing `command` at `dueAt`, when the instant is known and the mark not yet passed. */
export function timer<Command>(
  key: string,
  dueAt: Instant | undefined,
  command: Unstamped<Command>,
  passed = false,
): MaybeDeadline<Command> {
  return !passed && dueAt !== undefined && { key, dueAt, command }
}
