import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Where a complaint stands in the two flow charts (客户投诉接待流程, 客户投诉处理流程). Hosts show
 * them as pipeline stages (HubSpot) or Status values (Salesforce); `complaintStages` says which
 * of them are closed.
 */
export const ComplaintStage = enumeration("complaint.stage", {
  registered: label("已登记", "Registered"),
  accepted: label("已受理", "Accepted"),
  investigating: label("调查中", "Investigating"),
  proposing: label("拟定方案", "Drafting a solution"),
  awaitingApproval: label("待审批", "Awaiting approval"),
  negotiating: label("与客户协商", "Negotiating with the customer"),
  executing: label("执行方案", "Executing the solution"),
  litigation: label("诉讼程序", "Litigation"),
  resolved: label("已办结", "Resolved"),
  closed: label("已结案", "Closed"),
  rejected: label("不予受理", "Rejected"),
})

/** Where a complaint stands. */
export type ComplaintStage = ValueOf<typeof ComplaintStage>

/** Whether a stage is open (work remains) or closed, as hosts need it for their ticket state. */
export type StageState = "open" | "closed"

/** A stage as host installers create it: value, labels, open or closed, in pipeline order. */
export interface StageSpec {
  readonly value: ComplaintStage
  readonly label: ComplaintStageLabel
  readonly state: StageState
}

/** The label of a stage. */
export type ComplaintStageLabel = (typeof ComplaintStage.labels)[ComplaintStage]

const closedStages: ReadonlySet<ComplaintStage> = new Set(["closed", "rejected"])

/** Whether a stage is closed on the host (结案 or 不予受理). */
export const isClosedStage = (stage: ComplaintStage): boolean => closedStages.has(stage)

/** The stages in pipeline order, for HubSpot pipelines and Salesforce Status picklists. */
export const complaintStages: ReadonlyArray<StageSpec> = ComplaintStage.values.map((value) => ({
  value,
  label: ComplaintStage.labels[value],
  state: isClosedStage(value) ? "closed" : "open",
}))
