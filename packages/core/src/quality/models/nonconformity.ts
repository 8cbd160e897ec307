import type { PersonId } from "../../ids/index.ts"
import type { Instant } from "../../time/instant.ts"
import type { NonconformityStatus } from "../labels/quality-labels.ts"
import type { NonconformityFinding } from "../schema/review-findings.ts"

/** A non-conformity as the process tracks it through correction (不合格项改正措施). */
export interface Nonconformity extends NonconformityFinding {
  readonly status: NonconformityStatus
  /** How many corrective actions were tried; an ineffective one sends it round the loop again. */
  readonly attempts: number
  readonly rootCause: string | undefined
  readonly correction: string | undefined
  readonly correctiveAction: string | undefined
  readonly responsible: PersonId | undefined
  readonly dueAt: Instant | undefined
  readonly overdue: boolean
  readonly evidence: string | undefined
  readonly verification:
    | { readonly effective: boolean; readonly note: string; readonly by: PersonId; readonly at: Instant }
    | undefined
  readonly rejection: string | undefined
}

/** What a new corrective action starts from: nothing done, checked or sent back yet. */
export const untriedAction = {
  overdue: false,
  evidence: undefined,
  verification: undefined,
  rejection: undefined,
}

/** A non-conformity as found, before any corrective action (its fields named: a second spread costs more). */
export const openedNonconformity = (finding: NonconformityFinding): Nonconformity => ({
  ...untriedAction,
  id: finding.id,
  description: finding.description,
  standard: finding.standard,
  severity: finding.severity,
  status: "open",
  attempts: 0,
  rootCause: undefined,
  correction: undefined,
  correctiveAction: undefined,
  responsible: undefined,
  dueAt: undefined,
})
