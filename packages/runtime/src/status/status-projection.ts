import {
  type AccessPolicy,
  type ConfidentialityLevel,
  type FieldClassification,
  type Masked,
  masked,
  maskReason,
  type Reader,
  stricterLevel,
  unclassifiedField,
} from "@tixi/core"
import { type ProcessModules, workflowField } from "../access/workflow-field.ts"
import type { AuditedRead } from "../audit/audit-entry.ts"
import type { DeadLetterView, OverdueDeadline, RefusedIntakeView, RuntimeStatus } from "./runtime-status.ts"

/** A value of the status as one reader sees it: itself, or the access model's marker in its place. */
export type ShownOrMasked<Value> = Value | Masked

/** An overdue deadline as a reader sees it: the instance id may be withheld. */
export interface ProjectedOverdueDeadline extends Omit<OverdueDeadline, "instanceId"> {
  readonly instanceId: ShownOrMasked<string>
}

/** A dead letter as a reader sees it: its instance id and error text may be withheld, never the letter. */
export interface ProjectedDeadLetter extends Omit<DeadLetterView, "instanceId" | "error"> {
  readonly instanceId: ShownOrMasked<string>
  readonly error: ShownOrMasked<string>
}

/** A refused intake event as a reader sees it: its event id and reason may be withheld. */
export interface ProjectedRefusedIntake extends Omit<RefusedIntakeView, "eventId" | "reason"> {
  readonly eventId: ShownOrMasked<string>
  readonly reason: ShownOrMasked<string>
}

/**
 * `tixi status` as one reader may see it. The unprojected `RuntimeStatus` is one of these (every
 * value shown), so whatever prints a status prints either.
 */
export interface ProjectedStatus extends Omit<RuntimeStatus, "overdue" | "deadLetters" | "refusedIntake"> {
  readonly overdue: ReadonlyArray<ProjectedOverdueDeadline>
  readonly deadLetters: ReadonlyArray<ProjectedDeadLetter>
  readonly refusedIntake: ReadonlyArray<ProjectedRefusedIntake>
}

/** A status projected for a reader, and what of it the audit trail must hear of. */
export interface StatusProjection {
  readonly status: ProjectedStatus
  readonly reads: ReadonlyArray<AuditedRead>
}

/**
 * The least level of free text a status carries (a dead letter's error, an intake refusal's
 * reason): it quotes what the effect or event carried, and a host's validation error quotes the
 * value it refused (a customer's telephone, an amount). tixi cannot tell which value a text
 * quotes, so it reads the text as it would the handbook's personal and financial data: 秘密.
 */
export const statusFreeTextLevel: ConfidentialityLevel = "secret"

/** The free text of a process's status rows: its workflow's module, at least `statusFreeTextLevel`. */
const freeTextOf = (workflow: FieldClassification): FieldClassification => ({
  level: stricterLevel(workflow.level, statusFreeTextLevel),
  module: workflow.module,
})

/**
 * The one place `tixi status` decides what a reader sees. What can carry customer data:
 * - instance ids (of overdue deadlines and dead letters): a process keyed by the host's record is
 *   keyed by the customer's case or company, so they read as the process's workflow
 *   (`workflowField`: a complaint's at 内部, a credit process's at 秘密 for the credit posts);
 * - dead letters' error texts: free text at the workflow's level, at least `statusFreeTextLevel`;
 * - refused intake events' ids and reasons: refused before any process took them, so nobody can
 *   place them; unclassified (机密, customer information), failing closed.
 * What stays for every reader: process names, statuses and deadline keys (the company's own
 * configuration, not a customer's), every count, dead-letter ids (`tixi retry` needs them),
 * effect kinds, attempts and times, feeds and disk. A withheld value is the access model's marker,
 * never a dropped row: an operator sees that dead letters exist and how many.
 */
export function projectStatus(
  status: RuntimeStatus,
  reader: Reader,
  policy: AccessPolicy,
  processModules: ProcessModules,
): StatusProjection {
  const reads: Array<AuditedRead> = []
  /** Projects the named fields of one row, recording the row's read. */
  const projectRow = <Row extends object, Field extends keyof Row & string>(
    row: Row,
    record: { readonly process: string | undefined; readonly instanceId: string | undefined },
    label: string,
    fields: { readonly [K in Field]: FieldClassification },
  ): Omit<Row, Field> & { readonly [K in Field]: ShownOrMasked<Row[K]> } => {
    const out: Record<string, unknown> = { ...(row as Record<string, unknown>) }
    const shownFields: Array<{ field: string; level: ConfidentialityLevel }> = []
    const maskedFields: Array<{ field: string; level: ConfidentialityLevel; reason: string }> = []
    for (const field of Object.keys(fields) as Array<Field>) {
      const classification = fields[field]
      const reason = maskReason(classification, reader, policy)
      const name = `${label}.${field}`
      if (reason === undefined) shownFields.push({ field: name, level: classification.level })
      else {
        out[field] = masked(classification.level, reason)
        maskedFields.push({ field: name, level: classification.level, reason })
      }
    }
    reads.push({
      record: { process: record.process, instanceId: record.instanceId, shownFields },
      maskedFields,
    })
    return out as Omit<Row, Field> & { readonly [K in Field]: ShownOrMasked<Row[K]> }
  }
  const overdue = status.overdue.map((row) =>
    projectRow(row, row, `overdue.${row.key}`, { instanceId: workflowField(row.process, processModules) }),
  )
  const deadLetters = status.deadLetters.map((row) => {
    const workflow = workflowField(row.process, processModules)
    return projectRow(row, row, `deadLetter.${row.id}`, { instanceId: workflow, error: freeTextOf(workflow) })
  })
  const refusedIntake = status.refusedIntake.map((row) =>
    projectRow(row, { process: undefined, instanceId: undefined }, `refusedIntake.${row.source}`, {
      eventId: unclassifiedField,
      reason: unclassifiedField,
    }),
  )
  return { status: { ...status, overdue, deadLetters, refusedIntake }, reads }
}
