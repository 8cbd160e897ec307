import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
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
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { issuesUnderField } from "../../process/field-issues.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { submitFormForApproval } from "../../process/form-approval.ts"
import { gateDecisionStep } from "../../process/gate-decision-step.ts"
import type { GateDecisionEvents } from "../../process/gate-events.ts"
import { sentBackNotice } from "../../process/review-step.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import { type ScreeningCandidate, type ScreeningResult, screenKeyAccounts } from "../models/screening.ts"
import type { AccountsPolicy, ScreeningPolicy } from "../policy/accounts-policy.ts"
import { keyAccountAssessmentForm } from "../schema/key-account-assessment-form.ts"
import { supervisorOf } from "./cycle-support.ts"

/** The process name of key-account screening; part of every idempotency key. */
export const keyAccountScreeningName = "accounts.screening"

/** Where a screening stands. */
export type KeyAccountScreeningStatus =
  | "none"
  | "criteriaSet"
  | "awaitingApproval"
  | "registered"
  | "noneQualified"
  | "cancelled"

/** A candidate that qualified, as 大客户评定表 shows it. */
export interface QualifiedAccount {
  readonly candidate: ScreeningCandidate
  readonly result: ScreeningResult
}

/** The state of one screening round. */
export interface KeyAccountScreeningState extends FlowState, GatedState {
  readonly status: KeyAccountScreeningStatus
  readonly sequence: number
  readonly screeningId: string
  readonly supervisor: Actor | undefined
  /** The criteria as they stood when the round opened, so a later policy does not change it. */
  readonly criteria: ScreeningPolicy | undefined
  readonly policyVersion: string
  readonly screened: number
  readonly qualified: ReadonlyArray<QualifiedAccount>
  readonly approvedBy: PersonId | undefined
  readonly returns: number
}

/** Every command of a screening round, validated before a step reads it. */
export const keyAccountScreeningCommandSchema = commandUnion(
  /** ① 确定筛选标准 (大客户主管): the round opens under the policy's criteria. */
  commandShape("SetCriteria", {
    screeningId: commandIdSchema,
    supervisor: actorSchema,
    scope: commandTextSchema(500).optional(),
  }),
  /** ② 候选客户评分 (大客户专员): each candidate judged on ranking, credit and the set conditions. */
  commandShape("ScoreCandidates", {
    officer: actorSchema,
    candidates: z.array(z.unknown()).min(1).max(10_000),
  }),
  /** ✓ 经理批示 on 大客户评定表. */
  decideApprovalSchema,
  cancelCommandSchema,
)

/** The commands of a screening round. */
export type KeyAccountScreeningCommand = ShapedCommand<typeof keyAccountScreeningCommandSchema>

type Step<Type extends KeyAccountScreeningCommand["type"]> = StepFields<KeyAccountScreeningCommand, Type>

/** The events of a screening round. */
export type KeyAccountScreeningEvent =
  | FlowEvent<"CriteriaSet", Step<"SetCriteria"> & { criteria: ScreeningPolicy; policyVersion: string }>
  | FlowEvent<
      "CandidatesScored",
      {
        officer: Actor
        screened: number
        qualified: ReadonlyArray<QualifiedAccount>
        approvalKey: string | undefined
      }
    >
  | GateDecisionEvents<"KeyAccountsRegistered", "AssessmentReturned">
  | CancelledEvent

/** Why a screening command is refused. */
export type KeyAccountScreeningRefusal = InvalidTransition | ValidationError

const initialState: KeyAccountScreeningState = {
  status: "none",
  sequence: 0,
  screeningId: "",
  supervisor: undefined,
  criteria: undefined,
  policyVersion: "",
  screened: 0,
  qualified: [],
  approval: undefined,
  decidedApprovals: [],
  approvedBy: undefined,
  returns: 0,
}

/** 大客户评定表's rows for the qualified candidates: ranking, credit, the conditions they met. */
export const assessmentRows = (qualified: ReadonlyArray<QualifiedAccount>) =>
  qualified.map(({ candidate, result }) => ({
    customer: candidate.customerId,
    rank: candidate.rank,
    creditGrade: candidate.creditGrade,
    conditions: result.checks
      .filter((check) => check.criterion !== "ranking" && check.criterion !== "credit")
      .map((check) => check.reason["zh-CN"])
      .join("；"),
  }))

/**
 * 大客户筛选流程 (000 ch.4 4.4.1): ① the criteria of the policy fixed for the round; ② the
 * candidates scored on them (`screenKeyAccounts`); ◇ any qualifies? — none: the round ends;
 * otherwise ✓ 大客户评定表 with the manager's instruction; approved: ③ each becomes a key
 * account on the host and its officer opens 大客户档案表; returned: scored again.
 */
export function keyAccountScreeningProcess(
  policy: AccountsPolicy,
): ProcessDefinition<
  KeyAccountScreeningState,
  KeyAccountScreeningCommand,
  KeyAccountScreeningEvent,
  KeyAccountScreeningRefusal
> {
  const subject = `${keyAccountScreeningName}.command`
  return defineFlow<
    KeyAccountScreeningState,
    KeyAccountScreeningCommand,
    KeyAccountScreeningEvent,
    KeyAccountScreeningRefusal
  >({
    name: keyAccountScreeningName,
    initialState,
    commands: keyAccountScreeningCommandSchema,
    idOf: (state) => state.screeningId,
    finished: ["registered", "noneQualified", "cancelled"],
    steps: {
      // ① 确定筛选标准 (大客户主管)
      SetCriteria: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the round's criteria are already set")
        return decision.accept({
          ...command,
          type: "CriteriaSet",
          criteria: policy.screening,
          policyVersion: policy.version,
        })
      },
      // ② 候选客户评分 (大客户专员) ◇ qualifies? none → 结束; some → ✓ 大客户评定表
      ScoreCandidates: (state, command, decision) => {
        if (state.status !== "criteriaSet")
          return decision.refuse("candidates are scored once the criteria are set")
        const screened = screenKeyAccounts(command.candidates, { ...policy, screening: state.criteria! })
        if (Result.isFailure(screened))
          return Result.fail(issuesUnderField(subject, "candidates", screened.failure))
        const candidates = command.candidates as unknown as ReadonlyArray<ScreeningCandidate>
        const qualified = screened.success.flatMap((result, index) =>
          result.selected ? [{ candidate: candidates[index]!, result }] : [],
        )
        return decision.accept({
          type: "CandidatesScored",
          at: command.at,
          officer: command.officer,
          screened: screened.success.length,
          qualified,
          approvalKey: qualified.length === 0 ? undefined : decision.keyAt(0, "approval.submit"),
        })
      },
      // ✓ 经理批示: approved → ③ key-account records; returned → ② again
      DecideApproval: gateDecisionStep((state) => state.status === "awaitingApproval", {
        approved: "KeyAccountsRegistered",
        returned: "AssessmentReturned",
      }),
      Cancel: cancelStep(
        (state) =>
          state.status === "criteriaSet" || state.status === "awaitingApproval"
            ? undefined
            : "only an open screening round can be cancelled",
        (state) => state.status === "awaitingApproval",
      ),
    },
    folds: {
      CriteriaSet: (state, event) => ({
        ...state,
        status: "criteriaSet",
        screeningId: event.screeningId,
        supervisor: event.supervisor,
        criteria: event.criteria,
        policyVersion: event.policyVersion,
      }),
      CandidatesScored: (state, event) => ({
        ...state,
        status: event.approvalKey === undefined ? "noneQualified" : "awaitingApproval",
        screened: event.screened,
        qualified: event.qualified,
        approval: event.approvalKey === undefined ? undefined : { key: event.approvalKey },
      }),
      KeyAccountsRegistered: (state, event) => ({
        ...gatePassed(state),
        status: "registered",
        approvedBy: event.decidedBy,
      }),
      AssessmentReturned: (state) => ({
        ...gateReturned(state),
        status: "criteriaSet",
        qualified: [],
        returns: state.returns + 1,
      }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    effects: {
      CandidatesScored: (state, event, host) =>
        event.approvalKey === undefined
          ? [
              host.notify(
                [supervisorOf(state.supervisor)],
                "info",
                label("没有候选客户符合大客户标准", "No candidate qualifies as a key account"),
                label(
                  `筛选 ${state.screeningId}：${event.screened} 家候选客户均未达标`,
                  `Screening ${state.screeningId}: none of ${event.screened} candidates qualifies`,
                ),
              ),
            ]
          : [
              submitFormForApproval(host, event.approvalKey, {
                requestType: keyAccountScreeningName,
                businessKey: state.screeningId,
                title: label(
                  `大客户评定表：${state.screeningId}`,
                  `Key account assessment: ${state.screeningId}`,
                ),
                originator: { person: event.officer.personId },
                form: keyAccountAssessmentForm,
                values: { rows: assessmentRows(event.qualified) },
                approver: state.criteria!.approver,
              }),
            ],
      KeyAccountsRegistered: (state, event, host) =>
        state.qualified.flatMap(({ candidate }, index) => [
          host.updateCustomer(
            candidate.customerId,
            { key_account: true, key_account_since: event.at, key_account_screening: state.screeningId },
            `host.customer.update:${index}`,
          ),
          host.task(
            { role: "officer" },
            {
              externalKey: `${state.screeningId}/file/${candidate.customerId}`,
              subject: `建立大客户档案 Open the key account file of ${candidate.name ?? candidate.customerId}`,
              body: event.comment ?? "",
            },
            `host.task.create:${index}`,
          ),
        ]),
      AssessmentReturned: (state, event, host) => [
        sentBackNotice(
          host,
          supervisorOf(state.supervisor),
          label("大客户评定表被退回", "Key account assessment returned"),
          event.comment,
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
