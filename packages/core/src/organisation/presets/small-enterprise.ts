import type { OrganisationPolicy } from "../organisation-policy.ts"
import type { Post } from "../post.ts"

/**
 * The merges of 中小型企业客户服务部的组织结构 (004 ch.1 §2). The chart itself is a figure the seed
 * text does not reproduce; tixi reads it as one manager with a supervisor per area and no
 * director: research joins development, key accounts join relationships, after-sales joins
 * complaints, credit joins information, quality joins the department supervisor, and the call
 * centre has no team leaders.
 */
export const smallEnterpriseMerges: Readonly<Partial<Record<Post, Post>>> = {
  serviceDirector: "serviceManager",
  researchSupervisor: "developmentSupervisor",
  researchOfficer: "developmentOfficer",
  keyAccountSupervisor: "relationshipSupervisor",
  keyAccountOfficer: "relationshipOfficer",
  afterSalesSupervisor: "complaintSupervisor",
  afterSalesOfficer: "complaintOfficer",
  creditSupervisor: "informationSupervisor",
  creditOfficer: "informationOfficer",
  qualitySupervisor: "serviceSupervisor",
  qualityOfficer: "complaintOfficer",
  callCenterTeamLeader: "callCenterSupervisor",
}

/** The 中小型企业 chart as a policy a company starts from. */
export const smallEnterpriseOrganisation: OrganisationPolicy = {
  version: "handbook-2026.1",
  preset: "smallEnterprise",
  labels: {},
  merges: {},
  added: {},
  authority: {},
}
