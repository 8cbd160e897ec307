import { Result } from "effect"
import type { ProcessCommand, ProcessDefinition, ProcessEvent } from "./definition.ts"

/** Rebuilds an instance's state from its events: the state is always derivable from the log. */
export function replay<State, Command extends ProcessCommand, Event extends ProcessEvent, Refusal>(
  definition: ProcessDefinition<State, Command, Event, Refusal>,
  events: Iterable<Event>,
  from: State = definition.initialState,
): State {
  let state = from
  for (const event of events) state = definition.evolve(state, event)
  return state
}

/** The outcome of one command: the events it produced and the state after them. */
export interface Handled<State, Event> {
  readonly events: ReadonlyArray<Event>
  readonly state: State
}

/** Decides a command and folds its events into the state; the state is unchanged on refusal. */
export function handle<State, Command extends ProcessCommand, Event extends ProcessEvent, Refusal>(
  definition: ProcessDefinition<State, Command, Event, Refusal>,
  state: State,
  command: Command,
): Result.Result<Handled<State, Event>, Refusal> {
  const decided = definition.decide(state, command)
  if (Result.isFailure(decided)) return Result.fail(decided.failure)
  return Result.succeed({ events: decided.success, state: replay(definition, decided.success, state) })
}
