import type { Result } from "effect"
import type { InvalidTransition } from "../errors/refusals.ts"
import type { DecideApproval } from "./approval-decision.ts"
import { decideAtGate, type GatedState } from "./approval-gate.ts"
import type { Decision } from "./flow.ts"

/** The names of the two events a ✓ gate decides (see `GateDecisionEvents`). */
export interface GateEventTypes<Approved extends string = string, Returned extends string = string> {
  readonly approved: Approved
  readonly returned: Returned
}

/** The event names of a gate named after its form: `${Gate}Approved` and `${Gate}Returned`. */
export const gateEventTypes = <const Gate extends string>(
  gate: Gate,
): GateEventTypes<`${Gate}Approved`, `${Gate}Returned`> => ({
  approved: `${gate}Approved`,
  returned: `${gate}Returned`,
})

/**
 * The `DecideApproval` step of a flow whose gate does nothing but record the decision: while
 * `waiting`, an approval becomes `events.approved` and a return `events.returned`, each with the
 * decision's fields (`decideAtGate` refuses or ignores everything else). A flow with two gates
 * passes `events` as a function of the state; one whose approval decides more (schedules, picks a
 * different event by purpose) writes its step out.
 */
export function gateDecisionStep<State extends GatedState>(
  waiting: (state: State) => boolean,
  events: GateEventTypes | ((state: State) => GateEventTypes),
) {
  return <Command extends DecideApproval, Event>(
    state: State,
    command: Command,
    decision: Decision<Event>,
  ): Result.Result<ReadonlyArray<Event>, InvalidTransition> => {
    const types = typeof events === "function" ? events(state) : events
    // The flow's event union holds both types with the decision's fields, as `GateDecisionEvents` does.
    return decideAtGate<Event, InvalidTransition>(state, command, waiting(state), decision, {
      approved: (decided) => decision.accept({ type: types.approved, ...decided } as unknown as Event),
      returned: (decided) => decision.accept({ type: types.returned, ...decided } as unknown as Event),
    })
  }
}
