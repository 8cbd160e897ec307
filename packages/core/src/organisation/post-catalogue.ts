import type { Post } from "./post.ts"
import type { PostDescription } from "./post-description.ts"
import { afterSalesOfficer, afterSalesSupervisor } from "./posts/after-sales-posts.ts"
import { callCenterAgent, callCenterSupervisor, callCenterTeamLeader } from "./posts/call-center-posts.ts"
import { complaintOfficer, complaintSupervisor } from "./posts/complaint-posts.ts"
import { creditOfficer, creditSupervisor } from "./posts/credit-posts.ts"
import {
  developmentOfficer,
  developmentSupervisor,
  researchOfficer,
  researchSupervisor,
} from "./posts/development-posts.ts"
import { informationOfficer, informationSupervisor } from "./posts/information-posts.ts"
import { keyAccountOfficer, keyAccountSupervisor } from "./posts/key-account-posts.ts"
import {
  financeManager,
  generalManager,
  serviceDirector,
  serviceManager,
  serviceSupervisor,
} from "./posts/management-posts.ts"
import { qualityOfficer, qualitySupervisor } from "./posts/quality-posts.ts"
import { relationshipOfficer, relationshipSupervisor } from "./posts/relationship-posts.ts"

/**
 * Every post of the handbooks described, keyed by its id: the catalogue a company's organisation
 * policy starts from. Typed as a total record so a post added to `Post` without a description
 * fails to compile.
 */
export const postCatalogue: Readonly<Record<Post, PostDescription>> = {
  serviceManager,
  serviceSupervisor,
  researchSupervisor,
  developmentSupervisor,
  researchOfficer,
  developmentOfficer,
  relationshipSupervisor,
  relationshipOfficer,
  keyAccountSupervisor,
  keyAccountOfficer,
  afterSalesSupervisor,
  afterSalesOfficer,
  complaintSupervisor,
  complaintOfficer,
  informationSupervisor,
  informationOfficer,
  callCenterSupervisor,
  callCenterTeamLeader,
  callCenterAgent,
  creditSupervisor,
  creditOfficer,
  qualitySupervisor,
  qualityOfficer,
  serviceDirector,
  generalManager,
  financeManager,
}
