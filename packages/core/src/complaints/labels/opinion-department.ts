import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The departments whose opinion the handling form asks for (客户投诉处理表: 客户部门意见, 营销部门意见,
 * 生产部门意见, 质检部门意见, 财务部门意见) when related departments are consulted (相关部门协商).
 */
export const OpinionDepartment = enumeration("complaint.opinionDepartment", {
  customerService: label("客户部门", "Customer service"),
  marketing: label("营销部门", "Marketing"),
  production: label("生产部门", "Production"),
  quality: label("质检部门", "Quality assurance"),
  finance: label("财务部门", "Finance"),
})

/** A department whose opinion the handling form asks for. */
export type OpinionDepartment = ValueOf<typeof OpinionDepartment>
