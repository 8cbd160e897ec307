import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Where an improvement applies (客户投诉总结表: 运输环节, 加工环节, 管理环节, 其他环节; 改进产品或服务
 * in 客户投诉处理流程 ⑨).
 */
export const ImprovementArea = enumeration("complaint.improvementArea", {
  product: label("产品", "Product"),
  service: label("服务", "Service"),
  transport: label("运输环节", "Transport"),
  processing: label("加工环节", "Processing"),
  management: label("管理环节", "Management"),
  other: label("其他环节", "Other"),
})

/** Where an improvement applies. */
export type ImprovementArea = ValueOf<typeof ImprovementArea>
