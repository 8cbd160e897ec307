import type { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition } from "../errors/refusals.ts"
import type { PersonId } from "../ids/ids.ts"
import { type Label, label } from "../labels/label.ts"
import { actorSchema } from "../roles/actor.ts"
import type { Instant } from "../time/instant.ts"
import { commandShape, type FlowEvent, type ShapedCommand, type StepFields } from "./command-shapes.ts"
import { commandTextSchema } from "./decider-support.ts"
import type { Assignee, NotifyRequest } from "./effect-request.ts"
import type { Decision } from "./flow.ts"
import type { HostEffects } from "./host-effects.ts"

/** ② 审核 before an approval ✓: the reviewer's verdict on a draft (a document, a standard), with comments. */
export const reviewCommandSchema = commandShape("Review", {
  reviewer: actorSchema,
  passed: z.boolean(),
  comments: commandTextSchema(2000).optional(),
})

/** The `Review` command. */
export type ReviewCommand = ShapedCommand<typeof reviewCommandSchema>

/** The review recorded: passed goes on to the approval, otherwise the draft goes back to its author. */
export type ReviewedEvent = FlowEvent<"Reviewed", StepFields<ReviewCommand, "Review">>

/** What a flow tells `reviewStep`: when a review is awaited, whose draft it is, how its approval opens. */
export interface ReviewStepOptions<State, Event> {
  /** Why the state awaits no review, or undefined when it does. */
  readonly refusalOf: (state: State) => string | undefined
  /** The draft's author, who may not review it (编审分离). */
  readonly authorOf: (state: State) => PersonId | undefined
  /** The event opening the approval under `approvalKey`, decided with the review that passed. */
  readonly approvalRequested: (state: State, at: Instant, approvalKey: string) => Event
}

/**
 * The step of a review before an approval: refused when none is awaited or when the author
 * reviews their own draft; `Reviewed`, and when it passed the event opening the approval, keyed
 * as the runner keys the effect of the event after `Reviewed`.
 */
export function reviewStep<State, Event extends { readonly type: string }>(
  options: ReviewStepOptions<State, Event>,
): (
  state: State,
  command: ReviewCommand,
  decision: Decision<Event>,
) => Result.Result<ReadonlyArray<Event>, InvalidTransition> {
  return (state, command, decision) => {
    const refusal = options.refusalOf(state)
    if (refusal !== undefined) return decision.refuse(refusal)
    if (command.reviewer.personId === options.authorOf(state))
      return decision.refuse("the author may not review their own draft")
    // The flow's event union includes `ReviewedEvent` (its Review step is this one).
    const reviewed = { ...command, type: "Reviewed" } as unknown as Event
    if (!command.passed) return decision.accept(reviewed)
    return decision.accept(
      reviewed,
      options.approvalRequested(state, command.at, decision.keyAt(1, "approval.submit")),
    )
  }
}

/** The notice to the author that a draft was sent back (review not passed, approval refused), with the comments. */
export const sentBackNotice = (
  host: HostEffects,
  author: Assignee,
  title: Label,
  comments: string | undefined,
): NotifyRequest =>
  host.notify(
    [author],
    "warning",
    title,
    label(comments ?? "请修改后重新提交", comments ?? "revise and submit again"),
  )
