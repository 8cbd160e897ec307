import type { Pointer } from "./catalogue-entry.ts"

/**
 * The processes several entries point at, named once: when a process is renamed or moves, one
 * line changes and the pointer test checks it.
 */
export const processPointer = {
  approval: { kind: "process", module: "Approval", export: "approvalProcess", name: "approval" },
  complaint: { kind: "process", module: "Complaints", export: "complaintProcess", name: "complaint" },
  creditEvaluation: {
    kind: "process",
    module: "Credit",
    export: "creditEvaluationProcess",
    name: "credit.evaluation",
  },
  creditGradeChange: {
    kind: "process",
    module: "Credit",
    export: "creditGradeChangeProcess",
    name: "credit.grade-change",
  },
  creditStandard: {
    kind: "process",
    module: "Credit",
    export: "creditStandardProcess",
    name: "credit.standard",
  },
  onSiteCoaching: {
    kind: "process",
    module: "Planning",
    export: "onSiteCoachingProcess",
    name: "planning.coaching",
  },
  serviceProject: {
    kind: "process",
    module: "Planning",
    export: "serviceProjectProcess",
    name: "planning.project",
  },
  serviceStandard: {
    kind: "process",
    module: "Planning",
    export: "serviceStandardProcess",
    name: "planning.standard",
  },
  qualityDocument: {
    kind: "process",
    module: "Quality",
    export: "qualityDocumentProcess",
    name: "quality.document",
  },
  qualityRecord: {
    kind: "process",
    module: "Quality",
    export: "qualityRecordProcess",
    name: "quality.record",
  },
  qualityStandard: {
    kind: "process",
    module: "Quality",
    export: "qualityStandardProcess",
    name: "quality.standard",
  },
  qualityReview: {
    kind: "process",
    module: "Quality",
    export: "qualityReviewProcess",
    name: "quality.review",
  },
} as const satisfies Record<string, Pointer>
