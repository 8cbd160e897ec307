import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The kinds of quality-system documents (质量体系文件), from the manual down to the forms. */
export const DocumentKind = enumeration("quality.documentKind", {
  manual: label("质量手册", "Quality manual"),
  procedure: label("程序文件", "Procedure"),
  workInstruction: label("作业指导书", "Work instruction"),
  standard: label("服务质量标准", "Service quality standard"),
  form: label("记录表单", "Record form"),
})
/** A kind of quality-system document. */
export type DocumentKind = ValueOf<typeof DocumentKind>

/** Where a quality-system document stands (服务质量体系文件管理/编制流程). */
export const DocumentStatus = enumeration("quality.documentStatus", {
  none: label("未起草", "Not drafted"),
  drafting: label("编写中", "Drafting"),
  inReview: label("待审核", "Awaiting review"),
  awaitingApproval: label("待审批", "Awaiting approval"),
  approved: label("已批准待发放", "Approved, to distribute"),
  distributed: label("已发放待签收", "Distributed, awaiting acknowledgement"),
  inForce: label("现行有效", "In force"),
  withdrawalRequested: label("废止待审批", "Withdrawal awaiting approval"),
  withdrawn: label("已废止", "Withdrawn"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where a quality-system document stands. */
export type DocumentStatus = ValueOf<typeof DocumentStatus>

/** Where one version of a document stands: versions are kept, never deleted (受控文件). */
export const VersionStatus = enumeration("quality.documentVersionStatus", {
  current: label("现行版", "Current"),
  superseded: label("已作废（被替代）", "Superseded"),
  withdrawn: label("已废止", "Withdrawn"),
})
/** Where one version of a document stands. */
export type VersionStatus = ValueOf<typeof VersionStatus>

/** The kinds of quality records (客户服务质量记录), each with its own retention period. */
export const RecordKind = enumeration("quality.recordKind", {
  inspection: label("质量检查记录", "Inspection record"),
  audit: label("质量审核记录", "Audit record"),
  evaluation: label("质量评估记录", "Evaluation record"),
  survey: label("满意度调查记录", "Satisfaction survey record"),
  correctiveAction: label("不合格项及纠正措施记录", "Non-conformity and corrective action record"),
  complaint: label("投诉处理记录", "Complaint handling record"),
  training: label("培训记录", "Training record"),
  managementReview: label("管理评审记录", "Management review record"),
})
/** A kind of quality record. */
export type RecordKind = ValueOf<typeof RecordKind>

/** Where a quality record stands (客户服务质量记录管理流程). */
export const RecordStatus = enumeration("quality.recordStatus", {
  none: label("未登记", "Not registered"),
  kept: label("保存中", "Kept"),
  dueForDisposal: label("保存期满待处理", "Retention ended"),
  disposalRequested: label("销毁待审批", "Disposal awaiting approval"),
  disposalApproved: label("准予销毁", "Disposal approved"),
  disposed: label("已销毁", "Disposed"),
  cancelled: label("登记已撤销", "Registration cancelled"),
})
/** Where a quality record stands. */
export type RecordStatus = ValueOf<typeof RecordStatus>

/** How a record is disposed of at the end of its retention. */
export const DisposalMethod = enumeration("quality.disposalMethod", {
  shred: label("粉碎", "Shredding"),
  incinerate: label("焚毁", "Incineration"),
  erase: label("电子数据删除", "Erasure of electronic data"),
  transfer: label("移交档案室", "Transfer to the archive"),
})
/** How a record is disposed of. */
export type DisposalMethod = ValueOf<typeof DisposalMethod>

/** Where a new quality standard stands (客户服务质量标准编制流程). */
export const StandardStatus = enumeration("quality.standardStatus", {
  none: label("未编制", "Not drafted"),
  drafting: label("编制中", "Drafting"),
  inReview: label("征求意见/审核中", "In review"),
  awaitingApproval: label("待审批", "Awaiting approval"),
  approved: label("已批准待发布", "Approved, to publish"),
  published: label("已发布", "Published"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where a new quality standard stands. */
export type StandardStatus = ValueOf<typeof StandardStatus>
