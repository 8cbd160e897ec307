import { CallCenter, type PersonId } from "@tixi/core"

/**
 * A monitoring sheet of `callId` by `evaluator` scoring every line of the default scorecard at
 * `share` of its points, with the critical errors given.
 */
export const scoredSheet = (
  callId: string,
  evaluator: PersonId,
  share: number,
  criticalErrors: ReadonlyArray<string> = [],
) => ({
  callId,
  evaluator,
  criticalErrors: [...criticalErrors],
  lines: CallCenter.defaultScorecard.sections.flatMap((section) =>
    section.items.map((item) => ({ itemId: item.id, points: item.points * share })),
  ),
})
