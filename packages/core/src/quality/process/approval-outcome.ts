import type { ApprovalOutcomeEvent } from "../../ports/approvals.ts"
import type { ReviewCommand } from "./quality-review.ts"
import type { SurveyApproval, SurveyCommand } from "./satisfaction-survey.ts"

const surveyApprovalOf: Readonly<Record<string, SurveyApproval>> = {
  "quality.survey.plan": "plan",
  "quality.survey.improvementPlan": "improvementPlan",
}

const decisionOf = (event: ApprovalOutcomeEvent) => ({
  at: event.at,
  outcome: event.outcome,
  ...(event.comment !== undefined && event.comment.trim().length > 0 ? { comment: event.comment } : {}),
})

/**
 * The command that feeds an approvals host's decision on a survey plan or an improvement plan
 * back to the survey cycle waiting on it (`businessKey` is the survey id, the instance to deliver
 * to). Returns undefined for approvals of other request types.
 */
export function surveyApprovalCommand(
  event: ApprovalOutcomeEvent,
): Extract<SurveyCommand, { type: "DecideApproval" }> | undefined {
  const approval = surveyApprovalOf[event.requestType]
  if (approval === undefined) return undefined
  return { type: "DecideApproval", approval, ...decisionOf(event) }
}

/**
 * The review instance and command an approvals host's decision on a corrective action means: the
 * submission's `businessKey` is `<review id>/<non-conformity id>`, and the review waits on the
 * decision for that non-conformity. Returns undefined for approvals of other request types and
 * for business keys not of that shape.
 */
export function correctiveActionApprovalCommand(
  event: ApprovalOutcomeEvent,
):
  | { readonly reviewId: string; readonly command: Extract<ReviewCommand, { type: "DecideApproval" }> }
  | undefined {
  if (event.requestType !== "quality.correctiveAction") return undefined
  // Non-conformity ids are the review's own numbers; a review id may itself contain a slash.
  const split = event.businessKey.lastIndexOf("/")
  if (split <= 0 || split === event.businessKey.length - 1) return undefined
  return {
    reviewId: event.businessKey.slice(0, split),
    command: {
      type: "DecideApproval",
      nonconformityId: event.businessKey.slice(split + 1),
      ...decisionOf(event),
    },
  }
}
