import type { CustomerGrade } from "../labels/customer-grade.ts"
import type { ServiceTier } from "../labels/service-tier.ts"
import type { GradingPolicy, ServiceEntitlement } from "../policy/grading-policy.ts"

/**
 * The service tier of a grade and what it entitles the customer to (服务分层管理, 001 ch.4 §3):
 * the tier decides the revisit interval, the first-response time and whether an officer is
 * dedicated to the customer.
 */
export function serviceTierOf(
  grade: CustomerGrade,
  policy: GradingPolicy,
): { readonly tier: ServiceTier; readonly entitlement: ServiceEntitlement } {
  const tier = policy.serviceTiers.tierOfGrade[grade]
  return { tier, entitlement: policy.serviceTiers.entitlements[tier] }
}
