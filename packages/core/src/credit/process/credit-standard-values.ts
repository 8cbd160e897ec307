import { OverLimitAction } from "../labels/over-limit-action.ts"
import { PaymentMethod } from "../labels/payment-method.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"

/** What ①–③ collected, shown to the approvers as the standard's basis (制定依据). */
export interface CreditStandardBasis {
  readonly competitors: ReadonlyArray<{ readonly competitor: string; readonly standard: string }>
  readonly creditAnalysis: string
  readonly salesAnalysis: string
}

/**
 * The values of the 《客户信用等级评定标准和政策》 approval form (`approval.creditStandard`) for a
 * drafted policy: the approvers read the grades, limits and terms in the host's approval, in
 * Chinese as the handbook's form prints them.
 */
export function creditStandardApprovalValues(
  draft: CreditPolicy,
  basis: CreditStandardBasis,
): Readonly<Record<string, unknown>> {
  const action = (value: OverLimitAction) => OverLimitAction.label(value, "zh-CN")
  return {
    version: draft.version,
    basis: [
      `① 竞争对手：${basis.competitors.map((entry) => `${entry.competitor}（${entry.standard}）`).join("；")}`,
      `② 客户信用：${basis.creditAnalysis}`,
      `③ 销售统计：${basis.salesAnalysis}`,
    ].join("\n"),
    grades: draft.grades.map((terms) => ({
      grade: terms.grade,
      minimumScore: terms.minimumScore,
      monthsOfRevenue: terms.limit.monthsOfRevenue,
      minimumLimit: { minor: terms.limit.minimumMinor, currency: draft.currency },
      maximumLimit: { minor: terms.limit.maximumMinor, currency: draft.currency },
      paymentTermDays: terms.paymentTermDays,
      paymentMethod: PaymentMethod.label(terms.paymentMethod, "zh-CN"),
      guaranteeRequired: terms.guaranteeRequired,
      overLimit: `${action(terms.overLimit.action)}，容差 ${terms.overLimit.tolerancePercent}%`,
    })),
    overdueControl: `逾期超过 ${draft.overdue.graceDays} 天：${action(draft.overdue.action)}`,
    dangerControl: `逾期 ${draft.danger.overdueDaysAtLeast} 天、退票 ${draft.danger.bouncedPaymentsAtLeast} 次或破产迹象 ${draft.danger.bankruptcySignsAtLeast} 项：${action(draft.danger.action)}`,
  }
}
