import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Why a complaint is not accepted (不予受理 理由, 客户投诉登记表一). */
export const RejectionReason = enumeration("complaint.rejectionReason", {
  notOurProduct: label("非本公司产品或服务", "Not our product or service"),
  beyondTimeLimit: label("超过投诉时效", "Beyond the complaint time limit"),
  duplicate: label("重复投诉", "Duplicate of an open complaint"),
  insufficientInformation: label("信息不全，无法核实", "Not enough information to verify"),
  unreasonableDemand: label("要求不合理", "Unreasonable demand"),
  alreadyResolved: label("已处理完毕", "Already resolved"),
  other: label("其他", "Other"),
})

/** Why a complaint is not accepted. */
export type RejectionReason = ValueOf<typeof RejectionReason>
