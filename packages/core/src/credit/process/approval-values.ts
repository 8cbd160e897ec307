import { Result } from "effect"
import type { PlanRefusal } from "../../approvals/chain/plan-chain.ts"
import {
  creditGradeChangeRequestForm,
  creditLimitOverrideRequestForm,
} from "../../approvals/forms/credit-requests.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { AnyForm } from "../../forms/form.ts"
import type { Label } from "../../labels/label.ts"
import { format, type Money, toMajorString } from "../../money/money.ts"
import type { Assignee, SubmitApprovalRequest } from "../../process/effect-request.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import type { CreditGrade } from "../labels/credit-grade.ts"
import {
  type CreditApprovalRoute,
  type CreditRequestType,
  plannedCreditRoute,
} from "../policy/approval-chain.ts"
import { creditGradeChangeForm } from "../schema/grade-change-form.ts"
import { creditOverrideForm } from "../schema/limit-override-form.ts"
import type { CreditFlowOptions } from "./process-support.ts"

/** What a grade-change approval shows, whichever form the chain names. */
export interface GradeChangeFacts {
  readonly customerId: string
  readonly annualTrade: Money
  readonly fromGrade: CreditGrade
  readonly toGrade: CreditGrade
  readonly fromLimit: Money
  readonly toLimit: Money
  readonly reason: string
  readonly measures: string | undefined
}

/** What an override approval shows, whichever form the chain names. */
export interface OverrideFacts {
  readonly customerId: string
  readonly orderNumber: string
  readonly grade: CreditGrade
  readonly order: Money
  readonly limit: Money
  readonly exposureBefore: Money
  readonly exposureAfter: Money
  readonly excess: Money
  readonly oldestOverdueDays: number
  readonly reason: string
}

const knownForms: ReadonlyMap<string, AnyForm> = new Map<string, AnyForm>([
  [creditGradeChangeForm.id, creditGradeChangeForm as unknown as AnyForm],
  [creditOverrideForm.id, creditOverrideForm as unknown as AnyForm],
  [creditGradeChangeRequestForm.id, creditGradeChangeRequestForm as unknown as AnyForm],
  [creditLimitOverrideRequestForm.id, creditLimitOverrideRequestForm as unknown as AnyForm],
])

/**
 * The values of a grade-change approval for the form the chain names: the credit module's
 * 客户信用度变更表 (grade and limit from → to), or the approval policy's simpler request form
 * (grades only; the limit change goes into its notes). Checked against the form when tixi knows
 * it, so a submission the host would refuse is refused here, with the form's paths.
 */
export function gradeChangeApprovalValues(
  formId: string,
  facts: GradeChangeFacts,
): Result.Result<Readonly<Record<string, unknown>>, ValidationError> {
  const values =
    formId === creditGradeChangeRequestForm.id
      ? {
          customer: facts.customerId,
          annualVolume: facts.annualTrade,
          currentGrade: facts.fromGrade,
          newGrade: facts.toGrade,
          reason: facts.reason,
          ...(facts.measures === undefined ? {} : { strategy: facts.measures }),
          notes: `赊销限额 ${toMajorString(facts.fromLimit)} → ${toMajorString(facts.toLimit)} ${facts.toLimit.currency}`,
        }
      : {
          customer: facts.customerId,
          annualTrade: facts.annualTrade,
          reason: facts.reason,
          fromGrade: facts.fromGrade,
          toGrade: facts.toGrade,
          fromLimit: facts.fromLimit,
          toLimit: facts.toLimit,
          ...(facts.measures === undefined ? {} : { measures: facts.measures }),
        }
  return checked(formId, values)
}

/**
 * The values of an override approval for the form the chain names: the credit module's override
 * form (grade, exposure with the order, excess, overdue days), or the approval policy's simpler
 * request form.
 */
export function overrideApprovalValues(
  formId: string,
  facts: OverrideFacts,
): Result.Result<Readonly<Record<string, unknown>>, ValidationError> {
  const values =
    formId === creditLimitOverrideRequestForm.id
      ? {
          customer: facts.customerId,
          creditLimit: facts.limit,
          exposure: facts.exposureBefore,
          orderAmount: facts.order,
          orderReference: facts.orderNumber,
          reason: `${facts.reason}（超额 ${format(facts.excess, "zh-CN")}，信用等级 ${facts.grade}）`,
        }
      : {
          customer: facts.customerId,
          orderNumber: facts.orderNumber,
          creditGrade: facts.grade,
          orderAmount: facts.order,
          creditLimit: facts.limit,
          exposureAfter: facts.exposureAfter,
          excess: facts.excess,
          oldestOverdueDays: facts.oldestOverdueDays,
          reason: facts.reason,
        }
  return checked(formId, values)
}

function checked(
  formId: string,
  values: Readonly<Record<string, unknown>>,
): Result.Result<Readonly<Record<string, unknown>>, ValidationError> {
  const form = knownForms.get(formId)
  if (form === undefined) return Result.succeed(values)
  const parsed = form.parse(values)
  return Result.isFailure(parsed) ? Result.fail(parsed.failure) : Result.succeed(values)
}

/** The values an approval form is submitted with. */
export type ApprovalValues = Readonly<Record<string, unknown>>

/** What a credit flow's approval event records: who decides, in which steps, on which form with which values. */
export interface RoutedCreditApproval extends CreditApprovalRoute {
  /** The approval form's values, checked against the form when decided. */
  readonly values: ApprovalValues
}

/** A credit flow's request for approval: what it is, the amount at stake, the form the credit module fills. */
export interface CreditApprovalRequest {
  readonly type: CreditRequestType
  readonly amount: Money
  readonly ownFormId: string
  /** The values for the form the route names (`gradeChangeApprovalValues`, `overrideApprovalValues`). */
  readonly valuesFor: (formId: string) => Result.Result<ApprovalValues, ValidationError>
}

/**
 * Routes a credit flow's approval (✓) and fills its form: by the company-wide approval chain when
 * the options name one (planned on the values of the credit module's own form), by the credit
 * policy's authority (`byPolicy`) otherwise. Both credit flows that can be routed either way ask
 * here, so the two routings stay the same in both.
 */
export function routeCreditApproval<Refusal>(
  options: CreditFlowOptions,
  request: CreditApprovalRequest,
  byPolicy: () => Result.Result<CreditApprovalRoute, Refusal>,
): Result.Result<RoutedCreditApproval, Refusal | PlanRefusal | ValidationError> {
  const { approvalPolicy } = options
  const route: Result.Result<CreditApprovalRoute, Refusal | PlanRefusal | ValidationError> =
    approvalPolicy === undefined
      ? byPolicy()
      : Result.flatMap(request.valuesFor(request.ownFormId), (own) =>
          plannedCreditRoute(approvalPolicy, request.type, request.amount, own),
        )
  if (Result.isFailure(route)) return Result.fail(route.failure)
  const routed = route.success
  return Result.map(request.valuesFor(routed.formId), (values) => ({ ...routed, values }))
}

/**
 * Opens a credit flow's approval (✓) on the host under the key its event decided, with the form,
 * values and steps it was routed to, so both credit flows submit alike.
 */
export const submitCreditApproval = (
  host: HostEffects,
  event: RoutedCreditApproval & { readonly approvalKey: string },
  request: { readonly requestType: CreditRequestType; readonly businessKey: string; readonly title: Label },
  originator: Assignee,
): SubmitApprovalRequest => {
  const { formId, values, steps } = event
  return host.submitApproval(event.approvalKey, { ...request, originator, formId, values, steps })
}
