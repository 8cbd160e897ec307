import { approvalReferenceControls as markerControls, parseReference } from "@tixi/adapter-kit"
import {
  type ApprovalDecision,
  type ApprovalRecord,
  type ApprovalState,
  approvalId,
  type Locale,
  personId,
} from "@tixi/core"
import type { RawProcessInstance } from "../operations/raw-schemas.ts"

/** The tixi references read back from an instance's form values. */
export interface InstanceReferences {
  readonly key: string
  readonly requestType: string
  readonly businessKey: string
}

/** Reads tixi's reference controls from an instance; undefined for instances tixi did not open. */
export function referencesOf(instance: RawProcessInstance, locale: Locale): InstanceReferences | undefined {
  const controlValue = (marker: {
    readonly alias: string
    readonly label: { readonly [L in Locale]: string }
  }) =>
    instance.formComponentValues?.find(
      (value) =>
        (value as { bizAlias?: string }).bizAlias === marker.alias ||
        value.name === marker.label[locale] ||
        value.name === marker.label["zh-CN"] ||
        value.name === marker.label.en,
    )?.value
  const reference = parseReference(controlValue(markerControls.reference))
  if (reference === undefined) return undefined
  return { ...reference, businessKey: controlValue(markerControls.businessKey) ?? "" }
}

/** DingTalk's instance status and result as tixi's approval state (COMPLETED + agree = approved). */
export function stateOf(instance: RawProcessInstance): ApprovalState {
  if (instance.status === "TERMINATED") return "withdrawn"
  if (instance.status === "COMPLETED") return instance.result === "agree" ? "approved" : "rejected"
  return "pending"
}

const instantOf = (date: string | undefined): number | undefined => {
  if (date === undefined) return undefined
  const parsed = Date.parse(date)
  return Number.isNaN(parsed) ? undefined : parsed
}

/**
 * An instance as tixi's `ApprovalRecord`: the decisions are the executed tasks of its operation
 * records, numbered by node in the order the nodes were reached.
 */
export function recordOf(
  id: string,
  instance: RawProcessInstance,
  locale: Locale,
  personIdOf: (userId: string) => string,
): ApprovalRecord {
  const references = referencesOf(instance, locale)
  const nodes: Array<string> = []
  const decisions: Array<ApprovalDecision> = []
  for (const operation of instance.operationRecords ?? []) {
    if (operation.type !== "EXECUTE_TASK_NORMAL" && operation.type !== "EXECUTE_TASK_AGENT") continue
    if (operation.result !== "AGREE" && operation.result !== "REFUSE") continue
    const node = operation.activityId ?? String(nodes.length)
    if (!nodes.includes(node)) nodes.push(node)
    decisions.push({
      step: nodes.indexOf(node),
      approver: personId(personIdOf(operation.userId ?? "unknown")),
      outcome: operation.result === "AGREE" ? "approved" : "rejected",
      comment: operation.remark,
      at: instantOf(operation.date) ?? 0,
    })
  }
  const state = stateOf(instance)
  return {
    id: approvalId(id),
    key: references?.key ?? "",
    businessKey: references?.businessKey ?? "",
    requestType: references?.requestType ?? "",
    state,
    decisions,
    submittedAt: instantOf(instance.createTime) ?? 0,
    finishedAt: state === "pending" ? undefined : instantOf(instance.finishTime),
  }
}
