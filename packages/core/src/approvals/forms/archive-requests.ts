import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { enumeration } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Confidentiality levels (密级) as archive requests name them. */
export const ArchiveConfidentiality = enumeration("approval.archiveConfidentiality", {
  public: label("公开", "Public"),
  internal: label("内部", "Internal"),
  confidential: label("秘密", "Confidential"),
  secret: label("机密", "Secret"),
})

/** A request to borrow archives (借阅申请, 004 ch.7 §16 ②借阅手续). */
export const archiveLendingRequestForm = defineForm({
  id: "approval.archiveLending",
  // The request names an archive, not its contents: 内部, under customer information.
  module: "information",
  confidentiality: "internal",
  title: label("档案借阅申请表", "Archive lending request"),
  source: "004 ch.7 §16 客户档案管理流程",
  fields: {
    archiveNumber: field.text({ label: label("档案编号", "Archive number"), maxLength: 60 }),
    confidentiality: field.choice(ArchiveConfidentiality, { label: label("密级", "Confidentiality") }),
    borrower: field.person({ label: label("借阅人", "Borrower") }),
    department: field.department({ label: label("借阅部门", "Department") }),
    purpose: field.longText({ label: label("借阅目的", "Purpose") }),
    lendDate: field.date({ label: label("借阅日期", "Lending date") }),
    returnDate: field.date({ label: label("归还日期", "Return date") }),
  },
  rules: (value) =>
    value.returnDate < value.lendDate
      ? [{ path: ["returnDate"], message: "must not be before the lending date" }]
      : [],
})

/** A request to destroy expired archives (过期销毁, 004 ch.7 §16 ⑤). */
export const archiveDestructionRequestForm = defineForm({
  id: "approval.archiveDestruction",
  module: "information",
  confidentiality: "internal",
  title: label("档案销毁申请表", "Archive destruction request"),
  source: "004 ch.7 §16 客户档案管理流程",
  fields: {
    archiveNumbers: field.longText({ label: label("销毁档案编号", "Archive numbers"), maxLength: 2000 }),
    retentionExpiredOn: field.date({ label: label("保管期满日期", "Retention expired on") }),
    method: field.text({ label: label("销毁方式", "Destruction method") }),
    reason: field.longText({ label: label("销毁理由", "Reason") }),
  },
})
