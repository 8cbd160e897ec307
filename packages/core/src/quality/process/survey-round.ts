import { Result } from "effect"
import { type InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { FlowEvent } from "../../process/command-shapes.ts"
import type { Decision } from "../../process/flow.ts"
import type { Role } from "../../roles/role.ts"
import type { Instant } from "../../time/instant.ts"
import { parseSurveyDefinition, type SurveyDefinition } from "../schema/survey-definition.ts"
import { parseSurveyResponse, type SurveyResponse } from "../schema/survey-response.ts"

/**
 * What the collection steps read of a survey round (satisfaction, loyalty): where it stands,
 * its questionnaire and the answers so far. Every round collects the same way, so the steps are
 * written once.
 */
export interface CollectingState {
  readonly status: string
  readonly definition: SurveyDefinition | undefined
  readonly responses: ReadonlyArray<SurveyResponse>
}

/** One answer recorded, and the collection closed with how many came back. */
export type CollectionEvent =
  | FlowEvent<"ResponseRecorded", { response: SurveyResponse }>
  | FlowEvent<"CollectionClosed", { responses: number }>

type CollectionStep<Command> = <State extends CollectingState, Event>(
  state: State,
  command: Command,
  decision: Decision<Event>,
) => Result.Result<ReadonlyArray<Event>, InvalidTransition | PolicyRefusal | ValidationError>

/**
 * 回收问卷: one answer while the round is `collecting`, checked against its questionnaire, one per
 * whoever `whoOf` names (the respondent, or the customer a loyalty round measures); `rule` names
 * the refusal of a second answer.
 */
export const recordResponseStep =
  (
    rule: string,
    noun: string,
    whoOf: (response: SurveyResponse) => string,
  ): CollectionStep<{ readonly at: Instant; readonly response: unknown }> =>
  (state, command, decision) => {
    if (state.status !== "collecting")
      return decision.refuse("responses are collected only while the survey is in the field")
    const response = parseSurveyResponse(state.definition!, command.response)
    if (Result.isFailure(response)) return Result.fail(response.failure)
    const who = whoOf(response.success)
    if (state.responses.some((existing) => whoOf(existing) === who))
      return Result.fail(new PolicyRefusal({ rule, detail: `${noun} ${who} has already answered` }))
    const recorded: CollectionEvent = { type: "ResponseRecorded", at: command.at, response: response.success }
    // the flow's event union includes `CollectionEvent` (its collection steps are these)
    return decision.accept(recorded as unknown as never)
  }

/** 回收结束: by hand, or the fieldwork timer — which may fire after a manual close and then changes nothing. */
export const closeCollectionStep: CollectionStep<{ readonly at: Instant }> = (state, command, decision) => {
  if (state.status === "collected") return decision.accept()
  if (state.status !== "collecting") return decision.refuse("the survey is not collecting")
  const closed: CollectionEvent = {
    type: "CollectionClosed",
    at: command.at,
    responses: state.responses.length,
  }
  return decision.accept(closed as unknown as never)
}

/**
 * ◇ enough responses? The check of a round's analysis (`verb`: evaluate, measure, analyse) against
 * the policy's `minimum`: refused under `rule` below it unless forced (figures from a handful of
 * answers are noise); otherwise whether the figures are below the minimum, to mark them so.
 */
export const minimumResponsesCheck =
  (minimum: number, rule: string, verb: string) =>
  (responses: number, force: boolean | undefined): Result.Result<boolean, PolicyRefusal> =>
    responses >= minimum
      ? Result.succeed(false)
      : force
        ? Result.succeed(true)
        : Result.fail(
            new PolicyRefusal({
              rule,
              detail: `${responses} responses, below the minimum of ${minimum}; ${verb} with force to report indicative figures`,
            }),
          )

/** The steps of a ✓ that the policy's roles approve one after the other, each as a whole (会签 by role). */
export const approverSteps = (roles: ReadonlyArray<Role>) =>
  roles.map((role) => ({ mode: "all" as const, approvers: [{ role }] }))

/**
 * ① the questionnaire of a round's plan, drafted before submission or redrafted after its ✓ sent
 * it back, under the id it was first drafted with; the definition checked (`ValidationError`
 * naming the field).
 */
export function draftedDefinition<Event>(
  state: { readonly status: string; readonly id: string },
  command: { readonly id: string; readonly definition: unknown },
  decision: Decision<Event>,
): Result.Result<SurveyDefinition, InvalidTransition | ValidationError> {
  if (state.status !== "none" && state.status !== "drafted")
    return decision.refuse("the plan can only be drafted before it is submitted")
  if (state.status === "drafted" && command.id !== state.id)
    return decision.refuse("the survey's id cannot change")
  return parseSurveyDefinition(command.definition)
}
