import { Result } from "effect"
import { z } from "zod"
import { nonNegativeMoneyInputSchema } from "../../credit/schema/money-input.ts"
import type { InvalidTransition } from "../../errors/refusals.ts"
import { ValidationError } from "../../errors/validation-error.ts"
import { label } from "../../labels/label.ts"
import type { Money } from "../../money/money.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelWhileOpen,
} from "../../process/cancellation.ts"
import {
  commandShape,
  commandUnion,
  type FlowEvent,
  type ShapedCommand,
  type StepFields,
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { submitFormForApproval } from "../../process/form-approval.ts"
import { gateDecisionStep } from "../../process/gate-decision-step.ts"
import type { GateDecisionEvents } from "../../process/gate-events.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { recordStep } from "../../process/record-step.ts"
import { sentBackNotice } from "../../process/review-step.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { NeedSource } from "../labels/need-source.ts"
import { serviceProjectForm } from "../schema/service-project-form.ts"

/** The process name of a service project's development; part of every idempotency key. */
export const serviceProjectName = "planning.project"

/** Where a new service item (客户服务项目) stands, from the idea to its roll-out or its drop. */
export type ServiceProjectStatus =
  | "none"
  | "assessing"
  | "designing"
  | "awaitingApproval"
  | "piloting"
  | "rollingOut"
  | "rolledOut"
  | "dropped"
  | "cancelled"

/** The state of one service project's development (客户服务项目开发). */
export interface ServiceProjectState extends FlowState, GatedState {
  readonly status: ServiceProjectStatus
  readonly sequence: number
  readonly projectId: string
  readonly title: string
  readonly owner: Actor | undefined
  readonly sources: ReadonlyArray<NeedSource>
  readonly customerNeed: string
  /** ② feasibility: cost against benefit and the resources it needs. */
  readonly estimatedCost: Money | undefined
  readonly expectedBenefit: Money | undefined
  readonly resources: string
  /** ③ the programme: what the service is, where it is piloted, and the satisfaction it must reach. */
  readonly scope: string
  readonly pilotScope: string
  readonly pilotDays: number
  readonly targetSatisfaction: number
  /** ⑥ the satisfaction the pilot reached. */
  readonly pilotSatisfaction: number | undefined
  /** Why the project ended without a roll-out (② not feasible, ⑥ pilot short of its target). */
  readonly dropReason: string | undefined
  /** Each design is one round; each round's approval has its own key. */
  readonly round: number
}

/** The shape of every command of a service project, checked before the decider reads it. */
export const serviceProjectCommandSchema = commandUnion(
  /** ① 项目构想: a new service from customers' needs or research. */
  commandShape("ProposeIdea", {
    projectId: commandIdSchema,
    owner: actorSchema,
    title: commandTextSchema(200),
    sources: z.array(NeedSource.schema).min(1, "name where the idea came from").max(6),
    customerNeed: commandTextSchema(2000),
  }),
  /** ② 可行性分析: cost, benefit, resources; ◇ feasible when the benefit exceeds the cost and the resources exist. */
  commandShape("AssessFeasibility", {
    actor: actorSchema,
    estimatedCost: nonNegativeMoneyInputSchema,
    expectedBenefit: nonNegativeMoneyInputSchema,
    resources: commandTextSchema(2000),
    resourcesAvailable: z.boolean(),
  }),
  /** ③ 方案设计: the service and its standard, the pilot and its target. */
  commandShape("DesignProgramme", {
    actor: actorSchema,
    scope: commandTextSchema(4000),
    pilotScope: commandTextSchema(2000),
    pilotDays: z.number().int().min(1).max(365),
    targetSatisfaction: z.number().int().min(0).max(100),
  }),
  /** ④ ✓ the approvers' decision. */
  decideApprovalSchema,
  /** ⑥ 试点评估: ◇ the satisfaction reached against the target. */
  commandShape("EvaluatePilot", {
    actor: actorSchema,
    satisfaction: z.number().min(0).max(100),
    findings: commandTextSchema(4000),
  }),
  /** ⑦ 全面推广: the departments that take the service on. */
  commandShape("RollOut", {
    actor: actorSchema,
    departments: z.array(departmentIdSchema).min(1, "name the departments that roll it out").max(50),
  }),
  cancelCommandSchema,
)

/** The commands of a service project. */
export type ServiceProjectCommand = ShapedCommand<typeof serviceProjectCommandSchema>

type Step<Type extends ServiceProjectCommand["type"]> = StepFields<ServiceProjectCommand, Type>

/** The events of a service project. */
export type ServiceProjectEvent =
  | FlowEvent<"IdeaProposed", Step<"ProposeIdea">>
  | FlowEvent<"FeasibilityAssessed", Step<"AssessFeasibility"> & { feasible: boolean }>
  | FlowEvent<"ProgrammeDesigned", Step<"DesignProgramme"> & { approvalKey: string }>
  | GateDecisionEvents<"Approved", "Returned">
  | FlowEvent<"PilotEvaluated", Step<"EvaluatePilot"> & { rollOut: boolean }>
  | FlowEvent<"RolledOut", Step<"RollOut">>
  | CancelledEvent

/** Why a command of a service project is refused. */
export type ServiceProjectRefusal = InvalidTransition | ValidationError

/** Options of a service project. */
export interface ServiceProjectOptions {
  /** The post that approves the programme (④ ✓; default the manager). */
  readonly approver?: Role
}

const initialState: ServiceProjectState = {
  status: "none",
  sequence: 0,
  projectId: "",
  title: "",
  owner: undefined,
  sources: [],
  customerNeed: "",
  estimatedCost: undefined,
  expectedBenefit: undefined,
  resources: "",
  scope: "",
  pilotScope: "",
  pilotDays: 0,
  targetSatisfaction: 0,
  pilotSatisfaction: undefined,
  dropReason: undefined,
  round: 0,
  approval: undefined,
  decidedApprovals: [],
}

/**
 * 客户服务项目开发流程 ①–⑦ (002 ch.2 2.3): an idea from customers' needs, its feasibility ◇
 * (benefit above cost, resources at hand; otherwise dropped), the programme designed and
 * approved ✓, piloted, evaluated ◇ against the satisfaction it set itself, then rolled out or
 * dropped. A returned programme goes back to its design.
 */
export function serviceProjectProcess(
  options: ServiceProjectOptions = {},
): ProcessDefinition<ServiceProjectState, ServiceProjectCommand, ServiceProjectEvent, ServiceProjectRefusal> {
  const approver = options.approver ?? "manager"
  const ownerOf = (state: ServiceProjectState): Assignee => personOrPost(state.owner?.personId, "supervisor")

  return defineFlow<ServiceProjectState, ServiceProjectCommand, ServiceProjectEvent, ValidationError>({
    name: serviceProjectName,
    initialState,
    commands: serviceProjectCommandSchema,
    idOf: (state) => state.projectId,
    finished: ["rolledOut", "dropped", "cancelled"],
    steps: {
      // ① 项目构想 (客户服务部主管): from customers' needs or research
      ProposeIdea: recordStep("none", "the project was already proposed", "IdeaProposed"),
      // ② 可行性分析 (客户服务部) ◇ feasible: ③ — not feasible: dropped
      AssessFeasibility: (state, command, decision) => {
        if (state.status !== "assessing")
          return decision.refuse("feasibility is assessed once, after the idea")
        if (command.expectedBenefit.currency !== command.estimatedCost.currency)
          return Result.fail(
            new ValidationError({
              subject: `${serviceProjectName}.command`,
              issues: [
                {
                  path: ["expectedBenefit", "currency"],
                  message: `must be ${command.estimatedCost.currency}, the cost's currency`,
                  code: "rule",
                },
              ],
            }),
          )
        const feasible =
          command.resourcesAvailable && command.expectedBenefit.minor > command.estimatedCost.minor
        return decision.accept({ ...command, type: "FeasibilityAssessed", feasible })
      },
      // ③ 方案设计 (客户服务部主管), then ④ 审批 ✓ (客户服务部经理)
      DesignProgramme: (state, command, decision) =>
        state.status === "designing"
          ? decision.accept({
              ...command,
              type: "ProgrammeDesigned",
              approvalKey: decision.keyAt(0, "approval.submit"),
            })
          : decision.refuse("the programme is designed once the idea is feasible, or again when sent back"),
      // ④ ✓ approved: ⑤ 试点 — returned: back to ③
      DecideApproval: gateDecisionStep((state) => state.status === "awaitingApproval", {
        approved: "Approved",
        returned: "Returned",
      }),
      // ⑥ 试点评估 (客户服务部) ◇ target reached: ⑦ — not reached: dropped
      EvaluatePilot: (state, command, decision) =>
        state.status === "piloting"
          ? decision.accept({
              ...command,
              type: "PilotEvaluated",
              rollOut: command.satisfaction >= state.targetSatisfaction,
            })
          : decision.refuse("only a project being piloted is evaluated"),
      // ⑦ 全面推广 (客户服务部经理)
      RollOut: recordStep("rollingOut", "only a pilot that reached its target is rolled out", "RolledOut"),
      Cancel: cancelWhileOpen(
        ["rollingOut", "rolledOut", "dropped"],
        "only a project not yet decided can be cancelled",
        "awaitingApproval",
      ),
    },
    folds: {
      IdeaProposed: (state, { projectId, owner, title, sources, customerNeed }) => ({
        ...state,
        status: "assessing",
        projectId,
        owner,
        title,
        sources,
        customerNeed,
      }),
      FeasibilityAssessed: (state, { estimatedCost, expectedBenefit, resources, feasible }) => ({
        ...state,
        status: feasible ? "designing" : "dropped",
        estimatedCost,
        expectedBenefit,
        resources,
        dropReason: feasible ? undefined : "not feasible",
      }),
      ProgrammeDesigned: (state, { scope, pilotScope, pilotDays, targetSatisfaction, approvalKey }) => ({
        ...state,
        status: "awaitingApproval",
        scope,
        pilotScope,
        pilotDays,
        targetSatisfaction,
        round: state.round + 1,
        approval: { key: approvalKey },
      }),
      Approved: (state) => ({ ...gatePassed(state), status: "piloting" }),
      Returned: (state) => ({ ...gateReturned(state), status: "designing" }),
      PilotEvaluated: (state, { satisfaction, rollOut }) => ({
        ...state,
        status: rollOut ? "rollingOut" : "dropped",
        pilotSatisfaction: satisfaction,
        dropReason: rollOut ? undefined : "pilot short of its target",
      }),
      RolledOut: (state) => ({ ...state, status: "rolledOut" }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    effects: {
      FeasibilityAssessed: (state, event, host) =>
        event.feasible
          ? [
              host.task(ownerOf(state), {
                externalKey: `${state.projectId}/design`,
                subject: `③ 方案设计 Design the programme of ${state.title}`,
                body: "The project is feasible: design the service, its pilot and the satisfaction it must reach.",
              }),
            ]
          : [
              host.notify(
                [ownerOf(state)],
                "info",
                label(`项目不可行：${state.title}`, `Project not feasible: ${state.title}`),
                label(
                  "收益不高于成本或资源不足",
                  "The benefit does not exceed the cost, or resources are lacking",
                ),
              ),
            ],
      ProgrammeDesigned: (state, event, host) => [
        ...(state.round === 1 ? [host.completeTask(`${state.projectId}/design`)] : []),
        submitFormForApproval(host, event.approvalKey, {
          requestType: serviceProjectName,
          businessKey: state.projectId,
          title: label(`客户服务项目方案审批：${state.title}`, `Service project approval: ${state.title}`),
          originator: ownerOf(state),
          form: serviceProjectForm,
          values: {
            projectNumber: state.projectId,
            title: state.title,
            sources: state.sources,
            customerNeed: state.customerNeed,
            estimatedCost: state.estimatedCost,
            expectedBenefit: state.expectedBenefit,
            resources: state.resources,
            scope: state.scope,
            pilotScope: state.pilotScope,
            pilotDays: state.pilotDays,
            targetSatisfaction: state.targetSatisfaction,
            owner: state.owner?.personId,
          },
          approver,
        }),
      ],
      Approved: (state, _event, host) => [
        host.task(ownerOf(state), {
          externalKey: `${state.projectId}/pilot`,
          subject: `⑤ 项目试点 Pilot ${state.title} (${state.pilotDays} days)`,
          body: state.pilotScope,
        }),
      ],
      Returned: (state, event, host) => [
        sentBackNotice(
          host,
          ownerOf(state),
          label(`项目方案未获批准：${state.title}`, `Project programme not approved: ${state.title}`),
          event.comment,
        ),
      ],
      PilotEvaluated: (state, event, host) => [
        host.completeTask(`${state.projectId}/pilot`),
        host.notify(
          [ownerOf(state), { role: approver }],
          event.rollOut ? "info" : "warning",
          event.rollOut
            ? label(`试点达标，全面推广：${state.title}`, `Pilot met its target, roll out: ${state.title}`)
            : label(
                `试点未达标，项目终止：${state.title}`,
                `Pilot short of its target, dropped: ${state.title}`,
              ),
          label(
            `满意度 ${event.satisfaction}，目标 ${state.targetSatisfaction}`,
            `Satisfaction ${event.satisfaction}, target ${state.targetSatisfaction}`,
          ),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
