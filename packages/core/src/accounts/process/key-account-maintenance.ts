import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { FormValue } from "../../forms/form.ts"
import { type PersonId, personId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelStep,
} from "../../process/cancellation.ts"
import {
  commandShape,
  commandUnion,
  type FlowEvent,
  type ShapedCommand,
  type StepFields,
  timerCommand,
} from "../../process/command-shapes.ts"
import { daysAfter } from "../../process/days-after.ts"
import { commandIdSchema, commandInstantSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { submitFormForApproval } from "../../process/form-approval.ts"
import { formCommandField } from "../../process/form-command-field.ts"
import { gateDecisionStep, gateEventTypes } from "../../process/gate-decision-step.ts"
import type { ApprovalGateEvents } from "../../process/gate-events.ts"
import { sentBackNotice } from "../../process/review-step.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import type { Instant } from "../../time/instant.ts"
import { ContactKind } from "../labels/contact-kind.ts"
import { MaintenanceMeasure } from "../labels/maintenance-measure.ts"
import type { AccountsPolicy } from "../policy/accounts-policy.ts"
import { maintenancePlanForm } from "../schema/maintenance-plan-form.ts"
import { maintenanceSummaryForm } from "../schema/maintenance-summary-form.ts"
import { supervisorOf } from "./cycle-support.ts"

/** The process name of key-account relationship maintenance; part of every idempotency key. */
export const keyAccountMaintenanceName = "accounts.maintenance"

/** Where a maintenance cycle stands. */
export type KeyAccountMaintenanceStatus =
  | "none"
  | "planAwaitingApproval"
  | "planReturned"
  | "implementing"
  | "summaryAwaitingReview"
  | "closed"
  | "cancelled"

/** 《大客户关系维护方案》 as its form validates it. */
export type MaintenancePlan = FormValue<(typeof maintenancePlanForm)["fields"]>
/** ⑨ 维护大客户关系成效总结 as its form validates it. */
export type MaintenanceSummary = FormValue<(typeof maintenanceSummaryForm)["fields"]>

/** The state of one maintenance cycle (one plan, carried out and summed up). */
export interface KeyAccountMaintenanceState extends FlowState, GatedState {
  readonly status: KeyAccountMaintenanceStatus
  readonly sequence: number
  readonly cycleId: string
  readonly policyVersion: string
  readonly supervisor: Actor | undefined
  readonly plan: MaintenancePlan | undefined
  /** When ⑨ the summary is due (the end of the plan's period). */
  readonly summaryDueAt: Instant | undefined
  readonly measuresDone: ReadonlyArray<MaintenanceMeasure>
  readonly lastContactAt: Instant | undefined
  readonly contacts: number
  readonly contactReminded: boolean
  readonly summaryReminded: boolean
  readonly summaryEscalated: boolean
  readonly summary: MaintenanceSummary | undefined
  readonly approvedBy: PersonId | undefined
  readonly returns: number
}

/** Every command of a maintenance cycle, validated before a step reads it. */
export const keyAccountMaintenanceCommandSchema = commandUnion(
  /** ① 制定《大客户关系维护方案》 (大客户主管), sent for 审批; again after it was returned. */
  commandShape("SubmitPlan", {
    cycleId: commandIdSchema,
    supervisor: actorSchema,
    plan: formCommandField(maintenancePlanForm),
    summaryDueAt: commandInstantSchema,
  }),
  /** ✓ 审批 of the plan, ✓ 审核 of the summary. */
  decideApprovalSchema,
  /** ②–⑧ one measure of the plan carried out (实施方案). */
  commandShape("RecordMeasure", {
    actor: actorSchema,
    measure: MaintenanceMeasure.schema,
    report: commandTextSchema(2000),
  }),
  /** 与客户保持持续沟通 / 大客户日常维护 (大客户专员): a contact with one of the plan's accounts. */
  commandShape("LogContact", {
    officer: actorSchema,
    customerId: commandIdSchema,
    kind: ContactKind.schema,
    summary: commandTextSchema(2000),
  }),
  /** ⑨ 维护大客户关系成效总结, sent for 审核. */
  commandShape("SubmitSummary", { author: actorSchema, summary: formCommandField(maintenanceSummaryForm) }),
  timerCommand("RemindContact"),
  timerCommand("RemindSummary"),
  timerCommand("EscalateSummary"),
  cancelCommandSchema,
)

/** The commands of a maintenance cycle. */
export type KeyAccountMaintenanceCommand = ShapedCommand<typeof keyAccountMaintenanceCommandSchema>

type Step<Type extends KeyAccountMaintenanceCommand["type"]> = StepFields<KeyAccountMaintenanceCommand, Type>

/** The events of a maintenance cycle. */
export type KeyAccountMaintenanceEvent =
  | ApprovalGateEvents<"Plan", Step<"SubmitPlan"> & { approver: Role; policyVersion: string }>
  | FlowEvent<"MeasureRecorded", Step<"RecordMeasure">>
  | FlowEvent<"ContactLogged", Step<"LogContact">>
  | ApprovalGateEvents<"Summary", Step<"SubmitSummary"> & { approver: Role }>
  | FlowEvent<"ContactReminded">
  | FlowEvent<"SummaryReminded">
  | FlowEvent<"SummaryEscalated">
  | CancelledEvent

/** Why a maintenance command is refused. */
export type KeyAccountMaintenanceRefusal = InvalidTransition | ValidationError

const initialState: KeyAccountMaintenanceState = {
  status: "none",
  sequence: 0,
  cycleId: "",
  policyVersion: "",
  supervisor: undefined,
  plan: undefined,
  summaryDueAt: undefined,
  measuresDone: [],
  lastContactAt: undefined,
  contacts: 0,
  contactReminded: false,
  summaryReminded: false,
  summaryEscalated: false,
  summary: undefined,
  approval: undefined,
  decidedApprovals: [],
  approvedBy: undefined,
  returns: 0,
}

/** The measures the plan commits to that are not yet carried out, in the chart's order. */
export const outstandingMeasures = (state: KeyAccountMaintenanceState): ReadonlyArray<MaintenanceMeasure> =>
  MaintenanceMeasure.values.filter(
    (measure) =>
      state.plan?.measures.some((row) => row.measure === measure) === true &&
      !state.measuresDone.includes(measure),
  )

/**
 * 大客户关系维护流程 (004 ch.4 §12): ① the supervisor's plan, ✓ approved by the key-account
 * manager; ②–⑧ the measures it chose carried out while the officers keep in touch with every
 * account (a reminder when one goes quiet); ⑨ the summary, once every measure is done, ✓ reviewed.
 * The approvers are decided from the policy with the event that opens each approval, so replay and
 * effects performed again never depend on today's policy.
 */
export function keyAccountMaintenanceProcess(
  policy: AccountsPolicy,
): ProcessDefinition<
  KeyAccountMaintenanceState,
  KeyAccountMaintenanceCommand,
  KeyAccountMaintenanceEvent,
  KeyAccountMaintenanceRefusal
> {
  const rules = policy.maintenance
  const open = (state: KeyAccountMaintenanceState) =>
    state.status !== "none" && state.status !== "closed" && state.status !== "cancelled"
  return defineFlow<
    KeyAccountMaintenanceState,
    KeyAccountMaintenanceCommand,
    KeyAccountMaintenanceEvent,
    KeyAccountMaintenanceRefusal
  >({
    name: keyAccountMaintenanceName,
    initialState,
    commands: keyAccountMaintenanceCommandSchema,
    idOf: (state) => state.cycleId,
    finished: ["closed", "cancelled"],
    steps: {
      // ① 制定《大客户关系维护方案》 (大客户主管) → 审批 (大客户经理)
      SubmitPlan: (state, command, decision) => {
        if (state.status !== "none" && state.status !== "planReturned")
          return decision.refuse("a plan is submitted to open the cycle, or again after it was returned")
        if (state.status === "planReturned" && command.cycleId !== state.cycleId)
          return decision.refuse(`a returned plan is resubmitted under its own cycle ${state.cycleId}`)
        if (command.summaryDueAt <= command.at)
          return decision.refuse("the summary must fall due after the plan")
        return decision.accept({
          ...command,
          type: "PlanSubmitted",
          approvalKey: decision.keyAt(0, "approval.submit", command.cycleId),
          approver: rules.planApprover,
          policyVersion: policy.version,
        })
      },
      // ✓ 审批: approved → ② 实施方案, returned → ① again; ✓ 审核 of ⑨: approved → 结束, returned → ⑨ again
      DecideApproval: gateDecisionStep(
        (state) => state.status === "planAwaitingApproval" || state.status === "summaryAwaitingReview",
        (state) => gateEventTypes(state.status === "summaryAwaitingReview" ? "Summary" : "Plan"),
      ),
      // ③–⑧ a measure of the plan carried out (大客户主管, 大客户专员)
      RecordMeasure: (state, command, decision) => {
        if (state.status !== "implementing")
          return decision.refuse("measures are carried out once the plan is approved")
        if (!state.plan!.measures.some((row) => row.measure === command.measure))
          return decision.refuse(`the approved plan does not include ${command.measure}`)
        return decision.accept({ ...command, type: "MeasureRecorded" })
      },
      // 与客户保持持续沟通 / 大客户日常维护 (大客户专员)
      LogContact: (state, command, decision) => {
        if (state.status !== "implementing" && state.status !== "summaryAwaitingReview")
          return decision.refuse("contacts are logged while the plan is carried out")
        if (!state.plan!.accounts.some((row) => row.customer === command.customerId))
          return decision.refuse(`${command.customerId} is not one of the plan's accounts`)
        return decision.accept({ ...command, type: "ContactLogged" })
      },
      // ⑨ 维护大客户关系成效总结 → 审核; ◇ every measure of the plan carried out?
      SubmitSummary: (state, command, decision) => {
        if (state.status !== "implementing") return decision.refuse("the summary follows the plan's measures")
        const outstanding = outstandingMeasures(state)
        if (outstanding.length > 0)
          return decision.refuse(`measures not yet carried out: ${outstanding.join(", ")}`)
        return decision.accept({
          ...command,
          type: "SummarySubmitted",
          approvalKey: decision.keyAt(0, "approval.submit"),
          approver: rules.summaryApprover,
        })
      },
      RemindContact: (state, command, decision) =>
        decision.acceptIf(state.status === "implementing" && !state.contactReminded, {
          type: "ContactReminded",
          at: command.at,
        }),
      RemindSummary: (state, command, decision) =>
        decision.acceptIf(state.status === "implementing" && !state.summaryReminded, {
          type: "SummaryReminded",
          at: command.at,
        }),
      EscalateSummary: (state, command, decision) =>
        decision.acceptIf(state.status === "implementing" && !state.summaryEscalated, {
          type: "SummaryEscalated",
          at: command.at,
        }),
      Cancel: cancelStep(
        (state) => (open(state) ? undefined : "only an open maintenance cycle can be cancelled"),
        (state) => state.status === "planAwaitingApproval" || state.status === "summaryAwaitingReview",
      ),
    },
    folds: {
      PlanSubmitted: (state, event) => ({
        ...state,
        status: "planAwaitingApproval",
        cycleId: event.cycleId,
        policyVersion: event.policyVersion,
        supervisor: event.supervisor,
        plan: event.plan,
        summaryDueAt: event.summaryDueAt,
        approval: { key: event.approvalKey },
      }),
      PlanApproved: (state, event) => ({
        ...gatePassed(state),
        status: "implementing",
        approvedBy: event.decidedBy,
        lastContactAt: event.at,
      }),
      PlanReturned: (state) => ({
        ...gateReturned(state),
        status: "planReturned",
        returns: state.returns + 1,
      }),
      MeasureRecorded: (state, event) => ({
        ...state,
        measuresDone: state.measuresDone.includes(event.measure)
          ? state.measuresDone
          : [...state.measuresDone, event.measure],
      }),
      ContactLogged: (state, event) => ({
        ...state,
        lastContactAt: event.at,
        contacts: state.contacts + 1,
        contactReminded: false,
      }),
      SummarySubmitted: (state, event) => ({
        ...state,
        status: "summaryAwaitingReview",
        summary: event.summary,
        approval: { key: event.approvalKey },
      }),
      SummaryApproved: (state) => ({ ...gatePassed(state), status: "closed" }),
      SummaryReturned: (state) => ({
        ...gateReturned(state),
        status: "implementing",
        returns: state.returns + 1,
      }),
      ContactReminded: (state) => ({ ...state, contactReminded: true }),
      SummaryReminded: (state) => ({ ...state, summaryReminded: true }),
      SummaryEscalated: (state) => ({ ...state, summaryEscalated: true }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) => {
      if (state.status !== "implementing") return []
      const due = state.summaryDueAt
      return timers(
        timer(
          "contact",
          daysAfter(state.lastContactAt, rules.contactIntervalDays),
          { type: "RemindContact" },
          state.contactReminded,
        ),
        timer(
          "summary:remind",
          daysAfter(due, -rules.summaryReminderDaysBefore),
          { type: "RemindSummary" },
          state.summaryReminded,
        ),
        timer(
          "summary:escalate",
          daysAfter(due, rules.summaryEscalateAfterDays),
          { type: "EscalateSummary" },
          state.summaryEscalated,
        ),
      )
    },
    effects: {
      PlanSubmitted: (state, event, host) => [
        submitFormForApproval(host, event.approvalKey, {
          requestType: keyAccountMaintenanceName,
          businessKey: state.cycleId,
          title: label(
            `大客户关系维护方案：${state.cycleId}`,
            `Key account relationship plan: ${state.cycleId}`,
          ),
          originator: { person: event.supervisor.personId },
          form: maintenancePlanForm,
          values: event.plan,
          approver: event.approver,
        }),
      ],
      PlanApproved: (state, _event, host) => [
        ...state.plan!.accounts.map((row, index) =>
          host.task(
            { person: personId(row.officer) },
            {
              externalKey: `${state.cycleId}/maintain/${row.customer}`,
              subject: `大客户日常维护 Keep in touch with ${row.customer}`,
              body: state.plan!.objectives,
              dueAt: state.summaryDueAt!,
            },
            `host.task.create:${index}`,
          ),
        ),
      ],
      PlanReturned: (state, event, host) => [
        sentBackNotice(
          host,
          supervisorOf(state.supervisor),
          label("大客户关系维护方案被退回", "Key account relationship plan returned"),
          event.comment,
        ),
      ],
      ContactLogged: (_state, event, host) => [
        host.activity({
          externalKey: host.key("contact"),
          kind: event.kind,
          subject: `大客户日常维护 Key account contact`,
          body: event.summary,
          occurredAt: event.at,
          customerKey: event.customerId,
        }),
      ],
      SummarySubmitted: (state, event, host) => [
        submitFormForApproval(host, event.approvalKey, {
          requestType: keyAccountMaintenanceName,
          businessKey: state.cycleId,
          title: label(
            `维护大客户关系成效总结：${state.cycleId}`,
            `Key account relationship results: ${state.cycleId}`,
          ),
          originator: { person: event.author.personId },
          form: maintenanceSummaryForm,
          values: event.summary,
          approver: event.approver,
        }),
      ],
      SummaryApproved: (state, _event, host) =>
        state.plan!.accounts.map((row, index) =>
          host.completeTask(`${state.cycleId}/maintain/${row.customer}`, `host.task.complete:${index}`),
        ),
      SummaryReturned: (state, event, host) => [
        sentBackNotice(
          host,
          supervisorOf(state.supervisor),
          label("成效总结被退回", "Relationship results returned"),
          event.comment,
        ),
      ],
      ContactReminded: (state, _event, host) => [
        host.notify(
          officersOf(state),
          "info",
          label("请与大客户保持沟通", "Keep in touch with your key accounts"),
          label(
            `${rules.contactIntervalDays} 天内没有与维护客户的联系记录`,
            `No contact with the plan's accounts in ${rules.contactIntervalDays} days`,
          ),
        ),
      ],
      SummaryReminded: (state, _event, host) => [
        host.notify(
          [supervisorOf(state.supervisor)],
          "info",
          label("成效总结即将到期", "Relationship results due soon"),
          label(
            `维护周期 ${state.cycleId} 的成效总结即将到期`,
            `The results of cycle ${state.cycleId} are due soon`,
          ),
        ),
      ],
      SummaryEscalated: (state, _event, host) => [
        host.notify(
          [{ role: rules.summaryApprover }, supervisorOf(state.supervisor)],
          "warning",
          label("成效总结逾期", "Relationship results overdue"),
          label(
            `维护周期 ${state.cycleId} 的成效总结已逾期，尚有措施未完成：${outstandingMeasures(state).join("、") || "无"}`,
            `The results of cycle ${state.cycleId} are overdue; measures outstanding: ${outstandingMeasures(state).join(", ") || "none"}`,
          ),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

const officersOf = (state: KeyAccountMaintenanceState) =>
  [...new Set(state.plan?.accounts.map((row) => row.officer) ?? [])].map((officer) => ({
    person: personId(officer),
  }))
