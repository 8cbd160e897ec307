import { z } from "zod"
import { field } from "../../forms/field.ts"
import { safeTextSchema } from "../../forms/safe-text.ts"
import type { HostRecordId, PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import type { Money } from "../../money/money.ts"
import type { CivilDate } from "../../time/civil-date.ts"
import { type Instant, instantSchema } from "../../time/instant.ts"
import { ComplaintType } from "../labels/complaint-type.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { FollowUpMethod } from "../labels/follow-up-method.ts"
import { ImprovementArea } from "../labels/improvement-area.ts"
import { LitigationVerdict } from "../labels/litigation-verdict.ts"
import { OpinionDepartment } from "../labels/opinion-department.ts"
import { PauseReason } from "../labels/pause-reason.ts"
import { RejectionReason } from "../labels/rejection-reason.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"
import { RootCause } from "../labels/root-cause.ts"
import { SanctionKind } from "../labels/sanction-kind.ts"
import type { SatisfactionScore } from "../labels/satisfaction.ts"
import { Severity } from "../labels/severity.ts"
import { responsibilityColumns } from "../schema/responsibility.ts"
import { type Actor, actorSchema, personIdSchema } from "./actor.ts"
import type { SlaKind } from "./sla.ts"

/** Register a complaint (①–③): the registration form's values, validated by `registrationForm`. */
export interface Register {
  readonly type: "Register"
  readonly at: Instant
  readonly complaintId: string
  readonly actor: Actor
  /** The values of 客户投诉登记表; with its acceptance section filled, it is accepted or rejected at once. */
  readonly registration: unknown
  /**
   * The host record staff opened the complaint in (a ticket an agent created in HubSpot): the
   * complaint's case takes it over instead of opening a second one (`CaseDraft.adoptRecordId`).
   */
  readonly hostRecordId?: HostRecordId
}

/** Accept the complaint (受理) and promise a handling date: the policy's, or an earlier/later named day. */
export interface Accept {
  readonly type: "Accept"
  readonly at: Instant
  readonly actor: Actor
  /** The handler (承办人); the actor when absent. */
  readonly handler?: PersonId
  /** The promised handling date (承诺办理期限); the service level of the urgency when absent. */
  readonly promisedDate?: CivilDate
}

/** Do not accept the complaint (不予受理), with the reason told to the customer. */
export interface Reject {
  readonly type: "Reject"
  readonly at: Instant
  readonly actor: Actor
  readonly reason: (typeof RejectionReason.values)[number]
  readonly explanation: string
}

/** Classify the complaint and hand it to the department in charge; starts the investigation. */
export interface Classify {
  readonly type: "Classify"
  readonly at: Instant
  readonly actor: Actor
  readonly category: (typeof ContentCategory.values)[number]
  /** Corrects the type given at registration. */
  readonly complaintType?: (typeof ComplaintType.values)[number]
  readonly departmentId: string
  /** Who investigates (查证人); gets a task. */
  readonly investigator?: PersonId
}

/** Give the case to another handler. */
export interface AssignHandler {
  readonly type: "AssignHandler"
  readonly at: Instant
  readonly actor: Actor
  readonly handler: PersonId
}

/** Record what the investigation found: cause, own side or not, responsibility by department. */
export interface RecordInvestigation {
  readonly type: "RecordInvestigation"
  readonly at: Instant
  readonly actor: Actor
  readonly cause: (typeof RootCause.values)[number]
  readonly ownSide: boolean
  /** 责任归属: departments and shares adding up to 100 %; required on own side, empty otherwise. */
  readonly responsibility?: ReadonlyArray<{ readonly departmentId: string; readonly sharePercent: number }>
  readonly sanctions?: ReadonlyArray<{
    readonly name: string
    readonly kind: (typeof SanctionKind.values)[number]
  }>
  readonly severity: (typeof Severity.values)[number]
  readonly findings: string
  /** What the customer is told when the cause is not the company's (解释、引导); required then. */
  readonly explanation?: string
}

/** Record a related department's opinion (相关部门协商). */
export interface RecordDepartmentOpinion {
  readonly type: "RecordDepartmentOpinion"
  readonly at: Instant
  readonly actor: Actor
  readonly department: (typeof OpinionDepartment.values)[number]
  readonly opinion: string
}

/** Propose a solution; above the actor's authority it goes to approval. */
export interface ProposeRemedy {
  readonly type: "ProposeRemedy"
  readonly at: Instant
  readonly actor: Actor
  readonly remedies: ReadonlyArray<{
    readonly kind: (typeof RemedyKind.values)[number]
    readonly amount: Money
    readonly quantity?: number
    readonly note?: string
  }>
  readonly note?: string
}

/** The approvers' decision on a solution, fed from the approvals host's `ApprovalOutcomeEvent`. */
export interface DecideRemedyApproval {
  readonly type: "DecideRemedyApproval"
  readonly at: Instant
  /** The key the approval was submitted with (`ApprovalOutcomeEvent.key`). */
  readonly approvalKey: string
  readonly outcome: "approved" | "rejected" | "withdrawn"
  readonly decidedBy?: PersonId
  readonly comment?: string
}

/** The customer's answer to the solution (客户满意?). */
export interface RecordCustomerResponse {
  readonly type: "RecordCustomerResponse"
  readonly at: Instant
  readonly actor: Actor
  readonly accepted: boolean
  readonly note?: string
}

/** Take the matter to litigation after the customer refused (诉讼程序). */
export interface StartLitigation {
  readonly type: "StartLitigation"
  readonly at: Instant
  readonly actor: Actor
  readonly reference?: string
  readonly note?: string
}

/** Record how the litigation ended and what the company pays. */
export interface ConcludeLitigation {
  readonly type: "ConcludeLitigation"
  readonly at: Instant
  readonly actor: Actor
  readonly verdict: (typeof LitigationVerdict.values)[number]
  readonly award: Money
  readonly note?: string
}

/** The solution has been carried out (按照方案执行); `at` is the actual handling date. */
export interface RecordExecution {
  readonly type: "RecordExecution"
  readonly at: Instant
  readonly actor: Actor
  /** What it actually cost; the proposal's total when absent. */
  readonly cost?: Money
  readonly note?: string
}

/** Summary and evaluation (总结评价), improvements, and closure (结案). */
export interface Close {
  readonly type: "Close"
  readonly at: Instant
  readonly actor: Actor
  readonly summary: string
  readonly evaluation?: string
  readonly improvements?: ReadonlyArray<{
    readonly area: (typeof ImprovementArea.values)[number]
    readonly action: string
  }>
}

/** The follow-up visit after closure (回访) and the customer's satisfaction. */
export interface RecordFollowUp {
  readonly type: "RecordFollowUp"
  readonly at: Instant
  readonly actor: Actor
  readonly satisfaction: SatisfactionScore
  readonly method: (typeof FollowUpMethod.values)[number]
  readonly comment?: string
}

/** Reopen a closed complaint. */
export interface Reopen {
  readonly type: "Reopen"
  readonly at: Instant
  readonly actor: Actor
  readonly reason: string
}

/** The customer withdraws the complaint. */
export interface Withdraw {
  readonly type: "Withdraw"
  readonly at: Instant
  readonly actor: Actor
  readonly reason: string
}

/** Stop the SLA clock while waiting on the customer. */
export interface PauseClock {
  readonly type: "PauseClock"
  readonly at: Instant
  readonly actor: Actor
  readonly reason: (typeof PauseReason.values)[number]
  readonly note?: string
}

/** Run the SLA clock again; without an actor, the pause ran out (a deadline of the process). */
export interface ResumeClock {
  readonly type: "ResumeClock"
  readonly at: Instant
  readonly actor?: Actor
}

/** A timer of the process: a warning, breach or escalation of a service level may be due. */
export interface CheckSla {
  readonly type: "CheckSla"
  readonly at: Instant
  readonly sla: SlaKind
}

/** A timer of the process: the next reminder (督促) is due. */
export interface SendReminder {
  readonly type: "SendReminder"
  readonly at: Instant
}

/** A timer of the process: the follow-up visit may be overdue. */
export interface CheckFollowUp {
  readonly type: "CheckFollowUp"
  readonly at: Instant
}

/** Every command of a complaint. */
export type ComplaintCommand =
  | Register
  | Accept
  | Reject
  | Classify
  | AssignHandler
  | RecordInvestigation
  | RecordDepartmentOpinion
  | ProposeRemedy
  | DecideRemedyApproval
  | RecordCustomerResponse
  | StartLitigation
  | ConcludeLitigation
  | RecordExecution
  | Close
  | RecordFollowUp
  | Reopen
  | Withdraw
  | PauseClock
  | ResumeClock
  | CheckSla
  | SendReminder
  | CheckFollowUp

/** The type names of complaint commands. */
export type ComplaintCommandType = ComplaintCommand["type"]

const instant = instantSchema
const text = safeTextSchema
const optionalText = (maxLength: number) => text(maxLength).optional()
const money = field.money({ label: label("金额", "Amount") }).schema
const civilDate = field.date({ label: label("日期", "Date") }).schema
const idSchema = responsibilityColumns.departmentId.schema
const base = { at: instant }
const acting = { at: instant, actor: actorSchema }

/**
 * The shape of every command, checked before anything else so `decide` answers bad input with a
 * `ValidationError` naming the field instead of throwing.
 */
export const commandSchemas: { readonly [K in ComplaintCommandType]: z.ZodType } = {
  Register: z.strictObject({
    type: z.literal("Register"),
    ...acting,
    complaintId: idSchema,
    registration: z.unknown(),
    hostRecordId: (idSchema as unknown as z.ZodType<HostRecordId>).optional(),
  }),
  Accept: z.strictObject({
    type: z.literal("Accept"),
    ...acting,
    handler: personIdSchema.optional(),
    promisedDate: civilDate.optional(),
  }),
  Reject: z.strictObject({
    type: z.literal("Reject"),
    ...acting,
    reason: RejectionReason.schema,
    explanation: text(2000),
  }),
  Classify: z.strictObject({
    type: z.literal("Classify"),
    ...acting,
    category: ContentCategory.schema,
    complaintType: ComplaintType.schema.optional(),
    departmentId: idSchema,
    investigator: personIdSchema.optional(),
  }),
  AssignHandler: z.strictObject({ type: z.literal("AssignHandler"), ...acting, handler: personIdSchema }),
  RecordInvestigation: z.strictObject({
    type: z.literal("RecordInvestigation"),
    ...acting,
    cause: RootCause.schema,
    ownSide: z.boolean(),
    responsibility: z
      .array(
        z.strictObject({
          departmentId: responsibilityColumns.departmentId.schema,
          sharePercent: responsibilityColumns.sharePercent.schema,
        }),
      )
      .max(20)
      .optional(),
    sanctions: z
      .array(z.strictObject({ name: text(100), kind: SanctionKind.schema }))
      .max(20)
      .optional(),
    severity: Severity.schema,
    findings: text(5000),
    explanation: optionalText(2000),
  }),
  RecordDepartmentOpinion: z.strictObject({
    type: z.literal("RecordDepartmentOpinion"),
    ...acting,
    department: OpinionDepartment.schema,
    opinion: text(2000),
  }),
  ProposeRemedy: z.strictObject({
    type: z.literal("ProposeRemedy"),
    ...acting,
    remedies: z
      .array(
        z.strictObject({
          kind: RemedyKind.schema,
          amount: money,
          quantity: z.number().int().min(1).max(1_000_000).optional(),
          note: optionalText(200),
        }),
      )
      .min(1, "propose at least one remedy")
      .max(20),
    note: optionalText(2000),
  }),
  DecideRemedyApproval: z.strictObject({
    type: z.literal("DecideRemedyApproval"),
    ...base,
    approvalKey: z.string().min(1).max(500),
    outcome: z.enum(["approved", "rejected", "withdrawn"]),
    decidedBy: personIdSchema.optional(),
    comment: optionalText(2000),
  }),
  RecordCustomerResponse: z.strictObject({
    type: z.literal("RecordCustomerResponse"),
    ...acting,
    accepted: z.boolean(),
    note: optionalText(2000),
  }),
  StartLitigation: z.strictObject({
    type: z.literal("StartLitigation"),
    ...acting,
    reference: optionalText(100),
    note: optionalText(2000),
  }),
  ConcludeLitigation: z.strictObject({
    type: z.literal("ConcludeLitigation"),
    ...acting,
    verdict: LitigationVerdict.schema,
    award: money,
    note: optionalText(2000),
  }),
  RecordExecution: z.strictObject({
    type: z.literal("RecordExecution"),
    ...acting,
    cost: money.optional(),
    note: optionalText(2000),
  }),
  Close: z.strictObject({
    type: z.literal("Close"),
    ...acting,
    summary: text(4000),
    evaluation: optionalText(4000),
    improvements: z
      .array(z.strictObject({ area: ImprovementArea.schema, action: text(1000) }))
      .max(20)
      .optional(),
  }),
  RecordFollowUp: z.strictObject({
    type: z.literal("RecordFollowUp"),
    ...acting,
    satisfaction: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    method: FollowUpMethod.schema,
    comment: optionalText(2000),
  }),
  Reopen: z.strictObject({ type: z.literal("Reopen"), ...acting, reason: text(2000) }),
  Withdraw: z.strictObject({ type: z.literal("Withdraw"), ...acting, reason: text(2000) }),
  PauseClock: z.strictObject({
    type: z.literal("PauseClock"),
    ...acting,
    reason: PauseReason.schema,
    note: optionalText(2000),
  }),
  ResumeClock: z.strictObject({ type: z.literal("ResumeClock"), ...base, actor: actorSchema.optional() }),
  CheckSla: z.strictObject({
    type: z.literal("CheckSla"),
    ...base,
    sla: z.enum(["firstResponse", "resolution"]),
  }),
  SendReminder: z.strictObject({ type: z.literal("SendReminder"), ...base }),
  CheckFollowUp: z.strictObject({ type: z.literal("CheckFollowUp"), ...base }),
}
