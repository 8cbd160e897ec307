import {
  Accounts,
  type AnyProcessDefinition,
  Approval,
  CallCenter,
  Complaints,
  Credit,
  chinaMainlandCalendar,
  Grading,
  Organisation,
  Quality,
} from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { z } from "zod"
import { registration as fixtureRegistration, marchQualityComplaint } from "../complaints/fixtures.ts"
import { surveyDefinition } from "../quality/survey-fixture.ts"
import { nonsense } from "../support/zod-arbitrary.ts"

/** Sequences per process; each runs up to `commandsPerSequence` commands through decide and evolve. */
const sequencesPerProcess = 200
const commandsPerSequence = 12

/** Mostly commands of plausible values, which reach deep states; one in four hostile throughout. */
const commandOf = (schema: z.ZodType, overrides: Readonly<Record<string, fc.Arbitrary<unknown>>> = {}) =>
  fc.oneof(
    { weight: 3, arbitrary: nonsense(schema, { overrides, hostile: false }) },
    { weight: 1, arbitrary: nonsense(schema, { overrides }) },
  )

const registration = fc.oneof(
  { weight: 3, arbitrary: nonsense(Complaints.registrationForm.schema, { hostile: false }) },
  { weight: 1, arbitrary: nonsense(Complaints.registrationForm.schema) },
)

interface Subject {
  readonly name: string
  readonly definition: AnyProcessDefinition
  readonly command: fc.Arbitrary<unknown>
  /** Valid commands that open an instance, put before half the sequences so they start in a deeper state. */
  readonly opening?: ReadonlyArray<Record<string, unknown>>
}

const officer = { personId: "officer-wu", role: "officer" }

const subjects: ReadonlyArray<Subject> = [
  {
    name: "complaint",
    definition: Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }),
    command: commandOf(
      z.union(Object.values(Complaints.commandSchemas) as [z.ZodType, ...Array<z.ZodType>]),
      {
        registration,
      },
    ),
    opening: [
      { type: "Register", complaintId: "TS-1", actor: officer, registration: fixtureRegistration() },
      { type: "Accept", actor: officer },
      { type: "Classify", actor: officer, category: "quality", departmentId: "quality" },
    ],
  },
  {
    name: "approval",
    definition: Approval.approvalProcess,
    command: commandOf(Approval.approvalCommandSchema),
    opening: [
      {
        type: "submit",
        requestId: "REQ-1",
        request: {
          requestType: "credit.limitOverride",
          businessKey: "ORDER-77",
          title: { "zh-CN": "超信用额度审批", en: "Credit-limit override" },
          requester: "officer-wu",
          formId: "approval.creditLimitOverride",
          values: {},
        },
        policyVersion: "handbook-2026.1",
        driver: "tixi",
        steps: [
          {
            id: "manager",
            label: { "zh-CN": "经理", en: "Manager" },
            mode: "any",
            approvers: ["manager-qian"],
            deadline: { hours: 4, onExpiry: "escalate", escalateTo: ["director-li"] },
          },
          {
            id: "finance",
            label: { "zh-CN": "财务", en: "Finance" },
            mode: "all",
            approvers: ["finance-zhou", "supervisor-sun"],
          },
        ],
      },
    ],
  },
  {
    name: "callcenter.serviceRequest",
    definition: CallCenter.serviceRequestProcess(),
    command: commandOf(CallCenter.serviceRequestCommandSchema),
  },
  {
    name: "callcenter.inboundCall",
    definition: CallCenter.inboundCallProcess(),
    command: commandOf(CallCenter.inboundCallCommandSchema),
    opening: [
      { type: "Arrive", callId: "SW-1" },
      { type: "RequestAgent" },
      { type: "ConnectAgent", agent: officer },
    ],
  },
  {
    name: "callcenter.operatingCycle",
    definition: CallCenter.operatingCycleProcess(),
    command: commandOf(CallCenter.operatingCycleCommandSchema),
  },
  {
    name: "callcenter.qualityMonitoring",
    definition: CallCenter.qualityMonitoringProcess({ calendar: chinaMainlandCalendar() }),
    command: commandOf(CallCenter.qualityMonitoringCommandSchema),
    opening: [
      {
        type: "SampleCall",
        monitoringId: "QM-1",
        callId: "SW-1",
        agent: "agent-1",
        evaluator: officer,
        mode: "recorded",
      },
    ],
  },
  {
    name: "callcenter.outboundCall",
    definition: CallCenter.outboundCallProcess({ calendar: chinaMainlandCalendar() }),
    command: commandOf(CallCenter.outboundCallCommandSchema),
    opening: [
      {
        type: "LoadContact",
        contactId: "CMP-1/C-1",
        campaignId: "CMP-1",
        purpose: "sales",
        customer: { name: "李经理", phone: "027-5555-0101" },
        agent: officer,
      },
      { type: "LogAttempt", agent: officer, outcome: "connected" },
    ],
  },
  {
    name: "quality.review",
    definition: Quality.qualityReviewProcess(),
    command: commandOf(Quality.qualityReviewCommandSchema),
  },
  {
    name: "quality.document",
    definition: Quality.qualityDocumentProcess(),
    command: commandOf(Quality.qualityDocumentCommandSchema),
    opening: [
      {
        type: "Draft",
        documentId: "QP-1",
        title: "投诉处理程序",
        kind: "procedure",
        author: officer,
        content: "程序",
      },
      { type: "Review", reviewer: { personId: "supervisor-sun", role: "supervisor" }, passed: true },
    ],
  },
  {
    name: "quality.record",
    definition: Quality.qualityRecordProcess(),
    command: commandOf(Quality.qualityRecordCommandSchema),
    opening: [
      {
        type: "Register",
        recordId: "QR-1",
        title: "检查记录",
        kind: "inspection",
        departmentId: "customer-service",
        keeper: officer,
        location: "B-3",
        retentionYears: 1,
      },
    ],
  },
  {
    name: "quality.standard",
    definition: Quality.qualityStandardProcess(),
    command: commandOf(Quality.qualityStandardCommandSchema),
    opening: [
      {
        type: "Draft",
        standardId: "QS-1",
        title: "质量标准",
        basis: "调查",
        author: officer,
        policy: {
          ...Quality.defaultQualityPolicy,
          version: "v2",
          survey: { ...Quality.defaultQualityPolicy.survey, fieldworkDays: 7 },
        },
      },
      { type: "Review", reviewer: { personId: "supervisor-sun", role: "supervisor" }, passed: true },
    ],
  },
  {
    name: "quality.satisfactionSurvey",
    definition: Quality.satisfactionSurveyProcess(),
    command: commandOf(Quality.satisfactionSurveyCommandSchema, {
      definition: fc.oneof(
        { weight: 3, arbitrary: fc.constant(surveyDefinition) },
        { weight: 1, arbitrary: nonsense(Quality.surveyDefinitionSchema) },
      ),
    }),
  },
  ...(
    [
      [
        "quality.satisfactionMeasurement",
        Quality.satisfactionMeasurementProcess(),
        Quality.satisfactionMeasurementCommandSchema,
      ],
      ["quality.loyaltySurvey", Quality.loyaltySurveyProcess(), Quality.loyaltySurveyCommandSchema],
    ] as const
  ).map(([name, definition, schema]) => ({
    name,
    definition: definition as AnyProcessDefinition,
    command: commandOf(schema, {
      definition: fc.oneof(
        { weight: 3, arbitrary: fc.constant(surveyDefinition) },
        { weight: 1, arbitrary: nonsense(Quality.surveyDefinitionSchema) },
      ),
    }),
  })),
  {
    name: "quality.loyaltyImprovement",
    definition: Quality.loyaltyImprovementProcess(),
    command: commandOf(Quality.loyaltyImprovementCommandSchema),
  },
  {
    name: "organisation.staffAppraisal",
    definition: Organisation.staffAppraisalProcess(),
    command: commandOf(Organisation.staffAppraisalCommandSchema),
    opening: [
      {
        type: "SetObjectives",
        appraisalId: "PA-1",
        employee: "officer-wu",
        post: "complaintOfficer",
        period: "2026Q1",
        supervisor: "supervisor-sun",
        objectives: [
          { id: "resolved", kpi: "投诉解决比例", weight: 60, target: 0.95, higherIsBetter: true },
          { id: "reopened", kpi: "复诉比例", weight: 40, target: 0.05, higherIsBetter: false },
        ],
      },
    ],
  },
  {
    name: "organisation.training",
    definition: Organisation.trainingManagementProcess(),
    command: commandOf(Organisation.trainingManagementCommandSchema),
    opening: [
      {
        type: "ProposePlan",
        planId: "TR-1",
        owner: "supervisor-sun",
        plan: {
          planNumber: "TR-1",
          title: "投诉处理技巧",
          kind: "ongoing",
          needs: [{ source: "quadrantB", person: "officer-wu", need: "能力待提升" }],
          trainees: [{ trainee: "officer-wu" }],
          courses: [
            {
              id: "C1",
              topic: "serviceSkills",
              title: "沟通",
              trainer: "trainer-he",
              date: "2026-05-11",
              hours: 3,
            },
          ],
        },
      },
    ],
  },
  {
    name: "credit.evaluation",
    definition: Credit.creditEvaluationProcess(Credit.defaultCreditPolicy),
    command: commandOf(Credit.creditEvaluationCommandSchema),
  },
  {
    name: "credit.gradeChange",
    definition: Credit.creditGradeChangeProcess(Credit.defaultCreditPolicy),
    command: commandOf(Credit.creditGradeChangeCommandSchema),
  },
  {
    name: "credit.limitOverride",
    definition: Credit.creditOverrideProcess(Credit.defaultCreditPolicy),
    command: commandOf(Credit.creditOverrideCommandSchema),
  },
  {
    name: "credit.standard",
    definition: Credit.creditStandardProcess(Credit.defaultCreditPolicy),
    command: commandOf(Credit.creditStandardCommandSchema),
  },
  {
    name: "grading.relationshipMaintenance",
    definition: Grading.relationshipMaintenanceProcess(Grading.defaultGradingPolicy),
    command: commandOf(Grading.relationshipMaintenanceCommandSchema),
  },
  {
    name: "accounts.keyAccountRevisit",
    definition: Accounts.keyAccountRevisitProcess(Accounts.defaultAccountsPolicy),
    command: commandOf(Accounts.keyAccountRevisitCommandSchema),
  },
  {
    name: "complaint.analysis",
    definition: Complaints.complaintAnalysisProcess({ calendar: chinaMainlandCalendar() }),
    command: commandOf(Complaints.complaintAnalysisCommandSchema),
    opening: [
      {
        type: "CompileStatistics",
        analysisId: "CA-1",
        analyst: officer,
        from: "2026-03-01",
        to: "2026-03-31",
        complaints: [marchQualityComplaint],
      },
      { type: "AnalyseCauses", analyst: officer, mainProblems: "批量质量问题" },
      {
        type: "AssignDepartments",
        supervisor: officer,
        assignments: [{ cause: "quality/serious", departmentId: "production" }],
      },
    ],
  },
  {
    name: "accounts.keyAccountMaintenance",
    definition: Accounts.keyAccountMaintenanceProcess(Accounts.defaultAccountsPolicy),
    command: commandOf(Accounts.keyAccountMaintenanceCommandSchema),
  },
  {
    name: "accounts.keyAccountService",
    definition: Accounts.keyAccountServiceProcess(Accounts.defaultAccountsPolicy),
    command: commandOf(Accounts.keyAccountServiceCommandSchema),
  },
  {
    name: "accounts.keyAccountScreening",
    definition: Accounts.keyAccountScreeningProcess(Accounts.defaultAccountsPolicy),
    command: commandOf(Accounts.keyAccountScreeningCommandSchema),
  },
  {
    name: "accounts.keyAccountDevelopment",
    definition: Accounts.keyAccountDevelopmentProcess(Accounts.defaultAccountsPolicy),
    command: commandOf(Accounts.keyAccountDevelopmentCommandSchema),
  },
]

/** Instants a command may carry that no calendar can date: beyond JavaScript's range, year 9999, year 2000. */
const hostileInstant = fc.constantFrom(
  9e15,
  -9e15,
  8.64e15 + 1,
  253_402_300_799_999,
  946_684_800_000,
  -62_198_755_200_000,
)

/**
 * Most commands are stamped in order, so sequences get past the first step; some carry a hostile
 * instant, and some keep whatever instant they were generated with.
 */
const stamped = (command: fc.Arbitrary<unknown>) =>
  fc
    .tuple(
      command,
      fc.oneof(
        { weight: 6, arbitrary: fc.constant("clock" as const) },
        { weight: 2, arbitrary: hostileInstant },
        { weight: 1, arbitrary: fc.constant("own" as const) },
      ),
    )
    .map(([value, instant]) => ({ value, instant }))

const refusalTags = new Set([
  "ValidationError",
  "InvalidTransition",
  "NotWithinAuthority",
  "PolicyRefusal",
  "CreditLimitExceeded",
])

describe("every command schema of every process definition", () => {
  for (const subject of subjects) {
    it(`${subject.name}: random commands give events or a typed refusal, never a throw`, () => {
      const { definition } = subject
      fc.assert(
        fc.property(
          fc.boolean(),
          // The opening's instants: mostly in order, now and then one no calendar can date.
          fc.array(
            fc.oneof(
              { weight: 4, arbitrary: fc.constant("clock" as const) },
              { weight: 1, arbitrary: hostileInstant },
            ),
            {
              minLength: 3,
              maxLength: 3,
            },
          ),
          fc.array(stamped(subject.command), { maxLength: commandsPerSequence }),
          (opened, openingInstants, random) => {
            const opening = opened
              ? (subject.opening ?? []).map((value, index) => ({
                  value,
                  instant: openingInstants[index] ?? "clock",
                }))
              : []
            const sequence = [...opening, ...random]
            let state = definition.initialState
            let clock = 1_767_574_800_000
            let eventCount = 0
            for (const [index, { value, instant }] of sequence.entries()) {
              clock += 3_600_000
              const command =
                instant === "own" || typeof value !== "object" || value === null || Array.isArray(value)
                  ? value
                  : { ...value, at: instant === "clock" ? clock : instant }
              const decided = definition.decide(state, command)
              if (Result.isFailure(decided)) {
                expect(refusalTags.has((decided.failure as { _tag?: string })._tag ?? "")).toBe(true)
                continue
              }
              for (const event of decided.success) {
                state = definition.evolve(state, event)
                // Every event must survive storage as JSON unchanged (no NaN, no undefined in arrays).
                expect(JSON.parse(JSON.stringify(event))).toEqual(JSON.parse(JSON.stringify(event)))
                definition.effects(state, event, { instanceId: `fuzz-${index}`, sequence: eventCount })
                eventCount += 1
              }
              definition.deadlines(state)
              definition.statusOf(state)
            }
          },
        ),
        { numRuns: sequencesPerProcess },
      )
    })
  }
})
