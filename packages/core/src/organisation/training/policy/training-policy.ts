import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../../errors/validation-error.ts"
import { Role } from "../../../roles/role.ts"

/** The company's rules for training (002 3.4, 3.5); the defaults are the handbooks' practice. */
export interface TrainingPolicy {
  readonly version: string
  /** Who approves a training plan and its budget (审批 ✓) and receives the report. */
  readonly approver: Role
  /** The post test mark (0–100) a trainee passes at: Kirkpatrick level 2, learning. */
  readonly passMark: number
  /** The mean course rating (1–5) a course should reach: Kirkpatrick level 1, reaction. */
  readonly reactionTarget: number
  /**
   * The share of sessions a trainee must attend to complete the plan; one who misses more is
   * not assessed as trained however they score, since the test alone does not show the practice.
   */
  readonly minimumAttendance: number
  /** Days after the last session until the evaluation is reminded. */
  readonly evaluateWithinDays: number
}

/** Approval by the manager, pass at 60, courses rated 4 of 5, 80 % attendance, evaluation within 7 days. */
export const defaultTrainingPolicy: TrainingPolicy = {
  version: "handbook-2026.1",
  approver: "manager",
  passMark: 60,
  reactionTarget: 4,
  minimumAttendance: 0.8,
  evaluateWithinDays: 7,
}

/** The validator of a training policy. */
export const trainingPolicySchema = z.strictObject({
  version: z.string().min(1),
  approver: Role.schema,
  passMark: z.number().min(0).max(100),
  reactionTarget: z.number().min(1).max(5),
  minimumAttendance: z.number().min(0).max(1),
  evaluateWithinDays: z.number().int().min(1).max(90),
})

/** Validates a company's training policy, naming every bad field. */
export function parseTrainingPolicy(input: unknown): Result.Result<TrainingPolicy, ValidationError> {
  return parseWith("policy.training", trainingPolicySchema as unknown as z.ZodType<TrainingPolicy>, input)
}
