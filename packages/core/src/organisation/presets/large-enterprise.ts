import type { OrganisationPolicy } from "../organisation-policy.ts"

/**
 * 大型企业客户服务部的组织结构 (004 ch.1 §1): every post of the handbooks on its own, the director
 * above the manager and the call centre with its team leaders.
 */
export const largeEnterpriseOrganisation: OrganisationPolicy = {
  version: "handbook-2026.1",
  preset: "largeEnterprise",
  labels: {},
  merges: {},
  added: {},
  authority: {},
}
