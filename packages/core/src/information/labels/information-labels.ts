import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Where a confidential matter stands in 信息保密管理流程 (004 ch.7 §17), one value per box of the
 * chart, so a status view reads like the chart.
 */
export const ConfidentialityMatterStatus = enumeration("information.confidentialityStatus", {
  none: label("未开始", "Not started"),
  classifying: label("划分密级", "Classifying"),
  classificationAwaitingApproval: label("密级审核中", "Classification awaiting approval"),
  circulating: label("确定传阅范围", "Setting the circulation list"),
  transferring: label("编号传递", "Numbered transfer"),
  remedying: label("补救处理", "Remedying"),
  remedyAwaitingApproval: label("补救方案审核中", "Remedy awaiting approval"),
  executing: label("组织执行", "Carrying out the remedy"),
  reporting: label("处理报告", "Reporting"),
  reportAwaitingApproval: label("报告审批中", "Report awaiting approval"),
  archived: label("已存档", "Archived"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where a confidential matter stands. */
export type ConfidentialityMatterStatus = ValueOf<typeof ConfidentialityMatterStatus>

/**
 * What a supervision round (③ 监督检查) can find wrong with the circulation and the transfers;
 * each kind is a breach the remedy (④) must answer.
 */
export const BreachKind = enumeration("information.breachKind", {
  unsignedCopy: label("传递未签收", "Copy handed over without a signature"),
  missingCopy: label("副本遗失或未归还", "Copy missing or not returned"),
  outsideCirculation: label("传阅范围外接触", "Read by someone outside the circulation list"),
  aboveClearance: label("越级接触", "Read above the reader's clearance"),
  disclosure: label("泄密", "Disclosed outside the company"),
  other: label("其他", "Other"),
})
/** A kind of confidentiality breach. */
export type BreachKind = ValueOf<typeof BreachKind>

/**
 * The kinds of a natural person's (自然人) data tixi recognises under the PIPL: the value's kind
 * decides how an export labels it and what an erasure puts in its place.
 */
export const PersonalDataKind = enumeration("information.personalDataKind", {
  personId: label("人员标识", "Person id"),
  name: label("姓名", "Name"),
  phone: label("电话", "Telephone"),
  idNumber: label("身份证号", "Identity card number"),
  address: label("地址", "Address"),
  email: label("电子邮箱", "Email"),
})
/** A kind of personal data. */
export type PersonalDataKind = ValueOf<typeof PersonalDataKind>
