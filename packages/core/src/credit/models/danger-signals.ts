import { type Label, label } from "../../labels/label.ts"
import { BankruptcySign } from "../labels/bankruptcy-sign.ts"
import type { DangerSignal } from "../labels/danger-signal.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"

/** One danger signal with what shows it. */
export interface DangerFinding {
  readonly signal: DangerSignal
  readonly reason: Label
}

/**
 * Why a customer is a danger customer (危险客户, 004 ch.7 危险客户统计表), by the policy's
 * thresholds: overdue at least N days, at least N bounced payments, at least N signs of
 * bankruptcy recorded by staff. Empty when the customer shows none.
 */
export function dangerFindings(
  facts: {
    readonly oldestOverdueDays: number
    readonly bouncedPayments: number
    readonly bankruptcySigns: ReadonlyArray<BankruptcySign>
  },
  policy: CreditPolicy,
): ReadonlyArray<DangerFinding> {
  const danger = policy.danger
  const findings: Array<DangerFinding> = []
  if (facts.oldestOverdueDays >= danger.overdueDaysAtLeast) {
    findings.push({
      signal: "longOverdue",
      reason: label(
        `最久逾期 ${facts.oldestOverdueDays} 天（≥ ${danger.overdueDaysAtLeast} 天）`,
        `oldest item ${facts.oldestOverdueDays} days overdue (≥ ${danger.overdueDaysAtLeast})`,
      ),
    })
  }
  if (facts.bouncedPayments >= danger.bouncedPaymentsAtLeast) {
    findings.push({
      signal: "bouncedPayments",
      reason: label(
        `退票 ${facts.bouncedPayments} 次（≥ ${danger.bouncedPaymentsAtLeast} 次）`,
        `${facts.bouncedPayments} bounced payment(s) (≥ ${danger.bouncedPaymentsAtLeast})`,
      ),
    })
  }
  if (facts.bankruptcySigns.length >= danger.bankruptcySignsAtLeast) {
    const signs = facts.bankruptcySigns
    findings.push({
      signal: "bankruptcySigns",
      reason: label(
        `破产征兆：${signs.map((sign) => BankruptcySign.label(sign, "zh-CN")).join("、")}`,
        `signs of bankruptcy: ${signs.map((sign) => BankruptcySign.label(sign, "en")).join(", ")}`,
      ),
    })
  }
  return findings
}
