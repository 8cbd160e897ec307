import type { Result } from "effect"
import type { InvalidTransition } from "../errors/refusals.ts"
import type { Actor } from "../roles/actor.ts"
import { actorSchema } from "../roles/actor.ts"
import { type GatedState, pendingApprovalKey } from "./approval-gate.ts"
import { commandShape, type FlowEvent, type ShapedCommand } from "./command-shapes.ts"
import { commandTextSchema } from "./decider-support.ts"
import type { EffectRequest } from "./effect-request.ts"
import type { Decision, FlowState } from "./flow.ts"
import type { HostEffects } from "./host-effects.ts"

/** Ends an open instance (the request was withdrawn, the order cancelled), saying who and why. */
export const cancelCommandSchema = commandShape("Cancel", {
  actor: actorSchema,
  reason: commandTextSchema(2000),
})

/** The `Cancel` command. */
export type CancelCommand = ShapedCommand<typeof cancelCommandSchema>

/** The instance was cancelled; an approval it waited on is withdrawn on the host. */
export type CancelledEvent = FlowEvent<
  "Cancelled",
  { actor: Actor; reason: string; withdrawApprovalKey: string | undefined }
>

/** The `Cancelled` event of a cancel command, withdrawing `pendingApprovalKey` when one was waited on. */
export const cancelledBy = (
  command: CancelCommand,
  pendingApprovalKey: string | undefined,
): CancelledEvent => ({
  type: "Cancelled",
  at: command.at,
  actor: command.actor,
  reason: command.reason,
  withdrawApprovalKey: pendingApprovalKey,
})

/** The effects of a cancellation: the approval still open on the host is withdrawn (撤销). */
export const cancellationEffects = (
  event: CancelledEvent,
  host: HostEffects,
): ReadonlyArray<EffectRequest> =>
  event.withdrawApprovalKey === undefined
    ? []
    : [host.withdrawApproval(event.withdrawApprovalKey, event.reason)]

/**
 * The step that cancels an instance: refused with the reason `refusalOf` gives for the state
 * (ended, or past the point of return), otherwise `Cancelled`, withdrawing the approval when the
 * instance `waiting` at its gate.
 */
export function cancelStep<State extends FlowState & GatedState, Event extends { readonly type: string }>(
  refusalOf: (state: State) => string | undefined,
  waiting: (state: State) => boolean,
): (
  state: State,
  command: CancelCommand,
  decision: Decision<Event>,
) => Result.Result<ReadonlyArray<Event>, InvalidTransition> {
  return (state, command, decision) => {
    const refusal = refusalOf(state)
    if (refusal !== undefined) return decision.refuse(refusal)
    // The flow's event union includes `CancelledEvent` (its Cancel step is this one).
    return decision.accept(
      cancelledBy(command, pendingApprovalKey(state, waiting(state))) as unknown as Event,
    )
  }
}

/**
 * The cancel step most flows have: refused with `refusal` before the instance opens (`none`) and
 * once it has `ended` (or was cancelled); the approval withdrawn while it waits at `waiting`.
 */
export function cancelWhileOpen<
  State extends FlowState & GatedState,
  Event extends { readonly type: string },
>(
  ended: ReadonlyArray<State["status"]>,
  refusal: string,
  waiting: State["status"],
): (
  state: State,
  command: CancelCommand,
  decision: Decision<Event>,
) => Result.Result<ReadonlyArray<Event>, InvalidTransition> {
  const closed = new Set<string>(["none", "cancelled", ...ended])
  return cancelStep<State, Event>(
    (state) => (closed.has(state.status) ? refusal : undefined),
    (state) => state.status === waiting,
  )
}
