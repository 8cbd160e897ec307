import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The service tiers of 服务分层管理 (001 ch.4 §3): each grade of customer gets a defined level of
 * service, from a dedicated team for the most valuable to self-service for the rest.
 */
export const ServiceTier = enumeration("grading.serviceTier", {
  strategic: label("战略客户服务", "Strategic"),
  key: label("重点客户服务", "Key"),
  standard: label("标准服务", "Standard"),
  basic: label("基础服务", "Basic"),
})

/** A service tier. */
export type ServiceTier = ValueOf<typeof ServiceTier>
