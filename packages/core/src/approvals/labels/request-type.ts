import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The kinds of request that need an approval (the ✓ steps of the handbooks' flow charts). The
 * value is the authority decision kind too, so `roles/authority.ts` limits apply by the same name.
 */
export const RequestType = enumeration("approval.requestType", {
  "complaint.remedy": label("投诉补偿审批（权责外）", "Complaint remedy over authority"),
  "hospitality.meal": label("客户招待用餐审批", "Customer hospitality meal"),
  "relationship.gift": label("礼品馈赠审批", "Gift to a customer"),
  "visit.expenses": label("拜访费用报销审批", "Customer visit expenses"),
  "credit.limitOverride": label("超信用额度审批", "Credit-limit override"),
  "credit.gradeChange": label("信用等级变更审批", "Credit-grade change"),
  "credit.standard": label("信用制度审批", "Credit standard and policy"),
  "receivables.deferredPayment": label("延期付款审批", "Deferred payment"),
  "archives.lending": label("档案借阅审批", "Archive lending"),
  "archives.destruction": label("档案销毁审批", "Archive destruction"),
  "customer.deregistration": label("客户注销审批", "Customer deregistration"),
})

/** A kind of request that needs an approval. */
export type RequestType = ValueOf<typeof RequestType>
