import type { Result } from "effect"
import type { Instant } from "../time/instant.ts"
import type { Unstamped } from "./definition.ts"
import type { Decision } from "./flow.ts"
import { type MaybeDeadline, timer } from "./timers.ts"

/**
 * A reminder (催办) sent once while a step waits: the timer and the step deciding the command it
 * fires, from one description, so the two never disagree on when the reminder is still awaited.
 */
export interface ReminderTimer<State, Command, Event> {
  /** The timer while the reminder is awaited, for the flow's `timers(…)`. */
  readonly deadline: (state: State) => MaybeDeadline<Command>
  /**
   * The step of the timer's command: the reminder's event while it is awaited, none otherwise —
   * a timer firing late, again, or after the step was done changes nothing.
   */
  readonly step: (
    state: State,
    command: { readonly at: Instant },
    decision: Decision<Event>,
  ) => Result.Result<ReadonlyArray<Event>, never>
}

/** What a reminder is: its timer's key and command, when it is due, while it is awaited, what it records. */
export interface ReminderTimerOptions<State, Command, Event> {
  /** The timer's key; never change it for a flow with stored instances (the durable runtime keeps one timer per key). */
  readonly key: string
  readonly command: Unstamped<Command>
  readonly dueAt: (state: State) => Instant | undefined
  /** Whether the step still waits and was not reminded yet. */
  readonly awaited: (state: State) => boolean
  /** The event that records the reminder (its effects notify whoever must act). */
  readonly event: (at: Instant) => Event
}

/** A reminder sent once while a step waits (e.g. the review of a plan, the notice to a customer). */
export function reminderTimer<State, Command, Event>(
  options: ReminderTimerOptions<State, Command, Event>,
): ReminderTimer<State, Command, Event> {
  const { key, command, dueAt, awaited, event } = options
  return {
    deadline: (state) => timer(key, dueAt(state), command, !awaited(state)),
    step: (state, fired, decision) => decision.acceptIf(awaited(state), event(fired.at)),
  }
}
