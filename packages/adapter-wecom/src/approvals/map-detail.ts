import { approvalReferenceControls, parseReference } from "@tixi/adapter-kit"
import {
  type ApprovalDecision,
  type ApprovalRecord,
  type ApprovalState,
  approvalId,
  type Locale,
  personId,
} from "@tixi/core"
import type { RawApprovalDetail } from "../operations/raw-schemas.ts"

/** WeCom's sp_status as tixi's state: 2 approved and 10 paid are approved; 4, 6, 7 are withdrawn. */
export function stateOf(spStatus: number | undefined): ApprovalState {
  switch (spStatus) {
    case 2:
    case 10:
      return "approved"
    case 3:
      return "rejected"
    case 4:
    case 6:
    case 7:
      return "withdrawn"
    default:
      return "pending"
  }
}

/** tixi's references read back from an approval's form values. */
export function referencesOf(detail: RawApprovalDetail, locale: Locale) {
  const textOfControl = (label: { readonly [L in Locale]: string }) =>
    detail.apply_data?.contents?.find((content) =>
      content.title?.some(
        (title) => title.text === label[locale] || title.text === label["zh-CN"] || title.text === label.en,
      ),
    )?.value.text
  const reference = parseReference(textOfControl(approvalReferenceControls.reference.label))
  if (reference === undefined) return undefined
  return { ...reference, businessKey: textOfControl(approvalReferenceControls.businessKey.label) ?? "" }
}

/** An approval as tixi's record: decisions from the nodes' details that were approved (2) or rejected (3). */
export function recordOf(
  detail: RawApprovalDetail,
  locale: Locale,
  personIdOf: (userId: string) => string,
): ApprovalRecord {
  const references = referencesOf(detail, locale)
  const decisions: Array<ApprovalDecision> = []
  for (const [step, node] of (detail.sp_record ?? []).entries()) {
    for (const entry of node.details ?? []) {
      if (entry.sp_status !== 2 && entry.sp_status !== 3) continue
      decisions.push({
        step,
        approver: personId(personIdOf(entry.approver?.userid ?? "unknown")),
        outcome: entry.sp_status === 2 ? "approved" : "rejected",
        comment: entry.speech || undefined,
        at: (entry.sptime ?? 0) * 1000,
      })
    }
  }
  decisions.sort((left, right) => left.at - right.at || left.step - right.step)
  const state = stateOf(detail.sp_status)
  const last = decisions[decisions.length - 1]
  return {
    id: approvalId(detail.sp_no ?? "unknown"),
    key: references?.key ?? "",
    businessKey: references?.businessKey ?? "",
    requestType: references?.requestType ?? "",
    state,
    decisions,
    submittedAt: (detail.apply_time ?? 0) * 1000,
    finishedAt: state === "pending" ? undefined : (last?.at ?? (detail.apply_time ?? 0) * 1000),
  }
}
