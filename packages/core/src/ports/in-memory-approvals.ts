import { Clock, Context, Effect, Layer } from "effect"
import { InvalidRequest, NotFound, PortFailure } from "../errors/port-failure.ts"
import { type ApprovalId, approvalId, type PersonId } from "../ids/ids.ts"
import type { Instant } from "../time/instant.ts"
import {
  type ApprovalDecision,
  type ApprovalOutcomeEvent,
  type ApprovalRecord,
  type ApprovalSubmission,
  Approvals,
  type ApprovalsService,
} from "./approvals.ts"

/** What an approver decides in the in-memory host. */
export interface InMemoryDecisionInput {
  readonly approver: PersonId
  readonly outcome: "approved" | "rejected"
  readonly comment?: string
  readonly at: Instant
}

/**
 * Test and simulation controls of the in-memory approvals host: act as an approver, read what was
 * submitted, and collect the outcome events a real host would deliver through its callbacks.
 */
export interface InMemoryApprovalsControl {
  readonly submissions: () => ReadonlyArray<ApprovalSubmission>
  readonly records: () => ReadonlyArray<ApprovalRecord>
  readonly pending: () => ReadonlyArray<ApprovalRecord>
  /**
   * An approver decides. With `any` (或签) one approval finishes the step; with `all` (会签) every
   * approver must approve; any rejection rejects the whole approval. Returns the outcome event
   * when the approval finished, undefined while it continues.
   */
  readonly decide: (id: ApprovalId, decision: InMemoryDecisionInput) => ApprovalOutcomeEvent | undefined
  /** Outcome events not yet taken, oldest first; taking them empties the queue. */
  readonly takeOutcomes: () => ReadonlyArray<ApprovalOutcomeEvent>
}

/** The in-memory approvals host's control handle, provided beside `Approvals`. */
export class InMemoryApprovals extends Context.Service<InMemoryApprovals, InMemoryApprovalsControl>()(
  "@tixi/core/ports/InMemoryApprovals",
) {
  /** A fresh in-memory approvals host providing `Approvals` and its controls. */
  static readonly layer = () =>
    Layer.effectContext(
      Effect.gen(function* () {
        const { service, control } = yield* makeInMemoryApprovals()
        return Context.make(Approvals, service).pipe(Context.add(InMemoryApprovals, control))
      }),
    )
}

interface Entry {
  readonly submission: ApprovalSubmission
  record: ApprovalRecord
  /** The step being decided, 0-based. */
  step: number
  /** Who has approved the current step. */
  approvedBy: Set<PersonId>
}

/** Builds an in-memory approvals host with deterministic ids (`mem-approval-1`, …). */
export const makeInMemoryApprovals = () =>
  Effect.sync(() => {
    const byId = new Map<string, Entry>()
    const byKey = new Map<string, Entry>()
    const outcomes: Array<ApprovalOutcomeEvent> = []
    let sequence = 0

    const fail = (operation: string, reason: PortFailure["reason"], detail: string) =>
      new PortFailure({ port: "Approvals", operation, reason, detail })

    const finish = (
      entry: Entry,
      outcome: ApprovalOutcomeEvent["outcome"],
      at: Instant,
      by?: PersonId,
      comment?: string,
    ) => {
      entry.record = { ...entry.record, state: outcome, finishedAt: at }
      const event: ApprovalOutcomeEvent = {
        eventId: `mem-approval-event-${outcomes.length + 1}-${entry.record.id}`,
        approvalId: entry.record.id,
        key: entry.record.key,
        businessKey: entry.record.businessKey,
        requestType: entry.record.requestType,
        outcome,
        decidedBy: by,
        comment,
        at,
      }
      outcomes.push(event)
      return event
    }

    const validate = (submission: ApprovalSubmission): PortFailure | undefined => {
      const problems: Array<{ field: string; message: string }> = []
      if (submission.key.length === 0) problems.push({ field: "key", message: "must not be empty" })
      if (submission.steps.length === 0) problems.push({ field: "steps", message: "needs at least one step" })
      submission.steps.forEach((step, index) => {
        if (step.approvers.length === 0)
          problems.push({ field: `steps[${index}].approvers`, message: "nobody to approve" })
        if (step.approvers.length > 20)
          problems.push({ field: `steps[${index}].approvers`, message: "at most 20 approvers" })
      })
      if (problems.length === 0) return undefined
      return fail(
        "submit",
        new InvalidRequest({ fields: problems }),
        problems.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
      )
    }

    const service: ApprovalsService = {
      host: "memory",
      submit: (submission) =>
        Effect.gen(function* () {
          const existing = byKey.get(submission.key)
          if (existing) return existing.record
          const problem = validate(submission)
          if (problem) return yield* problem
          const now = yield* Clock.currentTimeMillis
          const id = approvalId(`mem-approval-${++sequence}`)
          const entry: Entry = {
            submission,
            step: 0,
            approvedBy: new Set(),
            record: {
              id,
              key: submission.key,
              businessKey: submission.businessKey,
              requestType: submission.requestType,
              state: "pending",
              decisions: [],
              submittedAt: now,
              finishedAt: undefined,
            },
          }
          byId.set(id, entry)
          byKey.set(submission.key, entry)
          return entry.record
        }),
      withdraw: (id, reason) =>
        Effect.gen(function* () {
          const entry = byId.get(id)
          if (!entry)
            return yield* fail("withdraw", new NotFound({ resource: "approval", id }), `no approval ${id}`)
          if (entry.record.state === "withdrawn") return entry.record
          if (entry.record.state !== "pending") {
            return yield* fail(
              "withdraw",
              new InvalidRequest({ fields: [{ field: "id", message: `approval is ${entry.record.state}` }] }),
              `cannot withdraw a ${entry.record.state} approval`,
            )
          }
          const now = yield* Clock.currentTimeMillis
          finish(entry, "withdrawn", now, undefined, reason)
          return entry.record
        }),
      get: (id) =>
        Effect.suspend(() => {
          const entry = byId.get(id)
          return entry
            ? Effect.succeed(entry.record)
            : Effect.fail(fail("get", new NotFound({ resource: "approval", id }), `no approval ${id}`))
        }),
      findByKey: (key) => Effect.sync(() => byKey.get(key)?.record),
    }

    const control: InMemoryApprovalsControl = {
      submissions: () => [...byId.values()].map((entry) => entry.submission),
      records: () => [...byId.values()].map((entry) => entry.record),
      pending: () =>
        [...byId.values()].filter((entry) => entry.record.state === "pending").map((entry) => entry.record),
      decide: (id, decision) => {
        const entry = byId.get(id)
        if (!entry) throw new Error(`no approval ${id}`)
        if (entry.record.state !== "pending") throw new Error(`approval ${id} is ${entry.record.state}`)
        const step = entry.submission.steps[entry.step]!
        if (!step.approvers.includes(decision.approver)) {
          throw new Error(`${decision.approver} is not an approver of step ${entry.step} of ${id}`)
        }
        const recorded: ApprovalDecision = {
          step: entry.step,
          approver: decision.approver,
          outcome: decision.outcome,
          comment: decision.comment,
          at: decision.at,
        }
        entry.record = { ...entry.record, decisions: [...entry.record.decisions, recorded] }
        if (decision.outcome === "rejected") {
          return finish(entry, "rejected", decision.at, decision.approver, decision.comment)
        }
        entry.approvedBy.add(decision.approver)
        const stepDone =
          step.mode === "any" || step.approvers.every((approver) => entry.approvedBy.has(approver))
        if (!stepDone) return undefined
        entry.step += 1
        entry.approvedBy = new Set()
        if (entry.step < entry.submission.steps.length) return undefined
        return finish(entry, "approved", decision.at, decision.approver, decision.comment)
      },
      takeOutcomes: () => outcomes.splice(0, outcomes.length),
    }
    return { service, control }
  })
