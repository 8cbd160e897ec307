import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import type { CustomerId } from "../../ids/ids.ts"
import { type Label, label } from "../../labels/label.ts"
import { format, type Money, ofMinor } from "../../money/money.ts"
import { BankruptcySign } from "../labels/bankruptcy-sign.ts"
import { CreditControl } from "../labels/credit-control.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { ExposureStatus } from "../labels/exposure-status.ts"
import { type CreditApprovalRoute, creditApprovalRoute, creditDecisions } from "../policy/approval-chain.ts"
import { type CreditPolicy, termsOfGrade } from "../policy/credit-policy.ts"
import { creditOverrideForm } from "../schema/limit-override-form.ts"
import { nonNegativeMoneyInputSchema } from "../schema/money-input.ts"
import { type CompiledCreditPolicy, compileCreditPolicy } from "./compiled-credit-policy.ts"
import { CreditLimitExceeded } from "./credit-limit-exceeded.ts"
import {
  controlBits,
  creditCheckCode,
  dangerMask,
  exposureMinor,
  toleratedMinor,
  unpackControls,
  unpackStatus,
} from "./exposure.ts"

/** Where a customer stands when an order comes in, and the order. */
export interface OrderCheckInput {
  readonly customerId: CustomerId
  /** The grade and limit in force. */
  readonly grade: CreditGrade
  readonly limit: Money
  readonly openReceivables: Money
  readonly openOrders: Money
  readonly order: Money
  readonly oldestOverdueDays: number
  readonly bouncedPayments: number
  readonly bankruptcySigns: ReadonlyArray<BankruptcySign>
}

/** The result of checking an order against the credit controls (资信控制). */
export interface ExposureCheck {
  readonly customerId: CustomerId
  readonly status: ExposureStatus
  readonly grade: CreditGrade
  readonly limit: Money
  /** The exposure up to which going past the limit only warns. */
  readonly tolerated: Money
  readonly exposureBefore: Money
  readonly order: Money
  readonly exposureAfter: Money
  /** limit − exposure after the order; negative when over. */
  readonly available: Money
  /** How far past the limit the order goes; zero when within. */
  readonly excess: Money
  /** The controls the order met. */
  readonly controls: ReadonlyArray<CreditControl>
  /** Who approves, when the status is `approval`. */
  readonly approval: CreditApprovalRoute | undefined
  readonly reasons: ReadonlyArray<Label>
}

/** The zod validator of an order check's input. */
export const orderCheckInputSchema = z.strictObject({
  customerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be a customer id"),
  grade: CreditGrade.schema,
  limit: nonNegativeMoneyInputSchema,
  openReceivables: nonNegativeMoneyInputSchema,
  openOrders: nonNegativeMoneyInputSchema,
  order: nonNegativeMoneyInputSchema,
  oldestOverdueDays: z.number().int().min(0).max(36_500),
  bouncedPayments: z.number().int().min(0).max(100_000),
  bankruptcySigns: z.array(BankruptcySign.schema),
})

/** Validates an order check's input: amounts whole, not negative, in the policy's currency. */
export function parseOrderCheckInput(
  input: unknown,
  currency: string,
): Result.Result<OrderCheckInput, ValidationError> {
  const parsed = orderCheckInputSchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("credit.orderCheck", parsed.error.issues))
  const issues: Array<ValidationIssue> = []
  for (const key of ["limit", "openReceivables", "openOrders", "order"] as const) {
    if (parsed.data[key].currency !== currency) {
      issues.push({ path: [key, "currency"], message: `must be ${currency}`, code: "rule" })
    }
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "credit.orderCheck", issues }))
  return Result.succeed(parsed.data as unknown as OrderCheckInput)
}

/**
 * Checks one order against the credit controls, exactly in integer money (the same rule,
 * `creditCheckCode`, as the batch): exposure = open receivables + open orders + the order,
 * compared with the limit, the grade's tolerance and action; overdue and danger controls on top.
 * When the status is `approval` the route names the approvers (`credit.limitOverride` on the excess,
 * or on the whole order when only the overdue or danger control asks).
 */
export function checkOrder(
  input: unknown,
  policy: CreditPolicy,
  compiled: CompiledCreditPolicy = compileCreditPolicy(policy),
): Result.Result<ExposureCheck, ValidationError> {
  const parsed = parseOrderCheckInput(input, policy.currency)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const facts = parsed.success
  const currency = policy.currency
  const gradeCode = CreditGrade.values.indexOf(facts.grade)
  const before = exposureMinor(facts.openReceivables.minor, facts.openOrders.minor, 0)
  let after: number
  try {
    after = exposureMinor(facts.openReceivables.minor, facts.openOrders.minor, facts.order.minor)
  } catch (error) {
    return Result.fail(
      new ValidationError({
        subject: "credit.orderCheck",
        issues: [{ path: ["order"], message: String(error), code: "rule" }],
      }),
    )
  }
  const limitMinor = facts.limit.minor
  const danger = dangerMask(
    facts.oldestOverdueDays,
    facts.bouncedPayments,
    facts.bankruptcySigns.length,
    compiled,
  )
  const code = creditCheckCode(after, limitMinor, gradeCode, facts.oldestOverdueDays, danger, compiled)
  const status = ExposureStatus.values[unpackStatus(code)]!
  const controlMask = unpackControls(code)
  const controls = CreditControl.values.filter((_, index) => (controlMask & (1 << index)) !== 0)
  const excessMinor = Math.max(0, after - limitMinor)
  const terms = termsOfGrade(policy, facts.grade)
  let approval: CreditApprovalRoute | undefined
  if (status === "approval") {
    const amount = ofMinor(excessMinor > 0 ? excessMinor : facts.order.minor, currency)
    const route = creditApprovalRoute(
      policy,
      creditDecisions.override,
      amount,
      terms.overLimit.minimumApprover,
      creditOverrideForm.id,
    )
    approval = Result.isSuccess(route) ? route.success : undefined
  }
  const tolerated = toleratedMinor(limitMinor, gradeCode, compiled)
  const check: ExposureCheck = {
    customerId: facts.customerId,
    status,
    grade: facts.grade,
    limit: facts.limit,
    tolerated: ofMinor(tolerated, currency),
    exposureBefore: ofMinor(before, currency),
    order: facts.order,
    exposureAfter: ofMinor(after, currency),
    available: ofMinor(limitMinor - after, currency),
    excess: ofMinor(excessMinor, currency),
    controls,
    approval,
    reasons: checkReasons(facts, after, limitMinor, tolerated, controlMask, policy),
  }
  return Result.succeed(check)
}

function checkReasons(
  facts: OrderCheckInput,
  after: number,
  limitMinor: number,
  tolerated: number,
  controls: number,
  policy: CreditPolicy,
): ReadonlyArray<Label> {
  const currency = policy.currency
  const money = (minor: number, locale: "zh-CN" | "en") => format(ofMinor(minor, currency), locale)
  const reasons: Array<Label> = []
  if ((controls & controlBits.limit) === 0) {
    reasons.push(
      label(
        `占用 ${money(after, "zh-CN")} ≤ 额度 ${money(limitMinor, "zh-CN")}`,
        `exposure ${money(after, "en")} ≤ limit ${money(limitMinor, "en")}`,
      ),
    )
  } else {
    const terms = termsOfGrade(policy, facts.grade)
    const within = after <= tolerated
    reasons.push(
      label(
        `占用 ${money(after, "zh-CN")} 超过额度 ${money(limitMinor, "zh-CN")}（${within ? `在容差 ${money(tolerated, "zh-CN")} 内，仅提醒` : `${CreditGrade.label(facts.grade, "zh-CN")}超额处理：${terms.overLimit.action === "allow" ? "允许" : terms.overLimit.action === "approval" ? "审批" : "禁止"}`}）`,
        `exposure ${money(after, "en")} exceeds the limit ${money(limitMinor, "en")} (${within ? `within the tolerance of ${money(tolerated, "en")}: warning only` : `grade ${facts.grade} over-limit action: ${terms.overLimit.action}`})`,
      ),
    )
  }
  if ((controls & controlBits.overdue) !== 0) {
    reasons.push(
      label(
        `逾期 ${facts.oldestOverdueDays} 天，超过宽限 ${policy.overdue.graceDays} 天`,
        `${facts.oldestOverdueDays} days overdue, beyond the ${policy.overdue.graceDays}-day grace`,
      ),
    )
  }
  if ((controls & controlBits.danger) !== 0) {
    reasons.push(label("危险客户", "customer at risk (danger signals)"))
  }
  return reasons
}

/** A blocked check as the refusal callers pass on (资信控制: 禁止); other statuses succeed. */
export function requireCredit(check: ExposureCheck): Result.Result<ExposureCheck, CreditLimitExceeded> {
  if (check.status !== "blocked") return Result.succeed(check)
  return Result.fail(
    new CreditLimitExceeded({
      customerId: check.customerId,
      exposureMinor: check.exposureAfter.minor,
      limitMinor: check.limit.minor,
      currency: check.limit.currency,
      controls: [...check.controls],
    }),
  )
}
