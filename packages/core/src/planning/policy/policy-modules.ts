import { parseAccountsPolicy } from "../../accounts/policy/accounts-policy.ts"
import { parseApprovalPolicy } from "../../approvals/policy/approval-policy.ts"
import { parseCallCentrePolicy } from "../../callcenter/policy/call-centre-policy.ts"
import { parseComplaintPolicy } from "../../complaints/policy/parse-complaint-policy.ts"
import { parseCreditPolicy } from "../../credit/policy/credit-policy.ts"
import { parseGradingPolicy } from "../../grading/policy/grading-policy.ts"
import { label } from "../../labels/label.ts"
import { parseQualityPolicy } from "../../quality/policy/quality-policy.ts"
import { parseAuthorityPolicy } from "../../roles/authority.ts"
import { policyModule } from "./policy-module.ts"

/**
 * The modules of tixi whose policies a service standard can change, each with its own parser,
 * so `serviceStandardProcess(policyModules.credit, current)` needs nothing else.
 */
export const policyModules = {
  complaints: policyModule("complaints", label("客户投诉管理制度", "Complaint policy"), parseComplaintPolicy),
  credit: policyModule("credit", label("客户信用管理制度", "Credit policy"), parseCreditPolicy),
  quality: policyModule("quality", label("客户服务质量标准", "Service quality policy"), parseQualityPolicy),
  approvals: policyModule("approvals", label("审批权限规定", "Approval policy"), parseApprovalPolicy),
  authority: policyModule("authority", label("岗位权限规定", "Authority policy"), parseAuthorityPolicy),
  grading: policyModule("grading", label("客户分级管理制度", "Customer grading policy"), parseGradingPolicy),
  accounts: policyModule("accounts", label("大客户管理制度", "Key account policy"), parseAccountsPolicy),
  callCentre: policyModule(
    "callCentre",
    label("呼叫中心管理制度", "Call centre policy"),
    parseCallCentrePolicy,
  ),
} as const
