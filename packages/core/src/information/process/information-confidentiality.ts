import { z } from "zod"
import { ConfidentialityLevel, isClearedFor, stricterLevel } from "../../access/confidentiality-level.ts"
import type { BusinessCalendar } from "../../calendar/business-calendar.ts"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../../ids/ids.ts"
import { type Label, label } from "../../labels/label.ts"
import { Post } from "../../organisation/post.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { decideAtGate, type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import { approvalStepsOf } from "../../process/approval-steps.ts"
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
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { ladderDeadlines, type ScheduledLadder } from "../../process/escalation-ladder.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import type { GateDecidedFields, GateDecisionEvents, GateReturnedFields } from "../../process/gate-events.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import {
  type LadderEscalatedEvent,
  type LadderRemindedEvent,
  ladderMarkEvents,
} from "../../process/ladder-marks.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { returnedNotice } from "../../process/returned-notice.ts"
import { workingDayLadders } from "../../process/working-day-ladders.ts"
import { type Actor, actorSchema, personIdSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import { classificationForm } from "../forms/classification-form.ts"
import { remedyForm } from "../forms/remedy-form.ts"
import { reportForm } from "../forms/report-form.ts"
import { BreachKind, type ConfidentialityMatterStatus } from "../labels/information-labels.ts"
import {
  defaultInformationConfidentialityPolicy,
  type InformationConfidentialityPolicy,
} from "../policy/confidentiality-policy.ts"

/** The process name of 信息保密管理流程; part of every idempotency key. */
export const informationConfidentialityName = "information.confidentiality"

const idList = (what: string) =>
  z
    .array(commandIdSchema)
    .min(1, `name at least one ${what}`)
    .refine((ids) => new Set(ids).size === ids.length, `each ${what} is named once`)

const itemSchema = z.strictObject({
  itemId: commandIdSchema,
  description: commandTextSchema(500),
  level: ConfidentialityLevel.schema,
})

const recipientSchema = z
  .strictObject({
    recipientId: commandIdSchema,
    post: Post.schema.optional(),
    person: personIdSchema.optional(),
    /** A named person's name and telephone, for someone the directory does not know (personal data). */
    name: commandTextSchema(100).optional(),
    phone: commandTextSchema(40).optional(),
    departmentId: departmentIdSchema.optional(),
    clearance: ConfidentialityLevel.schema,
    itemIds: idList("item"),
  })
  .refine((recipient) => recipient.post !== undefined || recipient.person !== undefined, {
    message: "a recipient is a post or a person",
    path: ["post"],
  })

const findingSchema = z.strictObject({
  findingId: commandIdSchema,
  kind: BreachKind.schema,
  copyNumber: z.number().int().min(1).optional(),
  recipientId: commandIdSchema.optional(),
  description: commandTextSchema(2000),
})

const remedyActionSchema = z.strictObject({
  actionId: commandIdSchema,
  findingIds: idList("finding"),
  action: commandTextSchema(2000),
  owner: personIdSchema,
  workingDays: z.number().int().min(1).max(250),
})

/** A list of rows, each named once by its `key` field, so a step can find a row by id. */
const rowsOf = <Row extends z.ZodType<Record<string, unknown>>>(row: Row, key: string, max: number) =>
  z
    .array(row)
    .max(max)
    .refine(
      (rows) => new Set(rows.map((each) => each[key])).size === rows.length,
      `each ${key} is listed once`,
    )

/** The shape of every command of 信息保密管理流程, checked before the decider reads it. */
export const informationConfidentialityCommandSchema = commandUnion(
  /** ① 划分密级: the items of customer information, each with its level, for 审核 ✓. */
  commandShape("Classify", {
    matterId: commandIdSchema,
    title: commandTextSchema(200),
    classifier: actorSchema,
    items: rowsOf(itemSchema, "itemId", 500).min(1),
  }),
  /** ✓ the approvers' decision on the classification, the remedy or the report. */
  decideApprovalSchema,
  /** 传阅范围: who may receive which items, each up to a clearance. */
  commandShape("SetCirculation", {
    by: actorSchema,
    recipients: rowsOf(recipientSchema, "recipientId", 200).min(1),
  }),
  /** ② 编号传递: one numbered copy of an item handed to a recipient on the list. */
  commandShape("TransferCopy", {
    copyNumber: z.number().int().min(1),
    itemId: commandIdSchema,
    recipientId: commandIdSchema,
    handedOverBy: actorSchema,
  }),
  /** 接收文件: the recipient signs for the copy. */
  commandShape("SignForCopy", { copyNumber: z.number().int().min(1), signedBy: personIdSchema }),
  /** The copy comes back. */
  commandShape("ReturnCopy", { copyNumber: z.number().int().min(1), receivedBy: actorSchema }),
  /** ③ 监督检查: an audit round's findings (from the runtime's audit trail), checked against the register. */
  commandShape("Audit", {
    roundId: commandIdSchema,
    auditor: actorSchema,
    findings: rowsOf(findingSchema, "findingId", 1000),
  }),
  /** ④ 补救处理: actions answering every finding, each with its owner and working days, for 审核 ✓. */
  commandShape("ProposeRemedy", {
    proposer: actorSchema,
    actions: rowsOf(remedyActionSchema, "actionId", 200).min(1),
  }),
  /** ⑤ 执行 → 反馈: an action carried out, reported back by whoever did it. */
  commandShape("ReportActionDone", {
    actionId: commandIdSchema,
    reporter: actorSchema,
    feedback: commandTextSchema(2000),
  }),
  /** The timer of the remedy actions: reminders, then the escalation ladder. */
  timerCommand("FollowUpRemedy"),
  /** ⑥ 处理报告: what was found and done, for 审核 → 审批 ✓. */
  commandShape("SubmitReport", { author: actorSchema, summary: commandTextSchema(5000) }),
  cancelCommandSchema,
)

/** The commands of 信息保密管理流程. */
export type InformationConfidentialityCommand = ShapedCommand<typeof informationConfidentialityCommandSchema>

type Step<Type extends InformationConfidentialityCommand["type"]> = StepFields<
  InformationConfidentialityCommand,
  Type
>

/** One item of classified information. */
export type ClassifiedItem = Step<"Classify">["items"][number]
/** One entry of the circulation list (传阅范围). */
export type CirculationRecipient = Step<"SetCirculation">["recipients"][number]
/** One finding of a supervision round. */
export type AuditFinding = Step<"Audit">["findings"][number]
/** One remedy action as proposed. */
export type RemedyAction = Step<"ProposeRemedy">["actions"][number]

/** The events of 信息保密管理流程. */
export type InformationConfidentialityEvent =
  | FlowEvent<"Classified", Step<"Classify"> & { approvalKey: string }>
  | GateDecisionEvents<"ClassificationApproved", "ClassificationReturned">
  | FlowEvent<"CirculationSet", Step<"SetCirculation">>
  | FlowEvent<"CopyTransferred", Step<"TransferCopy">>
  | FlowEvent<"CopySigned", Step<"SignForCopy">>
  | FlowEvent<"CopyReturned", Step<"ReturnCopy">>
  | FlowEvent<"Audited", { roundId: string; auditor: Actor; findings: ReadonlyArray<AuditFinding> }>
  | FlowEvent<"RemedyProposed", Step<"ProposeRemedy"> & { approvalKey: string }>
  | FlowEvent<"RemedyApproved", GateDecidedFields & { ladders: ReadonlyArray<ScheduledLadder> }>
  | FlowEvent<"RemedyReturned", GateReturnedFields>
  | (LadderRemindedEvent<"RemedyReminded"> & { readonly actionId: string })
  | (LadderEscalatedEvent<"RemedyEscalated"> & { readonly actionId: string })
  | FlowEvent<"ActionDone", Step<"ReportActionDone">>
  | FlowEvent<"ReportSubmitted", Step<"SubmitReport"> & { approvalKey: string }>
  | GateDecisionEvents<"Archived", "ReportReturned">
  | CancelledEvent

/** A numbered copy as the register keeps it (编号传递登记). */
export interface TransferredCopy {
  readonly copyNumber: number
  readonly itemId: string
  readonly recipientId: string
  readonly handedOverAt: Instant
  readonly handedOverBy: PersonId
  readonly signedAt: Instant | undefined
  readonly signedBy: PersonId | undefined
  readonly returnedAt: Instant | undefined
}

/** A remedy action once proposed: its ladder after approval, how far it climbed, and its feedback. */
export interface TrackedRemedyAction extends RemedyAction {
  readonly ladder: ScheduledLadder | undefined
  readonly reminded: boolean
  /** The highest rung reached (0: none). */
  readonly level: number
  readonly doneAt: Instant | undefined
  readonly feedback: string | undefined
}

/** Which ✓ the approval waited on belongs to. */
export type ConfidentialityGate = "classification" | "remedy" | "report"

/** The state of one confidential matter. */
export interface InformationConfidentialityState extends FlowState, GatedState {
  readonly status: ConfidentialityMatterStatus
  readonly sequence: number
  readonly matterId: string
  readonly title: string
  readonly classifier: PersonId | undefined
  readonly items: ReadonlyArray<ClassifiedItem>
  readonly recipients: ReadonlyArray<CirculationRecipient>
  readonly copies: ReadonlyArray<TransferredCopy>
  readonly auditRound: string | undefined
  readonly findings: ReadonlyArray<AuditFinding>
  readonly proposer: PersonId | undefined
  readonly actions: ReadonlyArray<TrackedRemedyAction>
  readonly reportAuthor: PersonId | undefined
  readonly summary: string | undefined
  readonly approval: { readonly key: string; readonly gate: ConfidentialityGate } | undefined
}

/** Why a command of 信息保密管理流程 is refused. */
export type InformationConfidentialityRefusal = InvalidTransition | ValidationError

/** Who acts in each step: the chart's swim lanes (客户服务部, 各相关部门, 客户服务部经理, 总经理). */
export const informationConfidentialityLanes: Readonly<
  Record<InformationConfidentialityCommand["type"], Post | "relatedDepartments">
> = {
  Classify: "informationSupervisor",
  DecideApproval: "serviceManager",
  SetCirculation: "informationSupervisor",
  TransferCopy: "informationOfficer",
  SignForCopy: "relatedDepartments",
  ReturnCopy: "informationOfficer",
  Audit: "informationSupervisor",
  ProposeRemedy: "informationSupervisor",
  ReportActionDone: "relatedDepartments",
  FollowUpRemedy: "informationSupervisor",
  SubmitReport: "informationSupervisor",
  Cancel: "informationSupervisor",
}

const initialState: InformationConfidentialityState = {
  status: "none",
  sequence: 0,
  matterId: "",
  title: "",
  classifier: undefined,
  items: [],
  recipients: [],
  copies: [],
  auditRound: undefined,
  findings: [],
  proposer: undefined,
  actions: [],
  reportAuthor: undefined,
  summary: undefined,
  approval: undefined,
  decidedApprovals: [],
}

/** The statuses in which copies are out and may still be signed for or come back. */
const copiesOut: ReadonlyArray<ConfidentialityMatterStatus> = [
  "transferring",
  "remedying",
  "remedyAwaitingApproval",
  "executing",
  "reporting",
  "reportAwaitingApproval",
]

const awaitingApproval: ReadonlyArray<ConfidentialityMatterStatus> = [
  "classificationAwaitingApproval",
  "remedyAwaitingApproval",
  "reportAwaitingApproval",
]

const copyOf = (state: InformationConfidentialityState, copyNumber: number) =>
  state.copies.find((copy) => copy.copyNumber === copyNumber)

/** The remedy actions not yet reported done. */
export const openRemedyActions = (
  state: InformationConfidentialityState,
): ReadonlyArray<TrackedRemedyAction> => state.actions.filter((action) => action.doneAt === undefined)

/**
 * Why a circulation list cannot stand, if it cannot: an item not classified in this matter, or a
 * recipient cleared below the level of an item they would receive: nobody reads above their level.
 */
function circulationRefusal(
  state: InformationConfidentialityState,
  recipients: ReadonlyArray<CirculationRecipient>,
): string | undefined {
  for (const recipient of recipients)
    for (const itemId of recipient.itemIds) {
      const item = state.items.find((each) => each.itemId === itemId)
      if (item === undefined) return `recipient ${recipient.recipientId}: no item ${itemId} was classified`
      if (!isClearedFor(recipient.clearance, item.level))
        return `recipient ${recipient.recipientId} is cleared to ${recipient.clearance}, below item ${itemId} (${item.level})`
    }
  return undefined
}

/**
 * The findings the register itself shows at a supervision round: every copy handed over and never
 * signed for. The round's own findings (from the audit trail) come with the command.
 */
export function registerFindings(
  state: InformationConfidentialityState,
  roundId: string,
): ReadonlyArray<AuditFinding> {
  return state.copies
    .filter((copy) => copy.signedAt === undefined && copy.returnedAt === undefined)
    .map((copy) => ({
      findingId: `${roundId}/unsigned/${copy.copyNumber}`,
      kind: "unsignedCopy" as const,
      copyNumber: copy.copyNumber,
      recipientId: copy.recipientId,
      description: `副本 ${copy.copyNumber}（${copy.itemId}）传递后未签收 / copy ${copy.copyNumber} (${copy.itemId}) was never signed for`,
    }))
}

/** What the flow needs besides its policy. */
export interface InformationConfidentialityOptions {
  /** Turns a remedy action's working days into its due instant and ladder (e.g. `chinaMainlandCalendar()`). */
  readonly calendar: BusinessCalendar
  readonly policy?: InformationConfidentialityPolicy
}

/**
 * 信息保密管理流程 (004 ch.7 §17): ① the customer information classified item by item (密级) and
 * approved ✓ → the circulation list (传阅范围) → ② numbered copies handed over, signed for and
 * returned → ③ a supervision round checks the circulation and transfers against the records
 * ◇ breaches? → ④ remedy actions ✓ → ⑤ carried out, chased up the escalation ladder → ⑥ the
 * report, reviewed and approved ✓ → archived (存档). The ladders and approval keys are decided
 * once and kept in the events, so replay never depends on today's calendar or policy.
 */
export function informationConfidentialityProcess(
  options: InformationConfidentialityOptions,
): ProcessDefinition<
  InformationConfidentialityState,
  InformationConfidentialityCommand,
  InformationConfidentialityEvent,
  InformationConfidentialityRefusal
> {
  const { calendar } = options
  const policy = options.policy ?? defaultInformationConfidentialityPolicy
  const titleOf = (state: InformationConfidentialityState) =>
    label(
      `信息保密 ${state.matterId} ${state.title}`,
      `Confidential information ${state.matterId} ${state.title}`,
    )
  const supervisorOf = (state: InformationConfidentialityState): Assignee =>
    personOrPost(state.classifier, "supervisor")
  const recipientOf = (recipient: CirculationRecipient): Assignee =>
    recipient.person !== undefined
      ? { person: recipient.person }
      : {
          role: "officer",
          ...(recipient.departmentId === undefined
            ? {}
            : { departmentId: recipient.departmentId as DepartmentId }),
        }
  /** A record back from its ✓: whoever revises it is told why, under the matter's title. */
  const sentBack = (
    host: HostEffects,
    state: InformationConfidentialityState,
    to: Assignee,
    comment: string | undefined,
    otherwise: Label,
  ) => returnedNotice(host, { to, title: titleOf(state), subject: state.matterId, comment, otherwise })
  const actionTask = (state: InformationConfidentialityState, actionId: string) =>
    `${state.matterId}/remedy/${actionId}`

  return defineFlow<
    InformationConfidentialityState,
    InformationConfidentialityCommand,
    InformationConfidentialityEvent,
    InformationConfidentialityRefusal
  >({
    name: informationConfidentialityName,
    initialState,
    commands: informationConfidentialityCommandSchema,
    idOf: (state) => state.matterId,
    finished: ["archived", "cancelled"],
    steps: {
      // ① 划分密级 (客户服务部 · 客户信息主管): a new matter, or one sent back at ✓
      Classify: (state, command, decision) => {
        if (state.status !== "none" && state.status !== "classifying")
          return decision.refuse(
            "information is classified at the start, or after the classification came back",
          )
        if (state.status === "classifying" && command.matterId !== state.matterId)
          return decision.refuse(`this is matter ${state.matterId}, not ${command.matterId}`)
        const approvalKey = decision.keyAt(0, "approval.submit", command.matterId)
        return decision.accept({ ...command, type: "Classified", approvalKey })
      },
      // ✓ 审核 (客户服务部经理) of ① · ④, and ⑥ 审核 → 审批 (总经理): approved moves on, returned goes back
      DecideApproval: (state, command, decision) => {
        const gate = state.approval?.gate
        return decideAtGate(state, command, awaitingApproval.includes(state.status), decision, {
          approved: ({ at, ...decided }) => {
            if (gate === "classification")
              return decision.accept({ type: "ClassificationApproved", at, ...decided })
            if (gate === "report") return decision.accept({ type: "Archived", at, ...decided })
            const ladders = workingDayLadders(calendar, at, state.actions, policy.remedyFollowUp)
            return decision.accept({ type: "RemedyApproved", at, ...decided, ladders })
          },
          returned: (decided) =>
            decision.accept(
              gate === "classification"
                ? { ...decided, type: "ClassificationReturned" }
                : gate === "remedy"
                  ? { ...decided, type: "RemedyReturned" }
                  : { ...decided, type: "ReportReturned" },
            ),
        })
      },
      // 传阅范围 (客户服务部 · 客户信息主管): nobody on the list cleared below an item they receive
      SetCirculation: (state, command, decision) => {
        if (state.status !== "circulating")
          return decision.refuse("the circulation list is set once the classification is approved")
        const refusal = circulationRefusal(state, command.recipients)
        if (refusal !== undefined) return decision.refuse(refusal)
        return decision.accept({ ...command, type: "CirculationSet" })
      },
      // ② 编号传递 (客户服务部 · 客户信息专员): a numbered copy to a recipient the list allows
      TransferCopy: (state, command, decision) => {
        if (state.status !== "transferring")
          return decision.refuse("copies are handed over once the circulation list is set, before the audit")
        if (copyOf(state, command.copyNumber) !== undefined)
          return decision.refuse(`copy number ${command.copyNumber} is already in the register`)
        const recipient = state.recipients.find((each) => each.recipientId === command.recipientId)
        if (recipient === undefined)
          return decision.refuse(`${command.recipientId} is not on the circulation list`)
        if (!recipient.itemIds.includes(command.itemId))
          return decision.refuse(`${command.recipientId} may not receive item ${command.itemId}`)
        return decision.accept({ ...command, type: "CopyTransferred" })
      },
      // 接收文件 (各相关部门): the recipient signs for the copy; signed twice changes nothing
      SignForCopy: (state, command, decision) => {
        if (!copiesOut.includes(state.status)) return decision.refuse("no copies are out")
        const copy = copyOf(state, command.copyNumber)
        if (copy === undefined) return decision.refuse(`no copy number ${command.copyNumber} was handed over`)
        if (copy.returnedAt !== undefined)
          return decision.refuse(`copy ${command.copyNumber} was already returned`)
        return decision.acceptIf(copy.signedAt === undefined, { ...command, type: "CopySigned" })
      },
      // 执行保密 → the copy returned to 客户服务部; returned twice changes nothing
      ReturnCopy: (state, command, decision) => {
        if (!copiesOut.includes(state.status)) return decision.refuse("no copies are out")
        const copy = copyOf(state, command.copyNumber)
        if (copy === undefined) return decision.refuse(`no copy number ${command.copyNumber} was handed over`)
        return decision.acceptIf(copy.returnedAt === undefined, { ...command, type: "CopyReturned" })
      },
      // ③ 监督检查 (客户服务部 · 客户信息主管) ◇ breaches? yes: ④ — no: ⑥
      Audit: (state, command, decision) => {
        if (state.status !== "transferring")
          return decision.refuse("the audit checks the circulation and transfers once copies are handed over")
        const stray = command.findings.find(
          (finding) => finding.copyNumber !== undefined && copyOf(state, finding.copyNumber) === undefined,
        )
        if (stray !== undefined)
          return decision.refuse(
            `finding ${stray.findingId}: no copy number ${stray.copyNumber} is in the register`,
          )
        const recorded = registerFindings(state, command.roundId).filter(
          (finding) =>
            !command.findings.some(
              (each) => each.copyNumber === finding.copyNumber && each.kind === finding.kind,
            ),
        )
        const { roundId, auditor, at } = command
        return decision.accept({
          type: "Audited",
          at,
          roundId,
          auditor,
          findings: [...command.findings, ...recorded],
        })
      },
      // ④ 补救处理 (客户服务部) → 审核 ✓ (客户服务部经理): every finding answered by an action
      ProposeRemedy: (state, command, decision) => {
        if (state.status !== "remedying")
          return decision.refuse("a remedy answers the findings of a supervision round")
        const known = new Set(state.findings.map((finding) => finding.findingId))
        const unknown = command.actions.flatMap((action) => action.findingIds).find((id) => !known.has(id))
        if (unknown !== undefined) return decision.refuse(`no finding ${unknown} in this round`)
        const answered = new Set(command.actions.flatMap((action) => action.findingIds))
        const open = state.findings.find((finding) => !answered.has(finding.findingId))
        if (open !== undefined) return decision.refuse(`finding ${open.findingId} has no remedy action`)
        return decision.accept({
          ...command,
          type: "RemedyProposed",
          approvalKey: decision.keyAt(0, "approval.submit"),
        })
      },
      // ⑤ 组织执行 (客户服务部) → 执行 → 反馈 (各相关部门): an action reported done
      ReportActionDone: (state, command, decision) => {
        if (state.status !== "executing") return decision.refuse("remedy actions are reported once approved")
        const action = state.actions.find((each) => each.actionId === command.actionId)
        if (action === undefined) return decision.refuse(`no remedy action ${command.actionId}`)
        return decision.acceptIf(action.doneAt === undefined, { ...command, type: "ActionDone" })
      },
      // ⑤ reminders before an action is due, the escalation ladder after it
      FollowUpRemedy: (state, command, decision) => {
        if (state.status !== "executing") return decision.accept()
        return decision.accept(
          ...openRemedyActions(state).flatMap((action) =>
            ladderMarkEvents(action.ladder!, action, command.at, {
              reminded: "RemedyReminded",
              escalated: "RemedyEscalated",
            }).map((event) => ({ ...event, actionId: action.actionId })),
          ),
        )
      },
      // ⑥ 处理报告 (客户服务部) → 审核 (客户服务部经理) → 审批 ✓ (总经理)
      SubmitReport: (state, command, decision) => {
        if (state.status !== "reporting")
          return decision.refuse(
            "the report is written once the audit found nothing or every remedy action is done",
          )
        return decision.accept({
          ...command,
          type: "ReportSubmitted",
          approvalKey: decision.keyAt(0, "approval.submit"),
        })
      },
      // 取消: an open matter abandoned; the approval waited on is withdrawn
      Cancel: cancelStep(
        (state) =>
          ["none", "archived", "cancelled"].includes(state.status)
            ? "only an open matter can be cancelled"
            : undefined,
        (state) => awaitingApproval.includes(state.status),
      ),
    },
    folds: {
      Classified: (state, { matterId, title, classifier, items, approvalKey }) => ({
        ...state,
        status: "classificationAwaitingApproval",
        matterId,
        title,
        classifier: classifier.personId,
        items,
        approval: { key: approvalKey, gate: "classification" },
      }),
      ClassificationApproved: (state) => ({ ...gatePassed(state), status: "circulating" }),
      ClassificationReturned: (state) => ({ ...gateReturned(state), status: "classifying" }),
      CirculationSet: (state, { recipients }) => ({ ...state, status: "transferring", recipients }),
      CopyTransferred: (state, { at, copyNumber, itemId, recipientId, handedOverBy }) => ({
        ...state,
        copies: [
          ...state.copies,
          {
            copyNumber,
            itemId,
            recipientId,
            handedOverAt: at,
            handedOverBy: handedOverBy.personId,
            signedAt: undefined,
            signedBy: undefined,
            returnedAt: undefined,
          },
        ],
      }),
      CopySigned: (state, { at, copyNumber, signedBy }) => ({
        ...state,
        copies: state.copies.map((copy) =>
          copy.copyNumber === copyNumber ? { ...copy, signedAt: at, signedBy } : copy,
        ),
      }),
      CopyReturned: (state, { at, copyNumber }) => ({
        ...state,
        copies: state.copies.map((copy) =>
          copy.copyNumber === copyNumber ? { ...copy, returnedAt: at } : copy,
        ),
      }),
      Audited: (state, { roundId, findings }) => ({
        ...state,
        status: findings.length > 0 ? "remedying" : "reporting",
        auditRound: roundId,
        findings,
      }),
      RemedyProposed: (state, { proposer, actions, approvalKey }) => ({
        ...state,
        status: "remedyAwaitingApproval",
        proposer: proposer.personId,
        actions: actions.map((action) => ({
          ...action,
          ladder: undefined,
          reminded: false,
          level: 0,
          doneAt: undefined,
          feedback: undefined,
        })),
        approval: { key: approvalKey, gate: "remedy" },
      }),
      RemedyApproved: (state, { ladders }) => ({
        ...gatePassed(state),
        status: "executing",
        actions: state.actions.map((action, index) => ({ ...action, ladder: ladders[index] })),
      }),
      RemedyReturned: (state) => ({ ...gateReturned(state), status: "remedying" }),
      RemedyReminded: (state, { actionId }) => withAction(state, actionId, { reminded: true }),
      RemedyEscalated: (state, { actionId, rung }) => withAction(state, actionId, { level: rung.level }),
      ActionDone: (state, { at, actionId, feedback }) => {
        const next = withAction(state, actionId, { doneAt: at, feedback })
        return { ...next, status: openRemedyActions(next).length === 0 ? "reporting" : "executing" }
      },
      ReportSubmitted: (state, { author, summary, approvalKey }) => ({
        ...state,
        status: "reportAwaitingApproval",
        reportAuthor: author.personId,
        summary,
        approval: { key: approvalKey, gate: "report" },
      }),
      Archived: (state) => ({ ...gatePassed(state), status: "archived" }),
      ReportReturned: (state) => ({ ...gateReturned(state), status: "reporting" }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      state.status !== "executing"
        ? []
        : openRemedyActions(state).flatMap((action) =>
            ladderDeadlines(`remedy:${action.actionId}`, action.ladder!, action, { type: "FollowUpRemedy" }),
          ),
    effects: {
      Classified: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: `${informationConfidentialityName}.classification`,
          businessKey: state.matterId,
          title: label(`密级审核：${titleOf(state)["zh-CN"]}`, `Classification: ${titleOf(state).en}`),
          originator: supervisorOf(state),
          formId: classificationForm.id,
          values: {
            matterId: state.matterId,
            title: state.title,
            classifiedBy: event.classifier.personId,
            items: event.items,
          },
          steps: approvalStepsOf(policy.classificationApprovers),
        }),
      ],
      ClassificationReturned: (state, event, host) => [
        sentBack(
          host,
          state,
          supervisorOf(state),
          event.comment,
          label("请重新划分密级后提交。", "Classify the information again and resubmit."),
        ),
      ],
      ClassificationApproved: (state, _event, host) => [
        host.task(supervisorOf(state), {
          externalKey: `${state.matterId}/circulation`,
          subject: `确定传阅范围 Set the circulation list: ${state.title}`,
          body: `${state.items.length} items classified`,
        }),
      ],
      CirculationSet: (state, event, host) => [
        host.completeTask(`${state.matterId}/circulation`),
        host.notify(
          event.recipients.map(recipientOf),
          "info",
          titleOf(state),
          label(
            "您在传阅范围内，请按编号签收并执行保密规定。",
            "You are on the circulation list: sign for each numbered copy and keep it confidential.",
          ),
        ),
      ],
      Audited: (state, event, host) =>
        event.findings.length === 0
          ? [
              host.task(supervisorOf(state), {
                externalKey: `${state.matterId}/report`,
                subject: `处理报告 Report on ${state.title}`,
                body: "监督检查未发现问题 The audit found no breach",
              }),
            ]
          : [
              host.notify(
                [supervisorOf(state), ...policy.remedyApprovers.map((role) => ({ role }))],
                "warning",
                titleOf(state),
                label(
                  `监督检查发现 ${event.findings.length} 项问题，请补救处理`,
                  `The audit found ${event.findings.length} breaches: remedy them`,
                ),
              ),
            ],
      RemedyProposed: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: `${informationConfidentialityName}.remedy`,
          businessKey: state.matterId,
          title: label(`补救处理审核：${titleOf(state)["zh-CN"]}`, `Remedy: ${titleOf(state).en}`),
          originator: { person: event.proposer.personId },
          formId: remedyForm.id,
          values: {
            matterId: state.matterId,
            actions: event.actions.map((action) => ({ ...action, findingIds: action.findingIds.join(", ") })),
          },
          steps: approvalStepsOf(policy.remedyApprovers),
        }),
      ],
      RemedyReturned: (state, event, host) => [
        sentBack(
          host,
          state,
          state.proposer ? { person: state.proposer } : supervisorOf(state),
          event.comment,
          label("请修改补救措施后重新提交。", "Revise the remedy and resubmit."),
        ),
      ],
      RemedyApproved: (state, _event, host) =>
        state.actions.map((action) =>
          host.task(
            { person: action.owner },
            {
              externalKey: actionTask(state, action.actionId),
              subject: `执行补救措施 Carry out remedy ${action.actionId}`,
              body: action.action,
              dueAt: action.ladder!.dueAt,
            },
            `host.task.create:${action.actionId}`,
          ),
        ),
      RemedyReminded: (state, event, host) => {
        const action = actionOf(state, event.actionId)
        return [
          host.notify(
            [{ person: action.owner }],
            "info",
            label("补救措施即将到期", "Remedy action due soon"),
            label(action.action, action.action),
          ),
        ]
      },
      RemedyEscalated: (state, event, host) => {
        const action = actionOf(state, event.actionId)
        return [
          host.notify(
            [{ role: event.rung.role }],
            event.rung.level > 1 ? "urgent" : "warning",
            label("补救措施逾期未完成", "Remedy action overdue"),
            label(`${state.matterId}：${action.action}`, `${state.matterId}: ${action.action}`),
          ),
        ]
      },
      ActionDone: (state, event, host) => [
        host.completeTask(actionTask(state, event.actionId)),
        ...(state.status === "reporting"
          ? [
              host.task(supervisorOf(state), {
                externalKey: `${state.matterId}/report`,
                subject: `处理报告 Report on ${state.title}`,
                body: `${state.actions.length} 项补救措施已完成 remedy actions done`,
              }),
            ]
          : []),
      ],
      ReportSubmitted: (state, event, host) => [
        host.completeTask(`${state.matterId}/report`),
        host.submitApproval(event.approvalKey, {
          requestType: `${informationConfidentialityName}.report`,
          businessKey: state.matterId,
          title: label(
            `保密处理报告：${titleOf(state)["zh-CN"]}`,
            `Confidentiality report: ${titleOf(state).en}`,
          ),
          originator: { person: event.author.personId },
          formId: reportForm.id,
          values: {
            matterId: state.matterId,
            title: state.title,
            author: event.author.personId,
            copies: state.copies.length,
            findings: state.findings.length,
            actions: state.actions.length,
            summary: event.summary,
          },
          steps: approvalStepsOf(policy.reportApprovers),
        }),
      ],
      ReportReturned: (state, event, host) => [
        sentBack(
          host,
          state,
          state.reportAuthor ? { person: state.reportAuthor } : supervisorOf(state),
          event.comment,
          label("请修改处理报告后重新提交。", "Revise the report and resubmit."),
        ),
      ],
      Archived: (state, _event, host) => [
        host.notify(
          [supervisorOf(state)],
          "info",
          titleOf(state),
          label("处理报告已批准，资料存档。", "The report is approved and the matter archived."),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

function actionOf(state: InformationConfidentialityState, actionId: string): TrackedRemedyAction {
  return state.actions.find((action) => action.actionId === actionId)!
}

function withAction(
  state: InformationConfidentialityState,
  actionId: string,
  change: Partial<TrackedRemedyAction>,
): InformationConfidentialityState {
  return {
    ...state,
    actions: state.actions.map((action) =>
      action.actionId === actionId ? { ...action, ...change } : action,
    ),
  }
}

/** The highest level among the classified items: what the matter as a whole is marked. */
export const matterLevelOf = (state: InformationConfidentialityState) =>
  state.items.reduce<ConfidentialityLevel>((highest, item) => stricterLevel(highest, item.level), "public")
