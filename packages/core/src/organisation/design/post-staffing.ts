import { z } from "zod"
import { serviceTargetShape, staffInterval } from "../../callcenter/models/agents-for.ts"
import { scheduledAgentsFor } from "../../callcenter/models/shrinkage.ts"
import { intervalTrafficShape } from "../../callcenter/models/traffic.ts"
import { commandTextSchema } from "../../process/decider-support.ts"

/**
 * How one post's headcount is derived (③ 定岗定编): agents who answer calls are queueing
 * servers, so Erlang C over the peak interval gives the fewest who meet the service level;
 * every other post's work is a stock of hours, so workload ÷ capacity is honest enough.
 */
export const staffingBasisSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("calls"),
    ...intervalTrafficShape,
    ...serviceTargetShape,
    /** Share of paid time off the phones (breaks, training, leave), in [0, 1). */
    shrinkage: z.number().min(0, "must not be negative").lt(1, "must be below 1"),
  }),
  z.strictObject({
    kind: z.literal("workload"),
    /** Hours of the post's work a week (cases × hours per case). */
    workloadHoursPerWeek: z.number().finite().min(0, "must not be negative"),
    /** Productive hours one person gives the post a week. */
    hoursPerPersonPerWeek: z.number().finite().positive("must be positive"),
  }),
])

/** The basis of a post's headcount, checked before the decider reads it. */
export type StaffingBasis = z.infer<typeof staffingBasisSchema>

/** One post's row of the staffing plan as the designer enters it, with why. */
export const postStaffingInputSchema = z.strictObject({
  post: z.string().min(1).max(64),
  basis: staffingBasisSchema,
  reason: commandTextSchema(1000),
})

/** One post's planned headcount, with the basis it came from, so the reviewers can check the sum. */
export interface PostStaffing {
  readonly post: string
  readonly basis: StaffingBasis
  readonly headcount: number
  readonly reason: string
}

/**
 * The headcount a validated basis gives: Erlang C agents grossed up for shrinkage, or the
 * workload rounded up to whole people (a post with any work has at least one holder).
 */
export function headcountFor(basis: StaffingBasis): number {
  if (basis.kind === "calls") {
    const { shrinkage, kind: _kind, maxOccupancy, ...interval } = basis
    const staffed = staffInterval({ ...interval, ...(maxOccupancy === undefined ? {} : { maxOccupancy }) })
    return scheduledAgentsFor(staffed.agents, shrinkage)
  }
  // The epsilon keeps 120 / 40 = 3.0000000000000004 from becoming 4.
  return Math.ceil(basis.workloadHoursPerWeek / basis.hoursPerPersonPerWeek - 1e-9)
}
