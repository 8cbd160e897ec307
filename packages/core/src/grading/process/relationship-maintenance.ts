import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { type IdempotencyKey, idempotencyKey } from "../../ids/idempotency-key.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { type DecideApproval, decideApprovalSchema } from "../../process/approval-decision.ts"
import {
  approvalDecisionOf,
  checkApprovalDecision,
  commandIdSchema,
  commandInstantSchema,
  commandTextSchema,
  notifyRequest,
  parseProcessCommand,
  type RecordedApprovalDecision,
  recordApprovalDecision,
  refuseTransition,
} from "../../process/decider-support.ts"
import type { Deadline, ProcessDefinition } from "../../process/definition.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { civilDateSchema } from "../../time/civil-date.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import { AbcClass } from "../labels/abc-class.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"
import { ServiceTier } from "../labels/service-tier.ts"
import type { GradingResult } from "../models/grade-customers.ts"
import type { RegradeReport } from "../models/regrade.ts"
import type { GradingPolicy } from "../policy/grading-policy.ts"
import { servicePlanForm } from "../schema/service-plan-form.ts"

/** The process name of the relationship-maintenance cycle; part of every idempotency key. */
export const relationshipMaintenanceName = "grading.relationship-maintenance"

/** Where a maintenance cycle stands. */
export type MaintenanceStatus =
  | "none"
  | "collecting"
  | "graded"
  | "registered"
  | "awaitingApproval"
  | "executing"
  | "closed"

/** What a cycle keeps of its grading (②③): counts, not the customers (they live in the grading run). */
export interface GradingSummary {
  readonly policyVersion: string
  readonly customers: number
  readonly grades: { readonly [G in CustomerGrade]: number }
  readonly abc: { readonly [C in AbcClass]: number }
  readonly serviceTiers: { readonly [T in ServiceTier]: number }
  readonly upgrades: number
  readonly downgrades: number
}

/** The summary of a grading run (and of its re-grading against the last cycle's), for `RecordGrading`. */
export function gradingSummary(result: GradingResult, moves?: RegradeReport): GradingSummary {
  const gradeMoves = moves?.moves.filter((move) => move.dimension === "grade") ?? []
  return {
    policyVersion: result.policyVersion,
    customers: result.customers.length,
    grades: result.summary.grades,
    abc: {
      A: result.summary.abc.A.customers,
      B: result.summary.abc.B.customers,
      C: result.summary.abc.C.customers,
    },
    serviceTiers: result.summary.serviceTiers,
    upgrades: gradeMoves.filter((move) => move.direction === "up").length,
    downgrades: gradeMoves.filter((move) => move.direction === "down").length,
  }
}

/** The state of one maintenance cycle. */
export interface RelationshipMaintenanceState {
  readonly status: MaintenanceStatus
  readonly sequence: number
  /** Approval decisions recorded so far, so a decision delivered again changes nothing. */
  readonly decidedApprovals: ReadonlyArray<RecordedApprovalDecision>
  readonly cycleId: string
  readonly policyVersion: string
  readonly periodFrom: string
  readonly periodTo: string
  readonly owner: Actor | undefined
  readonly grading: GradingSummary | undefined
  readonly registered: number
  readonly plan: string | undefined
  readonly approval: { readonly key: string; readonly role: Role } | undefined
  readonly approvedBy: PersonId | undefined
  readonly reviewDueAt: Instant | undefined
  readonly reviewReminded: boolean
  readonly execution: string | undefined
}

/** The commands of a maintenance cycle. */
export type RelationshipMaintenanceCommand =
  | {
      /** ① 整理客户信息资料: a cycle starts for a period. */
      readonly type: "StartCycle"
      readonly at: Instant
      readonly cycleId: string
      readonly periodFrom: string
      readonly periodTo: string
      readonly owner: Actor
    }
  | {
      /** ②③ 销售业绩分析, 划分客户等级: the grading run's summary. */
      readonly type: "RecordGrading"
      readonly at: Instant
      readonly grading: GradingSummary
    }
  | {
      /** ④ 客户名册登记: the grades written to the customer roster (the host's customer records). */
      readonly type: "RegisterRoster"
      readonly at: Instant
      readonly registered: number
    }
  | {
      /** ⑥⑦ the customer service plan (客户服务方案) written and sent for 审核审批. */
      readonly type: "SubmitServicePlan"
      readonly at: Instant
      readonly author: Actor
      readonly plan: string
    }
  | DecideApproval
  | {
      /** ⑧ 实施《客户服务计划》: how the plan was carried out. */
      readonly type: "RecordExecution"
      readonly at: Instant
      readonly actor: Actor
      readonly report: string
    }
  | {
      /** ⑨ the plan's problems and their improvement; the cycle closes. */
      readonly type: "RecordImprovement"
      readonly at: Instant
      readonly actor: Actor
      readonly problems: string
      readonly improvements: string
    }
  | { readonly type: "RemindReview"; readonly at: Instant }

/** The events of a maintenance cycle. */
export type RelationshipMaintenanceEvent =
  | {
      readonly type: "CycleStarted"
      readonly at: Instant
      readonly cycleId: string
      readonly periodFrom: string
      readonly periodTo: string
      readonly owner: Actor
      readonly policyVersion: string
    }
  | { readonly type: "GradingRecorded"; readonly at: Instant; readonly grading: GradingSummary }
  | { readonly type: "RosterRegistered"; readonly at: Instant; readonly registered: number }
  | {
      readonly type: "ServicePlanSubmitted"
      readonly at: Instant
      readonly author: Actor
      readonly plan: string
      readonly approvalKey: string
      readonly approverRole: Role
    }
  | {
      readonly type: "ServicePlanApproved"
      readonly at: Instant
      readonly approvalKey: string
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
      readonly reviewDueAt: Instant
    }
  | {
      readonly type: "ServicePlanReturned"
      readonly at: Instant
      readonly approvalKey: string
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
    }
  | {
      readonly type: "ExecutionRecorded"
      readonly at: Instant
      readonly actor: Actor
      readonly report: string
    }
  | { readonly type: "ReviewReminded"; readonly at: Instant }
  | {
      readonly type: "CycleClosed"
      readonly at: Instant
      readonly actor: Actor
      readonly problems: string
      readonly improvements: string
    }

/** Why a maintenance command is refused. */
export type RelationshipMaintenanceRefusal = InvalidTransition | ValidationError

const count = z.number().int().min(0)
const countsOf = (values: ReadonlyArray<string>) =>
  z.strictObject(Object.fromEntries(values.map((value) => [value, count])))

/**
 * The shape of every command of relationship maintenance, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const relationshipMaintenanceCommandSchema = z.discriminatedUnion("type", [
  z
    .strictObject({
      type: z.literal("StartCycle"),
      at: commandInstantSchema,
      cycleId: commandIdSchema,
      periodFrom: civilDateSchema,
      periodTo: civilDateSchema,
      owner: actorSchema,
    })
    .refine((command) => command.periodFrom <= command.periodTo, {
      message: "must not end before it starts",
      path: ["periodTo"],
    }),
  z.strictObject({
    type: z.literal("RecordGrading"),
    at: commandInstantSchema,
    grading: z.strictObject({
      policyVersion: z.string().min(1),
      customers: count,
      grades: countsOf(CustomerGrade.values),
      abc: countsOf(AbcClass.values),
      serviceTiers: countsOf(ServiceTier.values),
      upgrades: count,
      downgrades: count,
    }),
  }),
  z.strictObject({ type: z.literal("RegisterRoster"), at: commandInstantSchema, registered: count }),
  z.strictObject({
    type: z.literal("SubmitServicePlan"),
    at: commandInstantSchema,
    author: actorSchema,
    plan: commandTextSchema(20_000),
  }),
  decideApprovalSchema,
  z.strictObject({
    type: z.literal("RecordExecution"),
    at: commandInstantSchema,
    actor: actorSchema,
    report: commandTextSchema(20_000),
  }),
  z.strictObject({
    type: z.literal("RecordImprovement"),
    at: commandInstantSchema,
    actor: actorSchema,
    problems: commandTextSchema(20_000),
    improvements: commandTextSchema(20_000),
  }),
  z.strictObject({ type: z.literal("RemindReview"), at: commandInstantSchema }),
]) as unknown as z.ZodType<RelationshipMaintenanceCommand>

const initialState: RelationshipMaintenanceState = {
  status: "none",
  sequence: 0,
  cycleId: "",
  policyVersion: "",
  periodFrom: "",
  periodTo: "",
  owner: undefined,
  grading: undefined,
  registered: 0,
  plan: undefined,
  approval: undefined,
  decidedApprovals: [],
  approvedBy: undefined,
  reviewDueAt: undefined,
  reviewReminded: false,
  execution: undefined,
}

/**
 * One cycle of customer relationship maintenance as a decider: 004 ch.3 §25 客户关系维护管理流程 —
 * ① collect the customer data → ② analyse sales → ③ grade the customers → ④ register them in the
 * roster → ⑥⑦ write the customer service plan, approved (审核审批) by the post the policy names →
 * ⑧ carry it out → ⑨ review its problems and improve. A returned plan goes back to its author;
 * the review is reminded when it falls due. The grading itself is `gradeCustomers`; the cycle
 * keeps its summary.
 */
export function relationshipMaintenanceProcess(
  policy: GradingPolicy,
): ProcessDefinition<
  RelationshipMaintenanceState,
  RelationshipMaintenanceCommand,
  RelationshipMaintenanceEvent,
  RelationshipMaintenanceRefusal
> {
  function decide(
    state: RelationshipMaintenanceState,
    input: RelationshipMaintenanceCommand,
  ): Result.Result<ReadonlyArray<RelationshipMaintenanceEvent>, RelationshipMaintenanceRefusal> {
    const parsed = parseProcessCommand(
      `${relationshipMaintenanceName}.command`,
      relationshipMaintenanceCommandSchema,
      input,
    )
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    const command = parsed.success
    const no = (reason: string) =>
      refuseTransition(relationshipMaintenanceName, state.cycleId, state.status, command.type, reason)
    switch (command.type) {
      case "StartCycle":
        if (state.status !== "none") return no("the cycle has started")
        return Result.succeed([
          {
            type: "CycleStarted",
            at: command.at,
            cycleId: command.cycleId,
            periodFrom: command.periodFrom,
            periodTo: command.periodTo,
            owner: command.owner,
            policyVersion: policy.version,
          },
        ])
      case "RecordGrading":
        if (state.status !== "collecting" && state.status !== "graded") {
          return no("the grading is recorded before the roster is registered")
        }
        return Result.succeed([{ type: "GradingRecorded", at: command.at, grading: command.grading }])
      case "RegisterRoster":
        if (state.status !== "graded") return no("the roster is registered after grading")
        if (command.registered > state.grading!.customers) return no("more customers registered than graded")
        return Result.succeed([{ type: "RosterRegistered", at: command.at, registered: command.registered }])
      case "SubmitServicePlan":
        if (state.status !== "registered") return no("the service plan follows the registered roster")
        return Result.succeed([
          {
            type: "ServicePlanSubmitted",
            at: command.at,
            author: command.author,
            plan: command.plan,
            approvalKey: idempotencyKey(
              relationshipMaintenanceName,
              state.cycleId,
              state.sequence,
              "approval.submit",
            ),
            approverRole: policy.maintenance.planApprover,
          },
        ])
      case "DecideApproval": {
        const check = checkApprovalDecision(state, state.status === "awaitingApproval", command)
        if (check.verdict === "repeat") return Result.succeed([])
        if (check.verdict === "refuse") return no(check.reason)
        if (command.outcome === "approved") {
          const reviewDueAt = command.at + policy.maintenance.reviewAfterDays * dayMillis
          return Result.succeed([
            { type: "ServicePlanApproved", ...approvalDecisionOf(command), reviewDueAt },
          ])
        }
        return Result.succeed([{ type: "ServicePlanReturned", ...approvalDecisionOf(command) }])
      }
      case "RecordExecution":
        if (state.status !== "executing") return no("execution is recorded once the plan is approved")
        return Result.succeed([
          { type: "ExecutionRecorded", at: command.at, actor: command.actor, report: command.report },
        ])
      case "RecordImprovement":
        if (state.status !== "executing" || state.execution === undefined) {
          return no("the review follows the recorded execution")
        }
        return Result.succeed([
          {
            type: "CycleClosed",
            at: command.at,
            actor: command.actor,
            problems: command.problems,
            improvements: command.improvements,
          },
        ])
      case "RemindReview":
        if (state.status !== "executing" || state.reviewReminded) return Result.succeed([])
        return Result.succeed([{ type: "ReviewReminded", at: command.at }])
    }
  }

  function evolve(
    state: RelationshipMaintenanceState,
    event: RelationshipMaintenanceEvent,
  ): RelationshipMaintenanceState {
    const next = { ...state, sequence: state.sequence + 1 }
    switch (event.type) {
      case "CycleStarted":
        return {
          ...next,
          status: "collecting",
          cycleId: event.cycleId,
          periodFrom: event.periodFrom,
          periodTo: event.periodTo,
          owner: event.owner,
          policyVersion: event.policyVersion,
        }
      case "GradingRecorded":
        return { ...next, status: "graded", grading: event.grading }
      case "RosterRegistered":
        return { ...next, status: "registered", registered: event.registered }
      case "ServicePlanSubmitted":
        return {
          ...next,
          status: "awaitingApproval",
          plan: event.plan,
          approval: { key: event.approvalKey, role: event.approverRole },
        }
      case "ServicePlanApproved":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, true),
          status: "executing",
          approvedBy: event.decidedBy,
          reviewDueAt: event.reviewDueAt,
        }
      case "ServicePlanReturned":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, false),
          status: "registered",
          approval: undefined,
        }
      case "ExecutionRecorded":
        return { ...next, execution: event.report }
      case "ReviewReminded":
        return { ...next, reviewReminded: true }
      case "CycleClosed":
        return { ...next, status: "closed" }
    }
  }

  function deadlines(
    state: RelationshipMaintenanceState,
  ): ReadonlyArray<Deadline<RelationshipMaintenanceCommand>> {
    if (state.status !== "executing" || state.reviewReminded || state.reviewDueAt === undefined) return []
    return [{ key: "plan-review", dueAt: state.reviewDueAt, command: { type: "RemindReview" } }]
  }

  function effects(
    state: RelationshipMaintenanceState,
    event: RelationshipMaintenanceEvent,
    step: { readonly instanceId: string; readonly sequence: number },
  ): ReadonlyArray<EffectRequest> {
    const key = (kind: string) =>
      idempotencyKey(relationshipMaintenanceName, step.instanceId, step.sequence, kind)
    const owner = state.owner ? { person: state.owner.personId } : { role: "supervisor" as const }
    const period = `${state.periodFrom} – ${state.periodTo}`
    switch (event.type) {
      case "ServicePlanSubmitted": {
        const grading = state.grading!
        return [
          {
            kind: "approval.submit",
            key: event.approvalKey as IdempotencyKey,
            submission: {
              requestType: relationshipMaintenanceName,
              businessKey: state.cycleId,
              title: label(`客户服务方案（${period}）`, `Customer service plan (${period})`),
              originator: { person: event.author.personId },
              formId: servicePlanForm.id,
              values: {
                period,
                customers: grading.customers,
                gradeSummary: CustomerGrade.values
                  .map((grade) => `${grade} ${grading.grades[grade]}`)
                  .join(", "),
                upgrades: grading.upgrades,
                downgrades: grading.downgrades,
                plan: event.plan,
              },
              steps: [{ mode: "any", approvers: [{ role: event.approverRole }] }],
            },
          },
        ]
      }
      case "ServicePlanReturned":
        return [
          notifyRequest(
            key("notify"),
            [owner],
            "warning",
            label("客户服务方案退回修改", "Customer service plan returned"),
            label(event.comment ?? "请修改后重新提交", event.comment ?? "revise it and submit again"),
            state.cycleId,
          ),
        ]
      case "ReviewReminded":
        return [
          notifyRequest(
            key("notify"),
            [owner],
            "info",
            label("客户服务方案到期复盘", "Time to review the customer service plan"),
            label(
              `${period} 的客户服务方案已执行 ${policy.maintenance.reviewAfterDays} 天，请总结问题并改进`,
              `The plan for ${period} has run ${policy.maintenance.reviewAfterDays} days: review its problems and improve it`,
            ),
            state.cycleId,
          ),
        ]
      default:
        return []
    }
  }

  return {
    name: relationshipMaintenanceName,
    version: 1,
    initialState,
    decide,
    evolve,
    deadlines,
    effects,
    isFinished: (state) => state.status === "closed",
    statusOf: (state) => state.status,
  }
}
