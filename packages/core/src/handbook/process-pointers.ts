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
  organisationDesign: {
    kind: "process",
    module: "Organisation",
    export: "organisationDesignProcess",
    name: "organisation.design",
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
  complaintAnalysis: {
    kind: "process",
    module: "Complaints",
    export: "complaintAnalysisProcess",
    name: "complaint.analysis",
  },
  creditOverride: {
    kind: "process",
    module: "Credit",
    export: "creditOverrideProcess",
    name: "credit.override",
  },
  keyAccountDevelopment: {
    kind: "process",
    module: "Accounts",
    export: "keyAccountDevelopmentProcess",
    name: "accounts.development",
  },
  keyAccountMaintenance: {
    kind: "process",
    module: "Accounts",
    export: "keyAccountMaintenanceProcess",
    name: "accounts.maintenance",
  },
  keyAccountRevisit: {
    kind: "process",
    module: "Accounts",
    export: "keyAccountRevisitProcess",
    name: "accounts.revisit",
  },
  keyAccountScreening: {
    kind: "process",
    module: "Accounts",
    export: "keyAccountScreeningProcess",
    name: "accounts.screening",
  },
  keyAccountService: {
    kind: "process",
    module: "Accounts",
    export: "keyAccountServiceProcess",
    name: "accounts.service-management",
  },
  inboundCall: {
    kind: "process",
    module: "CallCenter",
    export: "inboundCallProcess",
    name: "callcenter.inboundCall",
  },
  outboundCall: {
    kind: "process",
    module: "CallCenter",
    export: "outboundCallProcess",
    name: "callcenter.outboundCall",
  },
  operatingCycle: {
    kind: "process",
    module: "CallCenter",
    export: "operatingCycleProcess",
    name: "callcenter.operatingCycle",
  },
  callQualityMonitoring: {
    kind: "process",
    module: "CallCenter",
    export: "qualityMonitoringProcess",
    name: "callcenter.qualityMonitoring",
  },
  serviceRequest: {
    kind: "process",
    module: "CallCenter",
    export: "serviceRequestProcess",
    name: "callcenter.serviceRequest",
  },
  relationshipMaintenance: {
    kind: "process",
    module: "Grading",
    export: "relationshipMaintenanceProcess",
    name: "grading.relationship-maintenance",
  },
  loyaltyImprovement: {
    kind: "process",
    module: "Quality",
    export: "loyaltyImprovementProcess",
    name: "quality.loyaltyImprovement",
  },
  loyaltySurvey: {
    kind: "process",
    module: "Quality",
    export: "loyaltySurveyProcess",
    name: "quality.loyaltySurvey",
  },
  satisfactionMeasurement: {
    kind: "process",
    module: "Quality",
    export: "satisfactionMeasurementProcess",
    name: "quality.satisfactionMeasurement",
  },
  satisfactionSurvey: {
    kind: "process",
    module: "Quality",
    export: "satisfactionSurveyProcess",
    name: "quality.satisfactionSurvey",
  },
  staffAppraisal: {
    kind: "process",
    module: "Organisation",
    export: "staffAppraisalProcess",
    name: "organisation.staffAppraisal",
  },
  trainingManagement: {
    kind: "process",
    module: "Organisation",
    export: "trainingManagementProcess",
    name: "organisation.training",
  },
  informationConfidentiality: {
    kind: "process",
    module: "Information",
    export: "informationConfidentialityProcess",
    name: "information.confidentiality",
  },
} as const satisfies Record<string, Pointer>
