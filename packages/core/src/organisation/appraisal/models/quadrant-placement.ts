import { Result } from "effect"
import { z } from "zod"
import { durationFigures } from "../../../complaints/models/figures.ts"
import { parseWith, type ValidationError } from "../../../errors/validation-error.ts"
import { Post } from "../../post.ts"
import {
  AbilityPerformanceQuadrant,
  type QuadrantAction,
  quadrantActions,
  quadrantOf,
} from "../labels/ability-performance-quadrant.ts"
import {
  type AppraisalPolicy,
  defaultAppraisalPolicy,
  type QuadrantLines,
} from "../policy/appraisal-policy.ts"

/** One person's appraisal data: an ability score and a performance score, each 0–100. */
export interface AppraisedPerson {
  readonly personId: string
  readonly name?: string | undefined
  readonly post?: Post | undefined
  /** The supervisor's assessment of ability (skills, knowledge, training assessments). */
  readonly ability: number
  /** The period's performance, e.g. a `PerformanceScore`'s score. */
  readonly performance: number
}

/** A person placed on 图1-1 with what 001 says to do. */
export interface QuadrantPlacement extends AppraisedPerson {
  readonly quadrant: AbilityPerformanceQuadrant
  readonly action: QuadrantAction
}

/** How many of the team sit in one quadrant. */
export interface QuadrantShare {
  readonly quadrant: AbilityPerformanceQuadrant
  readonly action: QuadrantAction
  readonly count: number
  /** Of the team, 0–1. */
  readonly share: number
  readonly personIds: ReadonlyArray<string>
}

/** The team on the ability × performance quadrant, with the lines that split it. */
export interface QuadrantAnalysis {
  readonly lines: { readonly basis: QuadrantLines; readonly ability: number; readonly performance: number }
  readonly placements: ReadonlyArray<QuadrantPlacement>
  /** A, B, C, D in order, empty quadrants included. */
  readonly distribution: ReadonlyArray<QuadrantShare>
}

const score = z.number().finite().min(0).max(100)
const peopleSchema = z
  .array(
    z.strictObject({
      personId: z.string().min(1),
      name: z.string().optional(),
      post: Post.schema.optional(),
      ability: score,
      performance: score,
    }),
  )
  .min(1, "place at least one person")
  .superRefine((people, context) => {
    const seen = new Set<string>()
    people.forEach((person, index) => {
      if (seen.has(person.personId))
        context.addIssue({ code: "custom", path: [index, "personId"], message: "appears twice" })
      seen.add(person.personId)
    })
  })

/** The median, to two decimals: scores carry one, and a line of 89.69999… reads as noise. */
const medianOf = (scores: ReadonlyArray<number>) => Math.round(durationFigures(scores).median! * 100) / 100

/**
 * Places a team on 001's ability × performance quadrant (图1-1): high on an axis means at or
 * above its line — the team's median by default, or the company's cut-offs (see `QuadrantLines`).
 * Each person gets the quadrant and 001's action (留住 A, 培训 B, 激励 C, 培训、鉴定或淘汰 D); the
 * distribution shows the team's shape, e.g. many in C is a motivation problem, not a skills one.
 */
export function placeOnQuadrant(
  people: ReadonlyArray<AppraisedPerson>,
  policy: AppraisalPolicy = defaultAppraisalPolicy,
): Result.Result<QuadrantAnalysis, ValidationError> {
  const parsed = parseWith("organisation.appraisedPeople", peopleSchema, people)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const team = parsed.success
  const lines =
    policy.quadrantLines === "teamMedian"
      ? {
          basis: "teamMedian" as const,
          ability: medianOf(team.map((person) => person.ability)),
          performance: medianOf(team.map((person) => person.performance)),
        }
      : { basis: "cutOffs" as const, ...policy.cutOffs }
  const placements = team.map((person): QuadrantPlacement => {
    const quadrant = quadrantOf(person.ability >= lines.ability, person.performance >= lines.performance)
    return { ...person, quadrant, action: quadrantActions[quadrant] }
  })
  const distribution = AbilityPerformanceQuadrant.values.map((quadrant): QuadrantShare => {
    const personIds = placements.filter((each) => each.quadrant === quadrant).map((each) => each.personId)
    return {
      quadrant,
      action: quadrantActions[quadrant],
      count: personIds.length,
      share: personIds.length / placements.length,
      personIds,
    }
  })
  return Result.succeed({ lines, placements, distribution })
}
