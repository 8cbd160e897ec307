import { z } from "zod"
import type { PersonId } from "../../ids/ids.ts"
import type { DeepReadonly } from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import { personIdSchema } from "../../roles/actor.ts"
import type { MonitoringSheet } from "../models/monitoring-score.ts"

/**
 * A monitoring sheet (呼叫业务质量监控表) as a command carries it: one call, the evaluator, the
 * scorecard's lines scored or marked not applicable, the critical errors seen. The flows that
 * score calls (quality monitoring, the operating cycle's appraisal) read it with
 * `monitoringSheetOf` and score it with `scoreMonitoringSheet` against the policy's scorecard.
 */
export const monitoringSheetInputSchema = z.strictObject({
  callId: commandIdSchema,
  evaluator: personIdSchema,
  lines: z
    .array(
      z.strictObject({
        itemId: commandTextSchema(80),
        points: z.number().finite().optional(),
        notApplicable: z.boolean().optional(),
        comment: commandTextSchema(500).optional(),
      }),
    )
    .max(200),
  criticalErrors: z.array(commandTextSchema(80)).max(20),
})

/** A monitoring sheet as a command carries it. */
export type MonitoringSheetInput = DeepReadonly<z.output<typeof monitoringSheetInputSchema>>

/** The sheet the scoring model reads, for the call of `agentId`; absent boxes stay absent. */
export function monitoringSheetOf(input: MonitoringSheetInput, agentId: PersonId): MonitoringSheet {
  return {
    callId: input.callId,
    agentId,
    evaluatorId: input.evaluator,
    criticalErrors: input.criticalErrors,
    lines: input.lines.map(({ itemId, points, notApplicable, comment }) => ({
      itemId,
      ...(points === undefined ? {} : { points }),
      ...(notApplicable === undefined ? {} : { notApplicable }),
      ...(comment === undefined ? {} : { comment }),
    })),
  }
}
