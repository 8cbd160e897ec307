import { label } from "../../labels/label.ts"
import { policyModule } from "../../planning/policy/policy-module.ts"
import type { OrganisationPolicy } from "../organisation-policy.ts"
import { parseOrganisationPolicy } from "../parse-organisation-policy.ts"

/**
 * The organisation as one more versioned policy module: the design flow (002 3.2) drafts a new
 * chart with the same `draftPolicyVersion` the service standards use, and a company may also
 * change it through `serviceStandardProcess`.
 */
export const organisationPolicyModule = policyModule<OrganisationPolicy>(
  "organisation",
  label("客户服务组织结构", "Customer service organisation"),
  parseOrganisationPolicy,
)
