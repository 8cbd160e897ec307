import { enumeration, type ValueOf } from "../labels/enumeration.ts"
import { label } from "../labels/label.ts"

/**
 * The posts (岗位) the handbooks describe: the 19 role descriptions of 004 (ch.1 §5–§6 and the
 * first sections of ch.2–ch.8), the credit and quality posts of 000 (ch.7, ch.10), and the posts
 * above and beside the customer-service department that approval chains reach (总监, 总经理,
 * 财务). 001 is the handbook of the 客服主管, which is 004's 客户服务部主管. Companies rename, merge
 * and add posts by policy; these ids stay stable so stored events and directory mappings keep
 * their meaning.
 */
export const Post = enumeration("organisation.post", {
  serviceManager: label("客户服务部经理", "Customer service manager"),
  serviceSupervisor: label("客户服务部主管", "Customer service supervisor"),
  researchSupervisor: label("客户调查主管", "Customer research supervisor"),
  developmentSupervisor: label("客户开发主管", "Customer development supervisor"),
  researchOfficer: label("客户调查专员", "Customer research officer"),
  developmentOfficer: label("客户开发专员", "Customer development officer"),
  relationshipSupervisor: label("客户关系主管", "Customer relationship supervisor"),
  relationshipOfficer: label("客户关系专员", "Customer relationship officer"),
  keyAccountSupervisor: label("大客户主管", "Key account supervisor"),
  keyAccountOfficer: label("大客户专员", "Key account officer"),
  afterSalesSupervisor: label("售后服务主管", "After-sales supervisor"),
  afterSalesOfficer: label("售后服务专员", "After-sales officer"),
  complaintSupervisor: label("客户投诉主管", "Complaint supervisor"),
  complaintOfficer: label("客户投诉专员", "Complaint officer"),
  informationSupervisor: label("客户信息主管", "Customer information supervisor"),
  informationOfficer: label("客户信息专员", "Customer information officer"),
  callCenterSupervisor: label("呼叫中心主管", "Call centre supervisor"),
  callCenterTeamLeader: label("呼叫中心组长", "Call centre team leader"),
  callCenterAgent: label("呼叫中心专员", "Call centre agent"),
  creditSupervisor: label("客户信用主管", "Customer credit supervisor"),
  creditOfficer: label("客户信用专员", "Customer credit officer"),
  qualitySupervisor: label("服务质量主管", "Service quality supervisor"),
  qualityOfficer: label("服务质量专员", "Service quality officer"),
  serviceDirector: label("客户服务总监", "Customer service director"),
  generalManager: label("总经理", "General manager"),
  financeManager: label("财务部经理", "Finance manager"),
})

/** A post (岗位) of the handbooks, by its stable id. */
export type Post = ValueOf<typeof Post>
