import { z } from "zod"
import type { ShapedCommand } from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import { NonconformitySeverity } from "../labels/quality-labels.ts"

const words = commandTextSchema(5000)

/**
 * The validator of one checklist line as a quality review records it (客户服务质量检查表): what
 * was checked against which standard, and whether it conformed.
 */
export const checklistLineSchema = z.strictObject({
  item: words,
  standard: words,
  conforming: z.boolean(),
  finding: words.optional(),
})

/** One line of the checklist as recorded (客户服务质量检查表). */
export type ChecklistLine = ShapedCommand<typeof checklistLineSchema>

/** The validator of a non-conformity as a review finds it, before any correction (不合格项). */
export const nonconformityFindingSchema = z.strictObject({
  id: commandIdSchema,
  description: words,
  /** The standard or clause it breaches (客户服务质量标准规范 §…). */
  standard: words,
  severity: NonconformitySeverity.schema,
})

/** A non-conformity as found. */
export type NonconformityFinding = ShapedCommand<typeof nonconformityFindingSchema>
