import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import {
  commandDateSchema,
  commandIdSchema,
  commandShape,
  commandTextSchema,
  commandUnion,
  decideApprovalSchema,
  decideAtGate,
  defineFlow,
  type FlowEvent,
  type FlowState,
  type GateDecidedFields,
  type GatedState,
  gatePassed,
  gateReturned,
  type ProcessDefinition,
  personOrPost,
  reminderTimer,
  type ShapedCommand,
  type StepFields,
  timerCommand,
  timers,
} from "../../process/index.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"
import { customerCountSchema, type GradingSummary, gradingSummarySchema } from "../models/grading-summary.ts"
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

/** The state of one maintenance cycle. */
export interface RelationshipMaintenanceState extends FlowState, GatedState {
  readonly status: MaintenanceStatus
  /** Events folded in so far: the sequence number of the next event. */
  readonly sequence: number
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

/**
 * The shape of every command of relationship maintenance, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const relationshipMaintenanceCommandSchema = commandUnion(
  /** ① 整理客户信息资料: a cycle starts for a period. */
  commandShape("StartCycle", {
    cycleId: commandIdSchema,
    periodFrom: commandDateSchema,
    periodTo: commandDateSchema,
    owner: actorSchema,
  }).refine((command) => command.periodFrom <= command.periodTo, {
    message: "must not end before it starts",
    path: ["periodTo"],
  }),
  /** ②③ 销售业绩分析, 划分客户等级: the grading run's summary. */
  commandShape("RecordGrading", { grading: gradingSummarySchema }),
  /** ④ 客户名册登记: the grades written to the customer roster (the host's customer records). */
  commandShape("RegisterRoster", { registered: customerCountSchema }),
  /** ⑥⑦ the customer service plan (客户服务方案) written and sent for 审核审批. */
  commandShape("SubmitServicePlan", { author: actorSchema, plan: commandTextSchema(20_000) }),
  decideApprovalSchema,
  /** ⑧ 实施《客户服务计划》: how the plan was carried out. */
  commandShape("RecordExecution", { actor: actorSchema, report: commandTextSchema(20_000) }),
  /** ⑨ the plan's problems and their improvement; the cycle closes. */
  commandShape("RecordImprovement", {
    actor: actorSchema,
    problems: commandTextSchema(20_000),
    improvements: commandTextSchema(20_000),
  }),
  timerCommand("RemindReview"),
)

/** The commands of a maintenance cycle. */
export type RelationshipMaintenanceCommand = ShapedCommand<typeof relationshipMaintenanceCommandSchema>

type Step<Type extends RelationshipMaintenanceCommand["type"]> = StepFields<
  RelationshipMaintenanceCommand,
  Type
>

/** The events of a maintenance cycle. */
export type RelationshipMaintenanceEvent =
  | FlowEvent<"CycleStarted", Step<"StartCycle"> & { policyVersion: string }>
  | FlowEvent<"GradingRecorded", Step<"RecordGrading">>
  | FlowEvent<"RosterRegistered", Step<"RegisterRoster">>
  | FlowEvent<"ServicePlanSubmitted", Step<"SubmitServicePlan"> & { approvalKey: string; approverRole: Role }>
  | FlowEvent<"ServicePlanApproved", GateDecidedFields & { reviewDueAt: Instant }>
  | FlowEvent<"ServicePlanReturned", GateDecidedFields>
  | FlowEvent<"ExecutionRecorded", Step<"RecordExecution">>
  | FlowEvent<"ReviewReminded">
  | FlowEvent<"CycleClosed", Step<"RecordImprovement">>

/** Why a maintenance command is refused. */
export type RelationshipMaintenanceRefusal = InvalidTransition | ValidationError

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

/** ⑨ is reminded once when it falls due while ⑧ runs (late, again or after ⑨: nothing). */
const review = reminderTimer<
  RelationshipMaintenanceState,
  RelationshipMaintenanceCommand,
  RelationshipMaintenanceEvent
>({
  key: "plan-review",
  command: { type: "RemindReview" },
  dueAt: (state) => state.reviewDueAt,
  awaited: (state) => state.status === "executing" && !state.reviewReminded,
  event: (at) => ({ type: "ReviewReminded", at }),
})

/**
 * One cycle of customer relationship maintenance: 004 ch.3 §25 客户关系维护管理流程, run by the
 * cycle's owner (客户服务部). The grading itself is `gradeCustomers`; the cycle keeps its summary.
 * The approver's post and the review's delay are the policy's, fixed in the events when decided.
 */
export function relationshipMaintenanceProcess(
  policy: GradingPolicy,
): ProcessDefinition<
  RelationshipMaintenanceState,
  RelationshipMaintenanceCommand,
  RelationshipMaintenanceEvent,
  RelationshipMaintenanceRefusal
> {
  const { planApprover: approverRole, reviewAfterDays } = policy.maintenance
  return defineFlow<
    RelationshipMaintenanceState,
    RelationshipMaintenanceCommand,
    RelationshipMaintenanceEvent,
    RelationshipMaintenanceRefusal
  >({
    name: relationshipMaintenanceName,
    initialState,
    commands: relationshipMaintenanceCommandSchema,
    idOf: (state) => state.cycleId,
    finished: ["closed"],
    deadlines: (state) => timers(review.deadline(state)),
    steps: {
      // ① 整理客户信息资料 (owner)
      StartCycle: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the cycle has started")
        return decision.accept({ ...command, type: "CycleStarted", policyVersion: policy.version })
      },
      // ② 销售业绩分析 ③ 划分客户等级 (owner; recorded again until ④)
      RecordGrading: (state, command, decision) => {
        if (state.status !== "collecting" && state.status !== "graded")
          return decision.refuse("the grading is recorded before the roster is registered")
        return decision.accept({ ...command, type: "GradingRecorded" })
      },
      // ④ 客户名册登记 (owner) ◇ no more registered than graded
      RegisterRoster: (state, command, decision) => {
        if (state.status !== "graded") return decision.refuse("the roster is registered after grading")
        if (command.registered > state.grading!.customers)
          return decision.refuse("more customers registered than graded")
        return decision.accept({ ...command, type: "RosterRegistered" })
      },
      // ⑥ 制定客户服务方案 (author) → ⑦ ✓ 审核审批 (the policy's plan approver, by default the manager)
      SubmitServicePlan: (state, command, decision) => {
        if (state.status !== "registered")
          return decision.refuse("the service plan follows the registered roster")
        const approvalKey = decision.keyAt(0, "approval.submit")
        return decision.accept({ ...command, type: "ServicePlanSubmitted", approvalKey, approverRole })
      },
      // ✓ approved: on to ⑧, the review due after the policy's days — returned or withdrawn: back to ⑥
      DecideApproval: (state, command, decision) =>
        decideAtGate(state, command, state.status === "awaitingApproval", decision, {
          approved: (decided) => {
            const reviewDueAt = command.at + reviewAfterDays * dayMillis
            return decision.accept({ type: "ServicePlanApproved", ...decided, reviewDueAt })
          },
          returned: ({ at, approvalKey, decidedBy, comment }) =>
            decision.accept({ type: "ServicePlanReturned", at, approvalKey, decidedBy, comment }),
        }),
      // ⑧ 实施《客户服务计划》 (owner)
      RecordExecution: (state, command, decision) => {
        if (state.status !== "executing")
          return decision.refuse("execution is recorded once the plan is approved")
        return decision.accept({ ...command, type: "ExecutionRecorded" })
      },
      // ⑨ 存在问题及改进 (owner), after ⑧ is recorded: the cycle closes
      RecordImprovement: (state, command, decision) => {
        if (state.status !== "executing" || state.execution === undefined)
          return decision.refuse("the review follows the recorded execution")
        return decision.accept({ ...command, type: "CycleClosed" })
      },
      // timer: ⑨ falls due while ⑧ runs
      RemindReview: review.step,
    },
    folds: {
      CycleStarted: (state, { type: _, at: __, ...started }) => ({
        ...state,
        ...started,
        status: "collecting",
      }),
      GradingRecorded: (state, event) => ({ ...state, status: "graded", grading: event.grading }),
      RosterRegistered: (state, event) => ({ ...state, status: "registered", registered: event.registered }),
      ServicePlanSubmitted: (state, event) => ({
        ...state,
        status: "awaitingApproval",
        plan: event.plan,
        approval: { key: event.approvalKey, role: event.approverRole },
      }),
      ServicePlanApproved: (state, event) => ({
        ...gatePassed(state),
        status: "executing",
        approvedBy: event.decidedBy,
        reviewDueAt: event.reviewDueAt,
      }),
      ServicePlanReturned: (state) => ({ ...gateReturned(state), status: "registered" }),
      ExecutionRecorded: (state, event) => ({ ...state, execution: event.report }),
      ReviewReminded: (state) => ({ ...state, reviewReminded: true }),
      CycleClosed: (state) => ({ ...state, status: "closed" }),
    },
    effects: {
      ServicePlanSubmitted: (state, event, host) => {
        const grading = state.grading!
        const period = periodOf(state)
        return [
          host.submitApproval(event.approvalKey, {
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
          }),
        ]
      },
      ServicePlanReturned: (state, event, host) => [
        host.notify(
          [ownerOf(state)],
          "warning",
          label("客户服务方案退回修改", "Customer service plan returned"),
          label(event.comment ?? "请修改后重新提交", event.comment ?? "revise it and submit again"),
        ),
      ],
      ReviewReminded: (state, _event, host) => [
        host.notify(
          [ownerOf(state)],
          "info",
          label("客户服务方案到期复盘", "Time to review the customer service plan"),
          label(
            `${periodOf(state)} 的客户服务方案已执行 ${reviewAfterDays} 天，请总结问题并改进`,
            `The plan for ${periodOf(state)} has run ${reviewAfterDays} days: review its problems and improve it`,
          ),
        ),
      ],
    },
  })
}

const periodOf = (state: RelationshipMaintenanceState) => `${state.periodFrom} – ${state.periodTo}`
const ownerOf = (state: RelationshipMaintenanceState) => personOrPost(state.owner?.personId, "supervisor")
