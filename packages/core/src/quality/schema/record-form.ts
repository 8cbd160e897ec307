import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { DisposalMethod, RecordKind } from "../labels/quality-system-labels.ts"

/**
 * 质量记录登记及销毁审批表 (002 10.4 客户服务质量记录管理; 000 10.4.5): a record's registration with
 * its retention period, and at its end the disposal as applied for, approved and witnessed, so
 * the register shows for every record where it was kept and how it left.
 */
export const recordForm = defineForm({
  id: "quality.record",
  title: label("质量记录登记及销毁审批表", "Quality record register and disposal approval"),
  source: "002 ch.10 10.4 客户服务质量记录管理流程; 000 ch.10 10.4.5 服务质量记录管理流程",
  fields: {
    recordNumber: field.text({ label: label("记录编号", "Record no."), maxLength: 200 }),
    title: field.text({ label: label("记录名称", "Record title"), maxLength: 200 }),
    kind: field.choice(RecordKind, { label: label("记录类别", "Record kind") }),
    source: field.text({
      label: label("来源（流程/单据编号）", "Source (process or form no.)"),
      required: false,
    }),
    department: field.department({ label: label("保管部门", "Kept by department") }),
    keeper: field.person({ label: label("保管人", "Keeper") }),
    location: field.text({ label: label("存放位置", "Location"), maxLength: 500 }),
    filedOn: field.date({ label: label("归档日期", "Filed on") }),
    retentionYears: field.integer({
      label: label("保存期限", "Retention period"),
      min: 1,
      max: 100,
      unit: label("年", "years"),
    }),
    retentionEndsOn: field.date({ label: label("保存期满日期", "Retention ends on") }),
    disposalMethod: field.choice(DisposalMethod, {
      label: label("处理方式", "Disposal method"),
      required: false,
    }),
    disposalReason: field.longText({ label: label("销毁理由", "Reason for disposal"), required: false }),
    approver: field.person({ label: label("批准人", "Approved by"), required: false }),
    witness: field.person({ label: label("监销人", "Witnessed by"), required: false }),
    disposedOn: field.date({ label: label("销毁日期", "Disposed on"), required: false }),
  },
  rules: (value) => [
    ...(value.retentionEndsOn < value.filedOn
      ? [{ path: ["retentionEndsOn"], message: "must not be before the filing date" }]
      : []),
    ...(value.disposedOn !== undefined && value.witness === undefined
      ? [{ path: ["witness"], message: "a disposal is witnessed" }]
      : []),
  ],
})
