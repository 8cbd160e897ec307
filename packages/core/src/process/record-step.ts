import type { Result } from "effect"
import type { InvalidTransition } from "../errors/refusals.ts"
import type { Decision, FlowState } from "./flow.ts"

/**
 * The most common step of a chart: someone fills in a form (sends the questionnaire, submits the
 * plan) and the event records it as it was filled in, `{ ...command, type: eventType }`. Allowed
 * while the instance stands at one of `statuses`; anywhere else refused with `reason`. A step that
 * decides anything (◇) is written out instead. The flow's event union must hold that event (its
 * fields are the command's), as a `FlowEvent<eventType, StepFields<…>>` does.
 */
export function recordStep<EventType extends string>(
  statuses: string | ReadonlyArray<string>,
  reason: string,
  eventType: EventType,
) {
  const allowed: ReadonlyArray<string> = typeof statuses === "string" ? [statuses] : statuses
  return <State extends FlowState, Command extends { readonly type: string }, Event>(
    state: State,
    command: Command,
    decision: Decision<Event>,
  ): Result.Result<ReadonlyArray<Event>, InvalidTransition> =>
    allowed.includes(state.status)
      ? // The flow's event union holds `eventType` with the command's fields (see above).
        decision.accept({ ...command, type: eventType } as unknown as Event)
      : decision.refuse(reason)
}
