import { Result } from "effect"
import { z } from "zod"
import { nonNegativeMoneyInputSchema } from "../../credit/schema/money-input.ts"
import type { InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
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
  timerCommand,
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow } from "../../process/flow.ts"
import { gateDecisionStep } from "../../process/gate-decision-step.ts"
import type { ApprovalGateEvents } from "../../process/gate-events.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { policyRefused } from "../../process/policy-refused.ts"
import { returnedNotice } from "../../process/returned-notice.ts"
import { timer, timers } from "../../process/timers.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { type Instant, instantSchema } from "../../time/instant.ts"
import type { LoyaltySurveyStatus } from "../labels/quality-labels.ts"
import { type CsatResult, csat } from "../models/csat.ts"
import { describeEstimate } from "../models/describe-estimate.ts"
import {
  type CustomerLoyaltyRecord,
  type LoyaltyIndicators,
  loyaltyIndicators,
  loyaltySegmentOf,
} from "../models/loyalty.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"
import type { RatingQuestion, SurveyDefinition } from "../schema/survey-definition.ts"
import type { SurveyResponse } from "../schema/survey-response.ts"
import {
  approverSteps,
  closeCollectionStep,
  draftedDefinition,
  minimumResponsesCheck,
  recordResponseStep,
} from "./survey-round.ts"

const processName = "quality.loyaltySurvey"

/** What is known of one customer's buying over the period, from the CRM or the ledger. */
const customerRecordSchema = z
  .strictObject({
    customerId: z.string().trim().min(1).max(200),
    customerAtStart: z.boolean(),
    customerAtEnd: z.boolean(),
    purchases: z.number().int().min(0),
    spendWithUs: nonNegativeMoneyInputSchema.optional(),
    categorySpend: nonNegativeMoneyInputSchema.optional(),
  })
  .superRefine(({ spendWithUs, categorySpend }, context) => {
    // the share of wallet needs both amounts in one currency, the category at least what came to us
    if (spendWithUs === undefined || categorySpend === undefined) return
    if (spendWithUs.currency !== categorySpend.currency)
      context.addIssue({
        code: "custom",
        path: ["categorySpend"],
        message: "must be in the currency of spendWithUs",
      })
    else if (categorySpend.minor < spendWithUs.minor)
      context.addIssue({
        code: "custom",
        path: ["categorySpend"],
        message: "must be at least what was spent with us",
      })
  })

/** One customer's buying over the period (the behavioural half of loyalty). */
export type LoyaltyCustomerRecord = ShapedCommand<typeof customerRecordSchema>

/**
 * The shape of every command of a loyalty survey round, checked before the decider reads it;
 * exported so callers can validate commands without deciding them.
 */
export const loyaltySurveyCommandSchema = commandUnion(
  /** ① the plan: the questionnaire and which of its questions ask satisfaction, recommendation, repurchase. */
  commandShape("DraftPlan", {
    id: commandIdSchema,
    definition: z.unknown(),
    satisfactionQuestion: commandIdSchema,
    recommendQuestion: commandIdSchema,
    repurchaseQuestion: commandIdSchema.optional(),
    fieldworkEnd: instantSchema,
    owner: personIdSchema,
  }),
  commandShape("SubmitPlan", {}),
  decideApprovalSchema,
  /** ② one customer's answers. */
  commandShape("RecordResponse", { response: z.unknown() }),
  /** ② the customers' buying over the period (retention, repeat purchase, share of wallet). */
  commandShape("RecordCustomers", {
    records: z.array(customerRecordSchema).min(1, "record at least one customer"),
  }),
  timerCommand("CloseCollection"),
  /** ③ analyse; `force` reports indicative figures below the policy's minimum of responses. */
  commandShape("Analyse", { force: z.boolean().optional() }),
  /** ④ the loyalty report's conclusions; closes the round. */
  commandShape("Report", { conclusions: commandTextSchema(5000) }),
  cancelCommandSchema,
)

/** The commands of a loyalty survey round. */
export type LoyaltySurveyCommand = ShapedCommand<typeof loyaltySurveyCommandSchema>

type Step<Type extends LoyaltySurveyCommand["type"]> = StepFields<LoyaltySurveyCommand, Type>

/** The questions of the questionnaire the indicators read. */
export interface LoyaltyQuestions {
  readonly satisfaction: string
  readonly recommend: string
  readonly repurchase: string | undefined
}

/** The indicators of a round: the loyalty model's and the share intending to buy again. */
export interface LoyaltySurveyResults {
  readonly responses: number
  readonly indicators: LoyaltyIndicators
  /** 再购意愿: the top-two-box share of the repurchase question, when asked. */
  readonly repurchaseIntention: CsatResult | undefined
}

/** The events of a loyalty survey round. */
export type LoyaltySurveyEvent =
  | FlowEvent<
      "PlanDrafted",
      {
        id: string
        definition: SurveyDefinition
        questions: LoyaltyQuestions
        fieldworkEnd: Instant
        owner: PersonId
        policyVersion: string
      }
    >
  | ApprovalGateEvents<"Plan">
  | FlowEvent<"ResponseRecorded", { response: SurveyResponse }>
  | FlowEvent<"CustomersRecorded", Step<"RecordCustomers">>
  | FlowEvent<"CollectionClosed", { responses: number }>
  | FlowEvent<"Analysed", { results: LoyaltySurveyResults; belowMinimum: boolean }>
  | FlowEvent<"Reported", Step<"Report">>
  | CancelledEvent

/** The state of one loyalty survey round. */
export interface LoyaltySurveyState extends GatedState {
  readonly status: LoyaltySurveyStatus
  readonly sequence: number
  readonly id: string
  readonly policyVersion: string
  readonly definition: SurveyDefinition | undefined
  readonly questions: LoyaltyQuestions | undefined
  readonly fieldworkEnd: Instant | undefined
  readonly owner: PersonId | undefined
  readonly responses: ReadonlyArray<SurveyResponse>
  readonly customers: ReadonlyArray<LoyaltyCustomerRecord>
  readonly results: LoyaltySurveyResults | undefined
  readonly belowMinimum: boolean
  readonly conclusions: string | undefined
}

/** Why a loyalty survey command was refused. */
export type LoyaltySurveyRefusal = InvalidTransition | PolicyRefusal | ValidationError

const initialState: LoyaltySurveyState = {
  status: "none",
  sequence: 0,
  id: "",
  policyVersion: "",
  definition: undefined,
  questions: undefined,
  fieldworkEnd: undefined,
  owner: undefined,
  responses: [],
  customers: [],
  results: undefined,
  belowMinimum: false,
  conclusions: undefined,
  approval: undefined,
  decidedApprovals: [],
}

const ownerOf = (state: LoyaltySurveyState): Assignee => personOrPost(state.owner, "supervisor")
const titleOf = (state: LoyaltySurveyState) =>
  state.definition?.title ?? label("客户忠诚度调查", "Customer loyalty survey")
/** Whose answers a response gives: the customer it names, else the respondent. */
const customerOfResponse = (response: SurveyResponse) => response.customerId ?? response.respondentId

/** The rating question `id` of the questionnaire, or why it cannot carry the indicator. */
function ratingQuestion(definition: SurveyDefinition, id: string): RatingQuestion | string {
  const question = definition.questions.find((candidate) => candidate.id === id)
  return question?.kind === "rating" ? question : `${id} is not a rating question of the questionnaire`
}

/** A numeric answer to `questionId`, if given. */
const numberAnswer = (response: SurveyResponse | undefined, questionId: string) => {
  const value = response?.answers[questionId]
  return typeof value === "number" ? value : undefined
}

/**
 * The loyalty survey round (客户忠诚度调查工作流程, 002 6.14): ① plan — the questionnaire and
 * which of its questions ask satisfaction, recommendation and repurchase intention → 审核 ✓ →
 * ② collect the answers and the customers' buying over the period → ③ analyse: retention, repeat
 * purchase, share of wallet, NPS, repurchase intention and the satisfaction × loyalty segments,
 * with their intervals, kept in the event → ④ report; each respondent's segment is written on the
 * host's customer record. A returned plan goes back to ①.
 */
export function loyaltySurveyProcess(
  policy: QualityPolicy = defaultQualityPolicy,
): ProcessDefinition<LoyaltySurveyState, LoyaltySurveyCommand, LoyaltySurveyEvent, LoyaltySurveyRefusal> {
  const enoughResponses = minimumResponsesCheck(
    policy.survey.minimumResponses,
    "loyalty.minimumResponses",
    "analyse",
  )
  const { survey, indices } = policy
  const interval = { confidence: indices.confidence, minimumSampleSize: indices.minimumSampleSize }

  /** ③ the indicators of the round: the survey's answers joined to the customers' buying. */
  function analyse(state: LoyaltySurveyState): LoyaltySurveyResults {
    const questions = state.questions!
    const satisfaction = ratingQuestion(state.definition!, questions.satisfaction) as RatingQuestion
    const answered = new Map(state.responses.map((response) => [customerOfResponse(response), response]))
    const known = new Set(state.customers.map((record) => record.customerId))
    const surveyedOnly = [...answered.keys()].filter((customerId) => !known.has(customerId))
    const records: Array<CustomerLoyaltyRecord> = [
      // amounts were checked by `nonNegativeMoneyInputSchema`, which yields `Money`
      ...(state.customers as unknown as ReadonlyArray<CustomerLoyaltyRecord>),
      ...surveyedOnly.map((customerId) => ({
        customerId,
        customerAtStart: false,
        customerAtEnd: false,
        purchases: 0,
      })),
    ].map((record) => {
      const response = answered.get(record.customerId)
      const recommendScore = numberAnswer(response, questions.recommend)
      const satisfied = numberAnswer(response, questions.satisfaction)
      return {
        ...record,
        ...(recommendScore === undefined ? {} : { recommendScore }),
        ...(satisfied === undefined ? {} : { satisfaction: satisfied }),
      }
    })
    const repurchase = questions.repurchase
      ? (ratingQuestion(state.definition!, questions.repurchase) as RatingQuestion)
      : undefined
    return {
      responses: state.responses.length,
      indicators: loyaltyIndicators(records, {
        ...interval,
        ...indices.loyalty,
        satisfactionScale: satisfaction.scale,
      }),
      repurchaseIntention:
        repurchase &&
        csat(
          state.responses.flatMap((response) => numberAnswer(response, repurchase.id) ?? []),
          { ...interval, scale: repurchase.scale, topBoxes: indices.csatTopBoxes },
        ),
    }
  }

  /** The headline figures in one language. */
  const headline = (results: LoyaltySurveyResults, locale: "zh-CN" | "en") => {
    const { indicators, repurchaseIntention } = results
    const share = (estimate: Parameters<typeof describeEstimate>[0]) =>
      describeEstimate(estimate, { locale, unit: "share" })
    const zh = locale === "zh-CN"
    return [
      `${zh ? "客户保持率" : "Retention"} ${share(indicators.retentionRate)}`,
      `${zh ? "重复购买率" : "Repeat purchase"} ${share(indicators.repeatPurchaseRate)}`,
      `${zh ? "钱包份额" : "Share of wallet"} ${share(indicators.shareOfWallet)}`,
      ...(indicators.nps ? [`NPS ${describeEstimate(indicators.nps.nps, { locale, unit: "score" })}`] : []),
      ...(repurchaseIntention
        ? [`${zh ? "再购意愿" : "Repurchase intention"} ${share(repurchaseIntention.csat)}`]
        : []),
    ].join(zh ? "；" : "; ")
  }

  return defineFlow<
    LoyaltySurveyState,
    LoyaltySurveyCommand,
    LoyaltySurveyEvent,
    PolicyRefusal | ValidationError
  >({
    name: processName,
    initialState,
    commands: loyaltySurveyCommandSchema,
    idOf: (state) => state.id || "(new)",
    finished: ["reported", "cancelled"],
    steps: {
      // ① 制定忠诚度调查方案 (survey supervisor); redrafted after ✓ sends it back
      DraftPlan: (state, command, decision) => {
        const definition = draftedDefinition(state, command, decision)
        if (Result.isFailure(definition)) return Result.fail(definition.failure)
        const questions = definition.success.questions
        const satisfaction = ratingQuestion(definition.success, command.satisfactionQuestion)
        if (typeof satisfaction === "string")
          return policyRefused("loyalty.satisfactionQuestion", satisfaction)
        if (
          !questions.some((question) => question.id === command.recommendQuestion && question.kind === "nps")
        )
          return policyRefused(
            "loyalty.recommendQuestion",
            `${command.recommendQuestion} is not an NPS question`,
          )
        const repurchase =
          command.repurchaseQuestion === undefined
            ? undefined
            : ratingQuestion(definition.success, command.repurchaseQuestion)
        if (typeof repurchase === "string") return policyRefused("loyalty.repurchaseQuestion", repurchase)
        if (command.fieldworkEnd <= command.at)
          return policyRefused("loyalty.fieldwork", "fieldwork must end in the future")
        return decision.accept({
          type: "PlanDrafted",
          at: command.at,
          id: command.id,
          definition: definition.success,
          questions: {
            satisfaction: command.satisfactionQuestion,
            recommend: command.recommendQuestion,
            repurchase: command.repurchaseQuestion,
          },
          fieldworkEnd: command.fieldworkEnd,
          owner: command.owner,
          policyVersion: policy.version,
        })
      },
      // 方案审核 ✓ (manager)
      SubmitPlan: (state, command, decision) => {
        if (state.status !== "drafted") return decision.refuse("only a drafted plan can be submitted")
        return decision.accept({
          type: "PlanSubmitted",
          at: command.at,
          approvalKey: decision.keyAt(0, "approval.submit"),
        })
      },
      // ✓ approved: ② collect — rejected or withdrawn: back to ①
      DecideApproval: gateDecisionStep((state) => state.status === "planSubmitted", {
        approved: "PlanApproved",
        returned: "PlanReturned",
      }),
      // ② 回收问卷: one answer per customer, fitting the questionnaire
      RecordResponse: recordResponseStep("loyalty.oneResponsePerCustomer", "customer", customerOfResponse),
      // ② 收集客户购买记录 (from the CRM): one record per customer
      RecordCustomers: (state, command, decision) => {
        if (state.status !== "collecting" && state.status !== "collected")
          return decision.refuse("customer records are collected before the analysis")
        const ids = [...state.customers, ...command.records].map((record) => record.customerId)
        const repeated = ids.find((id, index) => ids.indexOf(id) !== index)
        if (repeated !== undefined)
          return policyRefused("loyalty.oneRecordPerCustomer", `customer ${repeated} is recorded twice`)
        return decision.accept({ ...command, type: "CustomersRecorded" })
      },
      // 回收结束 (by hand, or the fieldwork timer — which may fire after a manual close)
      CloseCollection: closeCollectionStep,
      // ③ 忠诚度分析 ◇ enough responses? no: refused unless forced, then marked
      Analyse: (state, command, decision) => {
        if (state.status !== "collected") return decision.refuse("close the collection before analysing")
        const checked = enoughResponses(state.responses.length, command.force)
        if (Result.isFailure(checked)) return Result.fail(checked.failure)
        const belowMinimum = checked.success
        return decision.accept({ type: "Analysed", at: command.at, results: analyse(state), belowMinimum })
      },
      // ④ 撰写忠诚度调查报告 (survey supervisor); closes the round
      Report: (state, command, decision) => {
        if (state.status !== "analysed") return decision.refuse("the report follows the analysis")
        return decision.accept({ type: "Reported", at: command.at, conclusions: command.conclusions.trim() })
      },
      Cancel: cancelWhileOpen(["reported"], "only an open loyalty survey can be cancelled", "planSubmitted"),
    },
    folds: {
      PlanDrafted: (state, { type: _, at: __, ...drafted }) => ({ ...state, ...drafted, status: "drafted" }),
      PlanSubmitted: (state, { approvalKey }) => ({
        ...state,
        status: "planSubmitted",
        approval: { key: approvalKey },
      }),
      PlanApproved: (state) => ({ ...gatePassed(state), status: "collecting" }),
      PlanReturned: (state) => ({ ...gateReturned(state), status: "drafted" }),
      ResponseRecorded: (state, { response }) => ({ ...state, responses: [...state.responses, response] }),
      CustomersRecorded: (state, { records }) => ({ ...state, customers: [...state.customers, ...records] }),
      CollectionClosed: (state) => ({ ...state, status: "collected" }),
      Analysed: (state, { results, belowMinimum }) => ({
        ...state,
        status: "analysed",
        results,
        belowMinimum,
      }),
      Reported: (state, { conclusions }) => ({ ...state, status: "reported", conclusions }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    // ◇ fieldwork over? close the collection
    deadlines: (state) =>
      timers<LoyaltySurveyCommand>(
        state.status === "collecting" &&
          timer("fieldwork-end", state.fieldworkEnd, { type: "CloseCollection" }),
      ),
    effects: {
      PlanSubmitted: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: processName,
          businessKey: state.id,
          title: label(`${titleOf(state)["zh-CN"]} · 调查方案审核`, `${titleOf(state).en} · survey plan`),
          originator: ownerOf(state),
          formId: "quality.surveyPlan",
          values: {
            questionnaire: `${state.definition!.id}@${state.definition!.version}`,
            ...state.questions!,
            fieldworkEnd: state.fieldworkEnd!,
          },
          steps: approverSteps(survey.planApprovers),
        }),
      ],
      PlanReturned: (state, event, host) => [
        returnedNotice(host, {
          to: ownerOf(state),
          title: titleOf(state),
          subject: state.id,
          comment: event.comment,
          otherwise: label("请修改调查方案后重新提交。", "Revise the survey plan and submit it again."),
        }),
      ],
      PlanApproved: (state, _event, host) => [
        host.task(ownerOf(state), {
          externalKey: `${state.id}/collect`,
          subject: `回收忠诚度问卷并收集客户购买记录 ${state.id}`,
          body: titleOf(state)["zh-CN"],
          dueAt: state.fieldworkEnd!,
        }),
      ],
      Analysed: (state, { results, belowMinimum }, host) => [
        host.completeTask(`${state.id}/collect`),
        host.notify(
          [ownerOf(state), ...survey.planApprovers.map((role) => ({ role }))],
          belowMinimum ? "warning" : "info",
          titleOf(state),
          label(
            `忠诚度分析完成（${results.responses} 份）：${headline(results, "zh-CN")}`,
            `Loyalty analysed (${results.responses} responses): ${headline(results, "en")}`,
          ),
        ),
      ],
      // each respondent's segment on the host's customer record
      Reported: (state, _event, host) =>
        state.responses.flatMap((response) => {
          const customerId = customerOfResponse(response)
          const segment = loyaltySegmentOf(
            {
              satisfaction: numberAnswer(response, state.questions!.satisfaction),
              recommendScore: numberAnswer(response, state.questions!.recommend),
            },
            policy.indices.loyalty,
          )
          return segment === undefined || response.customerId === undefined
            ? []
            : [
                host.updateCustomer(
                  customerId,
                  { tixi_loyalty_segment: segment, tixi_loyalty_survey: state.id },
                  `host.customer.update/${customerId}`,
                ),
              ]
        }),
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
