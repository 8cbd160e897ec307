import { Result } from "effect"
import { z } from "zod"
import type { PlanRefusal } from "../../approvals/chain/plan-chain.ts"
import type { ApprovalPolicy } from "../../approvals/policy/approval-policy.ts"
import { defaultApprovalPolicy } from "../../approvals/policy/default-approval-policy.ts"
import type { InvalidTransition } from "../../errors/refusals.ts"
import { ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { label } from "../../labels/label.ts"
import type { Money } from "../../money/money.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import {
  type ApprovalDecisionFields,
  decideAtGate,
  type GatedState,
  gatePassed,
  gateReturned,
} from "../../process/approval-gate.ts"
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
import type { Assignee } from "../../process/effect-request.ts"
import { type Decision, defineFlow, type FlowState } from "../../process/flow.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import type { Instant } from "../../time/instant.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { PaymentMethod } from "../labels/payment-method.ts"
import { ScoringModel } from "../labels/scoring-model.ts"
import { type CreditApprovalStep, plannedCreditRoute } from "../policy/approval-chain.ts"
import {
  type CreditPolicy,
  dangerControlSchema,
  overdueControlSchema,
  overLimitRuleSchema,
  parseCreditPolicy,
} from "../policy/credit-policy.ts"
import { nonNegativeMoneyInputSchema } from "../schema/money-input.ts"
import { creditStandardApprovalValues } from "./credit-standard-values.ts"

/** The process name of the credit standard's drafting; part of every idempotency key. */
export const creditStandardName = "credit.standard"

/** Where the drafting of a credit standard stands. */
export type CreditStandardStatus =
  | "none"
  | "collecting"
  | "drafting"
  | "awaitingApproval"
  | "rating"
  | "published"
  | "cancelled"

/** An approval of the drafted standard the instance waits on. */
export interface PendingStandardApproval {
  readonly key: string
  readonly decidingRole: Role | undefined
  readonly steps: ReadonlyArray<CreditApprovalStep>
  readonly formId: string
  readonly requestedAt: Instant
}

/** The state of one drafting of the credit standard (客户信用制度制定). */
export interface CreditStandardState extends FlowState, GatedState {
  readonly status: CreditStandardStatus
  /** Events folded in so far: the sequence number of the next event. */
  readonly sequence: number
  readonly standardId: string
  /** The version the published policy will carry. */
  readonly version: string
  /** The version of the policy in force when drafting began, which the draft starts from. */
  readonly basePolicyVersion: string
  readonly owner: Actor | undefined
  /** ① 竞争对手的信用标准和政策. */
  readonly competitors: ReadonlyArray<CompetitorStandard> | undefined
  /** ② 客户信用收集分析. */
  readonly creditAnalysis: string | undefined
  /** ③ 客户销售统计分析. */
  readonly salesAnalysis: string | undefined
  readonly drafter: Actor | undefined
  /** ④ the drafted policy, complete and validated: what the approvers approve and replay reads. */
  readonly draft: CreditPolicy | undefined
  readonly approval: PendingStandardApproval | undefined
  /** ⑤ the policy as published; stored by the embedder as the new credit policy version. */
  readonly published: CreditPolicy | undefined
  /** How often the draft was sent back. */
  readonly returns: number
}

const competitorSchema = z.strictObject({
  competitor: commandTextSchema(200),
  standard: commandTextSchema(2000),
})

/** One competitor's credit standard and policy as collected at ①. */
export type CompetitorStandard = ShapedCommand<typeof competitorSchema>

const gradeDraftSchema = z.strictObject({
  grade: CreditGrade.schema,
  minimumScore: z.number().min(0).max(100),
  monthsOfRevenue: z.number().min(0).max(36),
  minimumLimit: nonNegativeMoneyInputSchema,
  maximumLimit: nonNegativeMoneyInputSchema,
  paymentTermDays: z.number().int().min(0).max(730),
  paymentMethod: PaymentMethod.schema,
  guaranteeRequired: z.boolean(),
  overLimit: overLimitRuleSchema,
})

/** One grade of the drafted standard: its score band and terms, limits as money. */
export type GradeDraft = ShapedCommand<typeof gradeDraftSchema>

/**
 * The shape of every command of the credit standard's drafting, checked before the decider
 * reads it, so callers can validate a command without deciding it.
 */
export const creditStandardCommandSchema = commandUnion(
  /** The customer-service department opens the drafting of a new policy version. */
  commandShape("Open", {
    standardId: commandIdSchema,
    owner: actorSchema,
    version: z.string().min(1).max(60),
    reason: commandTextSchema(2000).optional(),
  }),
  /** ① competitors' credit standards and policies. */
  commandShape("RecordCompetitorStandards", {
    actor: actorSchema,
    competitors: z.array(competitorSchema).min(1, "name at least one competitor").max(50),
  }),
  /** ② the customers' credit data collected and analysed. */
  commandShape("RecordCreditAnalysis", {
    actor: actorSchema,
    customersAnalysed: z.number().int().min(0).max(10_000_000),
    findings: commandTextSchema(4000),
  }),
  /** ③ the customers' sales statistics analysed. */
  commandShape("RecordSalesAnalysis", {
    actor: actorSchema,
    period: commandTextSchema(100),
    findings: commandTextSchema(4000),
  }),
  /** ④ 《客户信用等级评定标准和政策》: grades, limits, terms and the controls. */
  commandShape("DraftStandard", {
    actor: actorSchema,
    grades: z.array(gradeDraftSchema).length(CreditGrade.values.length, "must list the grades A, B, C, D"),
    overdue: overdueControlSchema,
    danger: dangerControlSchema,
    notes: commandTextSchema(2000).optional(),
  }),
  decideApprovalSchema,
  /** ⑤ 《客户信用等级评定表》: the scoring model and, optionally, new weights of its top-level items. */
  commandShape("DraftRatingForm", {
    actor: actorSchema,
    model: ScoringModel.schema,
    weights: z
      .array(z.strictObject({ item: commandIdSchema, weight: z.number().min(0).max(100) }))
      .max(100)
      .optional(),
  }),
  cancelCommandSchema,
)

/** The commands of the credit standard's drafting. */
export type CreditStandardCommand = ShapedCommand<typeof creditStandardCommandSchema>

type Step<Type extends CreditStandardCommand["type"]> = StepFields<CreditStandardCommand, Type>
type Decided = Omit<ApprovalDecisionFields, "at">

/** The events of the credit standard's drafting; drafts and the published policy travel whole. */
export type CreditStandardEvent =
  | FlowEvent<"Opened", Step<"Open"> & { basePolicyVersion: string }>
  | FlowEvent<"CompetitorStandardsRecorded", Step<"RecordCompetitorStandards">>
  | FlowEvent<"CreditAnalysisRecorded", Step<"RecordCreditAnalysis">>
  | FlowEvent<"SalesAnalysisRecorded", Step<"RecordSalesAnalysis">>
  | FlowEvent<"StandardDrafted", { actor: Actor; policy: CreditPolicy; notes: string | undefined }>
  | FlowEvent<
      "ApprovalRequested",
      {
        approvalKey: string
        decidingRole: Role | undefined
        steps: ReadonlyArray<CreditApprovalStep>
        formId: string
        values: Readonly<Record<string, unknown>>
      }
    >
  | FlowEvent<"Approved", Decided>
  | FlowEvent<"Returned", Decided & { outcome: "rejected" | "withdrawn" }>
  | FlowEvent<"Published", { actor: Actor; policy: CreditPolicy }>
  | CancelledEvent

/** Why a credit standard command is refused. */
export type CreditStandardRefusal = InvalidTransition | ValidationError | PlanRefusal

/** Options of the credit standard's drafting. */
export interface CreditStandardOptions {
  /** The company's approval chains; its `credit.standard` chain names who approves (default: the handbook's). */
  readonly approvalPolicy?: ApprovalPolicy
}

const initialState: CreditStandardState = {
  status: "none",
  sequence: 0,
  standardId: "",
  version: "",
  basePolicyVersion: "",
  owner: undefined,
  competitors: undefined,
  creditAnalysis: undefined,
  salesAnalysis: undefined,
  drafter: undefined,
  draft: undefined,
  approval: undefined,
  decidedApprovals: [],
  published: undefined,
  returns: 0,
}

const subject = `${creditStandardName}.command`

/** The drafted grades and controls laid over the policy in force, validated as a whole. */
function draftPolicy(
  base: CreditPolicy,
  version: string,
  command: Extract<CreditStandardCommand, { type: "DraftStandard" }>,
): Result.Result<CreditPolicy, ValidationError> {
  const issues: Array<ValidationIssue> = []
  command.grades.forEach((grade, index) => {
    for (const field of ["minimumLimit", "maximumLimit"] as const) {
      if (grade[field].currency !== base.currency)
        issues.push({
          path: ["grades", index, field, "currency"],
          message: `must be ${base.currency}`,
          code: "rule",
        })
    }
  })
  if (issues.length > 0) return Result.fail(new ValidationError({ subject, issues }))
  const grades = command.grades.map(({ minimumLimit, maximumLimit, monthsOfRevenue, ...terms }) => ({
    ...terms,
    limit: { monthsOfRevenue, minimumMinor: minimumLimit.minor, maximumMinor: maximumLimit.minor },
  }))
  const parsed = parseCreditPolicy({
    ...base,
    version,
    grades,
    overdue: command.overdue,
    danger: command.danger,
  })
  return Result.mapError(parsed, (error) => asCommandError(error, draftFieldOf))
}

const limitFields: Readonly<Record<string, string>> = {
  minimumMinor: "minimumLimit",
  maximumMinor: "maximumLimit",
}

/** The ④ command's field a policy issue is about: `grades[i].limit.minimumMinor` is `grades[i].minimumLimit`. */
const draftFieldOf = (path: ReadonlyArray<string | number>): ReadonlyArray<string | number> =>
  path[0] === "grades" && path[2] === "limit"
    ? ["grades", path[1]!, limitFields[String(path[3])] ?? String(path[3]), ...path.slice(4)]
    : path

/** A policy that does not validate, reported against the command's fields so the form shows where. */
const asCommandError = (
  error: ValidationError,
  fieldOf: (path: ReadonlyArray<string | number>) => ReadonlyArray<string | number>,
) =>
  new ValidationError({
    subject,
    issues: error.issues.map((issue) => ({ ...issue, path: fieldOf(issue.path) })),
  })

/** ⑤ the scorecard of the chosen model with its top-level items reweighted, validated as a whole. */
function ratedPolicy(
  draft: CreditPolicy,
  command: Extract<CreditStandardCommand, { type: "DraftRatingForm" }>,
): Result.Result<CreditPolicy, ValidationError> {
  const key = command.model === "fiveC" ? "fiveC" : "analysisForm"
  const scorecard = draft.scoring[key]
  const weights = new Map((command.weights ?? []).map((entry) => [entry.item as string, entry.weight]))
  const known = new Set(scorecard.items.map((item) => item.id))
  const unknown = (command.weights ?? []).flatMap((entry, index) =>
    known.has(entry.item)
      ? []
      : [{ path: ["weights", index, "item"], message: "no such item", code: "rule" }],
  )
  if (unknown.length > 0) return Result.fail(new ValidationError({ subject, issues: unknown }))
  const items = scorecard.items.map((item) => ({ ...item, weight: weights.get(item.id) ?? item.weight }))
  const parsed = parseCreditPolicy({
    ...draft,
    scoring: { ...draft.scoring, model: command.model, [key]: { ...scorecard, items } },
  })
  // The only part ⑤ changes is the weights: a scorecard that no longer adds up is theirs.
  return Result.mapError(parsed, (error) => asCommandError(error, () => ["weights"]))
}

/**
 * 客户信用制度制定流程 ①–⑤ (004 ch.7 §19): the credit standard drafted from competitors' standards,
 * the customers' credit data and their sales statistics, approved ✓ by the post the company's
 * `credit.standard` approval chain names, completed with the rating form and published as a new
 * `CreditPolicy` version. Steps ⑥⑦ (limits per customer, telling the customer) are
 * `creditEvaluationProcess`, run under the published policy. The draft is built once, from the
 * policy in force, and kept whole in the events, so replay never depends on today's policy.
 */
export function creditStandardProcess(
  policy: CreditPolicy,
  options: CreditStandardOptions = {},
): ProcessDefinition<CreditStandardState, CreditStandardCommand, CreditStandardEvent, CreditStandardRefusal> {
  const approvalPolicy = options.approvalPolicy ?? defaultApprovalPolicy

  /** ④ → 审批 ✓: the chain the approval policy names, shown the 《客户信用等级评定标准和政策》. */
  function requestApproval(
    state: CreditStandardState,
    draft: CreditPolicy,
    at: Instant,
    decision: Decision<CreditStandardEvent>,
  ): Result.Result<CreditStandardEvent, PlanRefusal> {
    const values = creditStandardApprovalValues(draft, basisOf(state))
    const route = plannedCreditRoute(approvalPolicy, "credit.standard", highestLimit(draft), values)
    if (Result.isFailure(route)) return Result.fail(route.failure)
    const { decidingRole, steps, formId } = route.success
    const approvalKey = decision.keyAt(1, "approval.submit")
    return Result.succeed({ type: "ApprovalRequested", at, approvalKey, decidingRole, steps, formId, values })
  }

  return defineFlow<CreditStandardState, CreditStandardCommand, CreditStandardEvent, CreditStandardRefusal>({
    name: creditStandardName,
    initialState,
    commands: creditStandardCommandSchema,
    idOf: (state) => state.standardId,
    finished: ["published", "cancelled"],
    steps: {
      // 开始 (客户服务部): a new version of the credit policy is to be drafted
      Open: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the drafting was already opened")
        if (command.version === policy.version)
          return decision.refuse(`the new version must differ from the policy in force (${policy.version})`)
        return decision.accept({ ...command, type: "Opened", basePolicyVersion: policy.version })
      },
      // ① 竞争对手的信用标准和政策 (客户信息专员)
      RecordCompetitorStandards: (state, command, decision) =>
        whileCollecting(state, decision, { ...command, type: "CompetitorStandardsRecorded" }),
      // ② 客户信用收集分析 (客户信息专员)
      RecordCreditAnalysis: (state, command, decision) =>
        whileCollecting(state, decision, { ...command, type: "CreditAnalysisRecorded" }),
      // ③ 客户销售统计分析 (客户信息专员)
      RecordSalesAnalysis: (state, command, decision) =>
        whileCollecting(state, decision, { ...command, type: "SalesAnalysisRecorded" }),
      // ④ 制定《客户信用等级评定标准和政策》 (客户服务部), then 审批 ✓ (客户服务部经理)
      DraftStandard: (state, command, decision) => {
        if (state.status !== "drafting")
          return decision.refuse("the standard is drafted once ①–③ are collected, or after it was sent back")
        const drafted = draftPolicy(policy, state.version, command)
        if (Result.isFailure(drafted)) return Result.fail(drafted.failure)
        const event: CreditStandardEvent = {
          type: "StandardDrafted",
          at: command.at,
          actor: command.actor,
          policy: drafted.success,
          notes: command.notes,
        }
        return Result.map(requestApproval(state, drafted.success, command.at, decision), (requested) => [
          event,
          requested,
        ])
      },
      // ✓ 通过: ⑤ — 未通过: back to ④
      DecideApproval: (state, command, decision) =>
        decideAtGate(state, command, state.status === "awaitingApproval", decision, {
          approved: (decided) => decision.accept({ type: "Approved", ...decided }),
          returned: (decided) => decision.accept({ type: "Returned", ...decided }),
        }),
      // ⑤ 制定《客户信用等级评定表》 (客户服务部) → the new policy version published
      DraftRatingForm: (state, command, decision) => {
        if (state.status !== "rating")
          return decision.refuse("the rating form is drafted once the standard is approved")
        const rated = ratedPolicy(state.draft!, command)
        if (Result.isFailure(rated)) return Result.fail(rated.failure)
        return decision.accept({
          type: "Published",
          at: command.at,
          actor: command.actor,
          policy: rated.success,
        })
      },
      Cancel: cancelWhileOpen(["published"], "only an open drafting can be cancelled", "awaitingApproval"),
    },
    folds: {
      Opened: (state, event) => ({
        ...state,
        status: "collecting",
        standardId: event.standardId,
        version: event.version,
        basePolicyVersion: event.basePolicyVersion,
        owner: event.owner,
      }),
      CompetitorStandardsRecorded: (state, event) => collecting({ ...state, competitors: event.competitors }),
      CreditAnalysisRecorded: (state, event) => collecting({ ...state, creditAnalysis: event.findings }),
      SalesAnalysisRecorded: (state, event) => collecting({ ...state, salesAnalysis: event.findings }),
      StandardDrafted: (state, event) => ({ ...state, drafter: event.actor, draft: event.policy }),
      ApprovalRequested: (state, { approvalKey: key, decidingRole, steps, formId, at }) => ({
        ...state,
        status: "awaitingApproval",
        approval: { key, decidingRole, steps, formId, requestedAt: at },
      }),
      Approved: (state) => ({ ...gatePassed(state), status: "rating" }),
      Returned: (state) => ({ ...gateReturned(state), status: "drafting", returns: state.returns + 1 }),
      Published: (state, event) => ({ ...state, status: "published", published: event.policy }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    effects: {
      Opened: (state, _event, host) =>
        collectionTasks.map(([step, subjectText, body]) =>
          host.task(
            { role: "officer" },
            {
              externalKey: `${state.standardId}/${step}`,
              subject: subjectText,
              body: `${body} (${state.version})`,
            },
            `host.task.create:${step}`,
          ),
        ),
      CompetitorStandardsRecorded: (state, _event, host) => collectedEffects(state, "competitors", host),
      CreditAnalysisRecorded: (state, _event, host) => collectedEffects(state, "credit-data", host),
      SalesAnalysisRecorded: (state, _event, host) => collectedEffects(state, "sales-statistics", host),
      ApprovalRequested: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: creditStandardName,
          businessKey: state.standardId,
          title: label(`客户信用等级评定标准和政策 ${state.version}`, `Credit standard ${state.version}`),
          originator: drafterOf(state),
          formId: event.formId,
          values: event.values,
          steps: event.steps,
        }),
      ],
      Approved: (state, _event, host) => [
        host.task(drafterOf(state), {
          externalKey: `${state.standardId}/rating-form`,
          subject: `⑤ 制定客户信用等级评定表 Draft the rating form (${state.version})`,
          body: "The credit standard is approved: choose the scoring model and its weights to publish it.",
        }),
      ],
      StandardDrafted: (state, _event, host) => [host.completeTask(draftTaskOf(state))],
      Returned: (state, event, host) => [
        host.task(drafterOf(state), {
          externalKey: draftTaskOf(state),
          subject: `④ 修改客户信用等级评定标准和政策 Revise the credit standard (${state.version})`,
          body: event.comment ?? "The approvers sent the draft back: revise it and submit it again.",
        }),
        host.notify(
          [drafterOf(state)],
          "warning",
          label("客户信用等级评定标准未获批准", "Credit standard not approved"),
          label(
            `${state.version}：${event.comment ?? "请修改后重新提交"}`,
            `${state.version}: ${event.comment ?? "revise the draft and submit it again"}`,
          ),
        ),
      ],
      Published: (state, event, host) => [
        host.completeTask(`${state.standardId}/rating-form`),
        host.notify(
          [{ role: "manager" }, { role: "supervisor" }, { role: "officer" }],
          "info",
          label("新信用制度已发布", "New credit policy published"),
          label(
            `信用制度 ${event.policy.version} 取代 ${state.basePolicyVersion}`,
            `Credit policy ${event.policy.version} replaces ${state.basePolicyVersion}`,
          ),
        ),
        host.task(
          { role: "officer" },
          {
            externalKey: `${state.standardId}/rate-customers`,
            subject: `⑥ 核定客户信用额度、账期 Rate customers under ${event.policy.version}`,
            body: "Evaluate customers' credit limits and payment terms under the new policy, then tell them (⑦).",
          },
          "host.task.create:rate-customers",
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

/** The policy a published drafting produced, for the embedder to store as the policy in force. */
export const publishedCreditPolicy = (state: CreditStandardState): CreditPolicy | undefined => state.published

const collectionTasks = [
  [
    "competitors",
    "① 竞争对手的信用标准和政策 Competitors' credit standards",
    "Collect competitors' credit standards and policies",
  ],
  [
    "credit-data",
    "② 客户信用收集分析 Customers' credit data",
    "Collect and analyse the customers' credit data",
  ],
  [
    "sales-statistics",
    "③ 客户销售统计分析 Customers' sales statistics",
    "Analyse the customers' sales statistics",
  ],
] as const

/** ①②③ are recorded once each, in any order, before ④. */
const whileCollecting = (
  state: CreditStandardState,
  decision: Decision<CreditStandardEvent>,
  event: CreditStandardEvent,
) =>
  state.status === "collecting"
    ? decision.accept(event)
    : decision.refuse(
        "competitors' standards, credit data and sales statistics are collected before drafting",
      )

const collecting = (state: CreditStandardState): CreditStandardState =>
  state.competitors !== undefined && state.creditAnalysis !== undefined && state.salesAnalysis !== undefined
    ? { ...state, status: "drafting" }
    : state

function collectedEffects(
  state: CreditStandardState,
  step: (typeof collectionTasks)[number][0],
  host: HostEffects,
) {
  const done = host.completeTask(`${state.standardId}/${step}`)
  if (state.status !== "drafting") return [done]
  return [
    done,
    host.task(ownerOf(state), {
      externalKey: draftTaskOf(state),
      subject: `④ 制定客户信用等级评定标准和政策 Draft the credit standard (${state.version})`,
      body: "Competitors' standards, credit data and sales statistics are in: draft the grades, limits and terms.",
    }),
  ]
}

/** The ④ task of the current round: the first draft, then one per return. */
const draftTaskOf = (state: CreditStandardState) =>
  state.returns === 0 ? `${state.standardId}/draft` : `${state.standardId}/draft-${state.returns}`

const basisOf = (state: CreditStandardState) => ({
  competitors: state.competitors ?? [],
  creditAnalysis: state.creditAnalysis ?? "",
  salesAnalysis: state.salesAnalysis ?? "",
})

const highestLimit = (draft: CreditPolicy): Money => ({
  minor: Math.max(...draft.grades.map((grade) => grade.limit.maximumMinor)),
  currency: draft.currency,
})

const ownerOf = (state: CreditStandardState): Assignee =>
  state.owner ? { person: state.owner.personId } : { role: "supervisor" }
const drafterOf = (state: CreditStandardState): Assignee =>
  state.drafter ? { person: state.drafter.personId } : ownerOf(state)
