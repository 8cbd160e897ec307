import { z } from "zod"
import type { DepartmentId, PersonId } from "../ids/ids.ts"
import { type Actor, actorSchema } from "../roles/actor.ts"
import { commandTextSchema } from "./decider-support.ts"
import { departmentIdSchema } from "./department-id-schema.ts"

/** One department's verdict on the draft of the current round (相关部门会审). */
export interface DepartmentReview {
  readonly department: DepartmentId
  readonly reviewer: PersonId
  readonly passed: boolean
  readonly comments: string | undefined
}

/** The fields of a department's review command, shared by the flows whose drafts every department concerned reviews. */
export const departmentReviewFields = {
  department: departmentIdSchema,
  reviewer: actorSchema,
  passed: z.boolean(),
  comments: commandTextSchema(2000).optional(),
}

/** A review round: the departments concerned and the verdicts given so far. */
export interface DepartmentReviewRound {
  readonly departments: ReadonlyArray<DepartmentId>
  readonly reviews: ReadonlyArray<DepartmentReview>
}

/** A department's verdict as the command brings it. */
export interface DepartmentVerdict {
  readonly department: DepartmentId
  readonly reviewer: Actor
  readonly passed: boolean
  readonly comments?: string | undefined
}

/**
 * Why a verdict may not count, or undefined when it may: only departments concerned review,
 * each once a round, and the author never reviews their own draft (`what`: "draft", "design").
 */
export function departmentReviewRefusal(
  round: DepartmentReviewRound,
  verdict: DepartmentVerdict,
  author: PersonId | undefined,
  names: { readonly what: string; readonly author: string },
): string | undefined {
  if (!round.departments.includes(verdict.department))
    return `department ${verdict.department} is not among those concerned`
  if (round.reviews.some((review) => review.department === verdict.department))
    return `department ${verdict.department} already reviewed this ${names.what}`
  if (verdict.reviewer.personId === author)
    return `the ${names.author} may not review their own ${names.what}`
  return undefined
}

/** Whether this verdict is the last of the round and every department passed, so the approval opens. */
export const completesRound = (round: DepartmentReviewRound, verdict: DepartmentVerdict): boolean =>
  verdict.passed && round.reviews.length + 1 === round.departments.length

/** The round's verdicts with this one added. */
export const withVerdict = (
  round: DepartmentReviewRound,
  { department, reviewer, passed, comments }: DepartmentVerdict,
): ReadonlyArray<DepartmentReview> => [
  ...round.reviews,
  { department, reviewer: reviewer.personId, passed, comments },
]

/** The verdicts as the approvers read them, one department a line. */
export const reviewLines = (round: DepartmentReviewRound): string =>
  round.reviews.map((review) => `${review.department}: ${review.comments ?? "同意 agreed"}`).join("\n")
