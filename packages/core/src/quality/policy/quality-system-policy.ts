import { z } from "zod"
import { Role } from "../../roles/role.ts"
import type { RecordKind } from "../labels/quality-system-labels.ts"

/**
 * How the quality system keeps its own paperwork (服务质量体系文件管理, 质量记录管理, 质量标准编制):
 * who reviews and approves documents and standards, how soon a distributed document must be
 * acknowledged, how long each kind of record is kept and who approves its disposal.
 */
export interface QualitySystemPolicy {
  /** Who reviews a drafted document before it goes for approval (审核). */
  readonly documentReviewer: Role
  /** Who approves a document version or its withdrawal, one step each (审批). */
  readonly documentApprovers: ReadonlyArray<Role>
  /** Days within which every recipient acknowledges a distributed document (签收); then a reminder. */
  readonly acknowledgeWithinDays: number
  /** Years each kind of record is kept when its registration names no other period. */
  readonly retentionYears: Readonly<Record<RecordKind, number>>
  /** Who approves disposing of a record at the end of its retention; empty: no approval. */
  readonly disposalApprovers: ReadonlyArray<Role>
  /** Who approves a new quality standard, one step each (审核 → 审批). */
  readonly standardApprovers: ReadonlyArray<Role>
}

/**
 * The defaults: the quality supervisor reviews and the department manager approves documents; a
 * week to acknowledge; records kept three years (audits and management reviews five); disposal
 * reviewed by the manager and approved by the general manager, as in 客户档案管理流程 (004 ch.7);
 * standards approved by the manager and then the general manager.
 */
export const defaultQualitySystemPolicy: QualitySystemPolicy = {
  documentReviewer: "supervisor",
  documentApprovers: ["manager"],
  acknowledgeWithinDays: 7,
  retentionYears: {
    inspection: 3,
    audit: 5,
    evaluation: 3,
    survey: 3,
    correctiveAction: 3,
    complaint: 3,
    training: 3,
    managementReview: 5,
  },
  disposalApprovers: ["manager", "generalManager"],
  standardApprovers: ["manager", "generalManager"],
}

const years = z.number().int().min(1).max(100)

/** The validator of the quality system's policy, part of the quality policy's. */
export const qualitySystemPolicySchema = z.object({
  documentReviewer: Role.schema,
  documentApprovers: z.array(Role.schema).min(1),
  acknowledgeWithinDays: z.number().int().min(1).max(365),
  retentionYears: z.object({
    inspection: years,
    audit: years,
    evaluation: years,
    survey: years,
    correctiveAction: years,
    complaint: years,
    training: years,
    managementReview: years,
  }),
  disposalApprovers: z.array(Role.schema),
  standardApprovers: z.array(Role.schema).min(1),
})
