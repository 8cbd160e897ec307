import type { Result } from "effect"
import type { Instant } from "../time/instant.ts"
import type { Deadline, Unstamped } from "./definition.ts"
import { type LadderProgress, ladderDeadlines, type ScheduledLadder } from "./escalation-ladder.ts"
import type { Decision } from "./flow.ts"
import { ladderMarkEvents } from "./ladder-marks.ts"

/** A ladder a step waits on, and how far the instance has climbed it. */
export interface LadderClimb {
  readonly ladder: ScheduledLadder
  readonly progress: LadderProgress
}

/**
 * The escalation ladder of one waiting step (the follow-up, the feedback): its timers and the
 * step deciding the command they fire, from one description, so the two never disagree on
 * whether the ladder still runs.
 */
export interface LadderTimer<State, Command> {
  /** The ladder's timers not yet passed while the step waits, for the flow's `timers(…)`. */
  readonly deadlines: (state: State) => ReadonlyArray<Deadline<Command>>
  /**
   * The step of the timers' command: every mark due and not yet passed (the reminder, then one
   * escalation per rung) while the step waits; nothing once it was done — a timer firing late or
   * again changes nothing.
   */
  readonly step: <Event>(
    state: State,
    command: { readonly at: Instant },
    decision: Decision<Event>,
  ) => Result.Result<ReadonlyArray<Event>, never>
}

/** What a step's ladder is: its timers' key and command, where the state keeps it, what its marks record. */
export interface LadderTimerOptions<State, Command> {
  /** The timers' key prefix; never change it for a flow with stored instances. */
  readonly key: string
  readonly command: Unstamped<Command>
  /** The ladder and its progress while the step waits on it; undefined when it waits on none. */
  readonly climbing: (state: State) => LadderClimb | undefined
  /** The flow's events of a reminder and of a rung reached (a `FlowEvent<escalated, { rung }>`). */
  readonly events: { readonly reminded: string; readonly escalated: string }
}

/** The escalation ladder of a waiting step, scheduled in `decide` and kept in the state (see `scheduleLadder`). */
export function ladderTimer<State, Command>(
  options: LadderTimerOptions<State, Command>,
): LadderTimer<State, Command> {
  const { key, command, climbing, events } = options
  return {
    deadlines: (state) => {
      const climb = climbing(state)
      return climb === undefined ? [] : ladderDeadlines(key, climb.ladder, climb.progress, command)
    },
    step: <Event>(state: State, fired: { readonly at: Instant }, decision: Decision<Event>) => {
      const climb = climbing(state)
      if (climb === undefined) return decision.accept()
      // The flow's event union holds both events (see `events`).
      const marks = ladderMarkEvents(climb.ladder, climb.progress, fired.at, events) as ReadonlyArray<unknown>
      return decision.accept(...(marks as ReadonlyArray<Event>))
    },
  }
}
