import { z } from "zod"
import { managementLadder, Role, rankOf } from "../roles/role.ts"
import type { LadderRung } from "./escalation-ladder.ts"

/**
 * The zod validator of an escalation ladder as a policy states it (the `rungs` `scheduleLadder`
 * takes): each rung a post above the officer and higher than the one below, none due before the
 * one below. Every flow whose policy a company writes checks its ladder the same way, and a bad
 * rung is named by its index and field.
 */
export const ladderRungsSchema: z.ZodType<ReadonlyArray<LadderRung>> = z
  .array(
    z.strictObject({
      role: Role.schema,
      afterDueWorkingMinutes: z.number().int("must be whole working minutes").min(0).max(1_000_000),
    }),
  )
  .max(managementLadder.length - 1)
  .superRefine((rungs, context) => {
    rungs.forEach((rung, index) => {
      const below = rungs[index - 1]
      const issue = (field: string, message: string) =>
        context.addIssue({ code: "custom", path: [index, field], message })
      if (rankOf(rung.role) <= 0)
        issue("role", "escalation goes to a post on the management ladder above the officer")
      else if (below !== undefined && rankOf(rung.role) <= rankOf(below.role))
        issue("role", "each rung must be higher than the one below")
      if (below !== undefined && rung.afterDueWorkingMinutes < below.afterDueWorkingMinutes)
        issue("afterDueWorkingMinutes", "must not come before the rung below")
    })
  })
