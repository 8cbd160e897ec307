// The paths of the satisfaction survey whose stored events must replay unchanged (see ./scenario.ts).
import { label, personId, Quality } from "@tixi/core"
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario } from "./scenario.ts"

const hour = 3_600_000
const day = 24 * hour
const start = Date.UTC(2026, 3, 6, 1, 0)
const owner = personId("supervisor-sun")
const definition = Quality.satisfactionSurveyProcess()
// Two questions keep the stored states small: each recorded state holds every response so far.
const questionnaire: Quality.SurveyDefinition = {
  id: "satisfaction-recorded",
  version: "1",
  title: label("客户满意度调查", "Customer satisfaction survey"),
  questions: [Quality.csatQuestion("overall"), Quality.npsQuestion("recommend")],
}
const plan = {
  objective: "了解客户对客服热线的满意程度",
  population: "近三个月联系过热线的客户",
  sampleSize: 200,
  channels: ["sms", "phone"],
  fieldworkStart: start + day,
  owner,
}
const draft = (after: number, instanceId: string, sampleSize = 200) => ({
  after,
  command: { type: "DraftPlan", id: instanceId, definition: questionnaire, plan: { ...plan, sampleSize } },
})
const decide = (after: number, approval: string, outcome: string, comment?: string) => ({
  after,
  command: { type: "DecideApproval", approval, outcome, ...(comment === undefined ? {} : { comment }) },
})
const response = (index: number, after: number) => ({
  after,
  command: {
    type: "RecordResponse",
    response: {
      surveyId: questionnaire.id,
      surveyVersion: questionnaire.version,
      respondentId: `customer-${index}`,
      submittedAt: start + after,
      answers: { overall: 1 + ((index * 7) % 5), recommend: (index * 3) % 11 },
    },
  },
})
/** ① plan ✓ approved, sent, three answers, closed by the fieldwork timer, ② evaluated with force. */
const forcedEvaluation = (instanceId: string, afterClose: Scenario["steps"] = []) => [
  draft(0, instanceId),
  { after: 1000, command: { type: "SubmitPlan" } },
  decide(hour, "plan", "approved"),
  { after: day, command: { type: "Send", invited: 400 } },
  response(0, day + hour),
  response(1, day + 2 * hour),
  response(2, day + 3 * hour),
  { after: 15 * day, command: { type: "CloseCollection" } },
  ...afterClose,
  { after: 16 * day, command: { type: "Evaluate", force: true } },
]
const propose = (after: number, ...actions: ReadonlyArray<{ id: string; dueAt: number }>) => ({
  after,
  command: {
    type: "ProposeImprovementPlan",
    findings: "  等待时间过长，回电不及时  ",
    actions: actions.map(({ id, dueAt }) => ({
      id,
      action: `改进措施 ${id}`,
      owner,
      dueAt: start + dueAt,
      target: "CSAT ≥ 85%",
    })),
  },
})
const survey = { flow: definition.name, definition, start }
const scenario = (name: string, instanceId: string, steps: Scenario["steps"]): Scenario => ({
  ...survey,
  name,
  instanceId,
  steps,
})

/** The recorded paths of the satisfaction survey. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "satisfaction survey", startOf(0), stampedCommand as never),
  scenario("① drafted twice → ✓ plan rejected → redrafted → ✓ approved → sent", "CSAT-R1", [
    draft(0, "CSAT-R1"),
    draft(500, "CSAT-R1", 300),
    { after: 1000, command: { type: "SubmitPlan" } },
    decide(hour, "plan", "rejected", "样本量不足"),
    draft(2 * hour, "CSAT-R1", 400),
    { after: 2 * hour + 1000, command: { type: "SubmitPlan" } },
    decide(3 * hour, "plan", "approved", "同意"),
    { after: day, command: { type: "Send", invited: 800 } },
  ]),
  scenario("✓ plan withdrawn on the host → resubmitted → ✓ approved", "CSAT-R2", [
    draft(0, "CSAT-R2"),
    { after: 1000, command: { type: "SubmitPlan" } },
    decide(hour, "plan", "withdrawn"),
    { after: 2 * hour, command: { type: "SubmitPlan" } },
    decide(3 * hour, "plan", "approved"),
  ]),
  scenario(
    "fieldwork ends (timer) → the timer fires again late → ◇ below the minimum, evaluated with force",
    "CSAT-R3",
    forcedEvaluation("CSAT-R3", [{ after: 15 * day + hour, command: { type: "CloseCollection" } }]),
  ),
  scenario(
    "✓ improvement plan rejected → proposed again → ✓ approved → actions completed → followed up (not effective)",
    "CSAT-R4",
    [
      ...forcedEvaluation("CSAT-R4"),
      propose(17 * day, { id: "A1", dueAt: 40 * day }),
      decide(18 * day, "improvementPlan", "rejected", "措施不具体"),
      propose(19 * day, { id: "A1", dueAt: 40 * day }, { id: "A2", dueAt: 30 * day }),
      decide(20 * day, "improvementPlan", "approved", "同意实施"),
      { after: 25 * day, command: { type: "CompleteAction", actionId: "A2", note: "  已上线回电提醒  " } },
      { after: 26 * day, command: { type: "CompleteAction", actionId: "A2", note: "重复提交" } },
      { after: 35 * day, command: { type: "CompleteAction", actionId: "A1", note: "新增 6 个坐席" } },
      { after: 36 * day, command: { type: "FollowUp", summary: "  复测 CSAT 未见提升  ", effective: false } },
    ],
  ),
  scenario("✓ improvement plan withdrawn on the host → proposed again → ✓ approved", "CSAT-R5", [
    ...forcedEvaluation("CSAT-R5"),
    propose(17 * day, { id: "A1", dueAt: 40 * day }),
    decide(18 * day, "improvementPlan", "withdrawn"),
    propose(19 * day, { id: "A1", dueAt: 40 * day }),
    decide(20 * day, "improvementPlan", "approved"),
  ]),
  scenario(
    "action timer fires early, then overdue (timer) → late again → follow-up due (timer) → late again → completed → followed up",
    "CSAT-R6",
    [
      ...forcedEvaluation("CSAT-R6"),
      propose(17 * day, { id: "A1", dueAt: 25 * day }, { id: "A2", dueAt: 60 * day }),
      decide(18 * day, "improvementPlan", "approved"),
      { after: 24 * day, command: { type: "MarkActionOverdue", actionId: "A1" } },
      { after: 25 * day, command: { type: "MarkActionOverdue", actionId: "A1" } },
      { after: 26 * day, command: { type: "MarkActionOverdue", actionId: "A1" } },
      { after: 30 * day, command: { type: "MarkFollowUpDue" } },
      { after: 48 * day, command: { type: "MarkFollowUpDue" } },
      { after: 49 * day, command: { type: "MarkFollowUpDue" } },
      { after: 50 * day, command: { type: "CompleteAction", actionId: "A1", note: "补做完成" } },
      { after: 51 * day, command: { type: "CompleteAction", actionId: "A2", note: "提前完成" } },
      { after: 52 * day, command: { type: "MarkActionOverdue", actionId: "A2" } },
      { after: 53 * day, command: { type: "MarkActionOverdue", actionId: "A9" } },
      {
        after: 55 * day,
        command: { type: "FollowUp", summary: "复测 CSAT 提升 8 个百分点", effective: true },
      },
    ],
  ),
]
