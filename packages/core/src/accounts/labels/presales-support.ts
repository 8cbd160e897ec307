import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** 希望得到何种售前支持 of 大客户支持表: what the account team asks pre-sales for. */
export const PresalesSupportKind = enumeration("accounts.presalesSupportKind", {
  managementConcepts: label("ERP 管理思想讲解", "ERP management concepts explained"),
  productDemonstration: label("产品讲解及演示", "Product presentation and demonstration"),
  projectProposal: label("项目方案", "Project proposal"),
  tender: label("竞标", "Tender"),
  questions: label("问题解答", "Answers to questions"),
  other: label("其他（请指明）", "Other (please name)"),
})

/** A kind of pre-sales support. */
export type PresalesSupportKind = ValueOf<typeof PresalesSupportKind>

/** 申请人员级别 of 大客户支持表: whom the customer wants to meet. */
export const PresalesStaffLevel = enumeration("accounts.presalesStaffLevel", {
  generalManager: label("总经理", "General manager"),
  productManager: label("产品经理", "Product manager"),
  projectManager: label("项目经理", "Project manager"),
  presalesConsultant: label("售前支持人员", "Pre-sales consultant"),
  managementExpert: label("管理专家", "Management expert"),
  networkExpert: label("网络专家", "Network expert"),
  user: label("用户", "User"),
})

/** A level of staff asked for. */
export type PresalesStaffLevel = ValueOf<typeof PresalesStaffLevel>

/**
 * 售前信息评价 of 大客户支持表 (完整性, 正确性, 详细程度, 总体评价): pre-sales rates the request it
 * was given, so the account team learns what a good request holds.
 */
export const PresalesInformationRating = enumeration("accounts.presalesInformationRating", {
  good: label("好", "Good"),
  adequate: label("一般", "Adequate"),
  poor: label("差", "Poor"),
})

/** A rating of the information a support request gave. */
export type PresalesInformationRating = ValueOf<typeof PresalesInformationRating>
