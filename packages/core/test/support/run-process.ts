import {
  type AnyProcessDefinition,
  type CommandOf,
  type EffectRequest,
  type EventOf,
  handle,
  type RefusalOf,
  type StateOf,
} from "@tixi/core"
import { Result } from "effect"

/** An instance driven command by command, recording every event and the effects it asked for. */
export interface Driven<Definition extends AnyProcessDefinition> {
  state: StateOf<Definition>
  readonly events: Array<EventOf<Definition>>
  readonly effects: Array<EffectRequest>
  /** Decides a command; returns the refusal or the events it produced. */
  send(
    command: CommandOf<Definition>,
  ): Result.Result<ReadonlyArray<EventOf<Definition>>, RefusalOf<Definition>>
  /** Like `send`, but fails the test on a refusal. */
  must(command: CommandOf<Definition>): ReadonlyArray<EventOf<Definition>>
}

/**
 * Drives a process definition the way a runner does: decide, fold each event, and collect the
 * effects of each event with its step context (the instance id and the event's sequence).
 */
export function drive<Definition extends AnyProcessDefinition>(
  definition: Definition,
  instanceId: string,
): Driven<Definition> {
  const driven: Driven<Definition> = {
    state: definition.initialState,
    events: [],
    effects: [],
    send(command) {
      const handled = handle(definition, driven.state, command)
      if (Result.isFailure(handled)) return Result.fail(handled.failure)
      let state = driven.state
      for (const event of handled.success.events) {
        state = definition.evolve(state, event)
        driven.effects.push(
          ...definition.effects(state, event, { instanceId, sequence: driven.events.length }),
        )
        driven.events.push(event)
      }
      driven.state = state
      return Result.succeed(handled.success.events)
    },
    must(command) {
      const result = driven.send(command)
      if (Result.isFailure(result)) throw new Error(`refused: ${String((result.failure as Error).message)}`)
      return result.success
    },
  }
  return driven
}
