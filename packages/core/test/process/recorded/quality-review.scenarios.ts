// The paths of the quality review whose stored events must replay unchanged (see ./scenario.ts).
import { departmentId, personId, Quality } from "@tixi/core"
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario, type ScenarioStep } from "./scenario.ts"

const day = 86_400_000
const start = Date.UTC(2026, 2, 2, 1, 0)
const responsible = personId("supervisor-sun")
const verifier = personId("manager-qian")
const definition = Quality.qualityReviewProcess()
// The happy path's findings (one major non-conformity), so both speak of the same inspection.
const happyPath = flowLifecycles.find((lifecycle) => lifecycle.name === "quality review")!.steps("", 0)
const recorded = happyPath.find((step) => (step.command as { type: string }).type === "RecordFindings")!
const { checklist, nonconformities: found } = recorded.command as {
  checklist: ReadonlyArray<Record<string, unknown>>
  nonconformities: ReadonlyArray<Record<string, unknown>>
}
const major = found[0]!
const minor = {
  ...major,
  id: "NC2",
  description: "个别记录缺少答复时间",
  standard: "呼叫中心管理办法 §6",
  severity: "minor",
}
const plan = (id: string, kind: string): ScenarioStep => ({
  after: 0,
  command: {
    type: "Plan",
    id,
    kind,
    departmentId: departmentId("customer-service"),
    scope: "热线服务质量",
    criteria: "客户服务质量标准规范",
    plannedFor: start + 2 * day,
    lead: personId("director-li"),
  },
})
const conforming = {
  item: "疑难电话记录",
  standard: "记录来话时间、内容和联系方式，明确答复时间",
  conforming: true,
}
// The same checklist line found conforming, for the inspection that finds nothing.
const { finding: _, ...line } = checklist[0]!
const allWell = { ...line, conforming: true }
const findings = (nonconformities: ReadonlyArray<typeof major>): ScenarioStep => ({
  after: 2 * day,
  command: {
    type: "RecordFindings",
    checklist: [nonconformities.length === 0 ? allWell : checklist[0]!, conforming],
    nonconformities,
  },
})
const propose = (after: number, nonconformityId: string, extra: Record<string, unknown> = {}) => ({
  after,
  command: {
    type: "ProposeCorrectiveAction",
    nonconformityId,
    rootCause: "排班未覆盖 10 点高峰",
    correctiveAction: "按 Erlang C 重排班",
    responsible,
    ...extra,
  },
})
const decide = (after: number, nonconformityId: string, outcome: string, comment?: string) => ({
  after,
  command: { type: "DecideApproval", nonconformityId, outcome, ...(comment ? { comment } : {}) },
})
const complete = (after: number, nonconformityId: string) => ({
  after,
  command: { type: "CompleteCorrectiveAction", nonconformityId, evidence: "新排班表" },
})
const verify = (after: number, nonconformityId: string, effective: boolean) => ({
  after,
  command: {
    type: "VerifyCorrectiveAction",
    nonconformityId,
    effective,
    note: effective ? "高峰超时降至 4%" : "仍有超时",
    by: verifier,
  },
})
const overdue = (after: number, nonconformityId: string) => ({
  after,
  command: { type: "MarkActionOverdue", nonconformityId },
})
const close = (after: number) => ({
  after,
  command: { type: "Close", conclusion: "整改有效", standardised: ["排班按 Erlang C 每周复核"] },
})
const scenario = (name: string, id: string, kind: string, steps: Scenario["steps"]): Scenario => ({
  flow: definition.name,
  name,
  definition,
  instanceId: id,
  start,
  steps: [plan(id, kind), ...steps],
})

/** The recorded paths of the quality review. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "quality review", startOf(0), stampedCommand as never),
  scenario("◇ no non-conformity → ready to close → closed", "QR-R1", "evaluation", [
    findings([]),
    close(3 * day),
  ]),
  scenario("◇ major → ✓ rejected → proposed again → ✓ approved → done → checked → closed", "QR-R2", "audit", [
    findings([major]),
    propose(3 * day, "NC1"),
    decide(4 * day, "NC1", "rejected", "原因分析不充分"),
    propose(5 * day, "NC1", { rootCause: "高峰预测偏低", correction: "临时加派坐席" }),
    decide(6 * day, "NC1", "approved", "同意"),
    complete(9 * day, "NC1"),
    verify(12 * day, "NC1", true),
    close(13 * day),
  ]),
  scenario("◇ major → ✓ withdrawn on the host → proposed again", "QR-R3", "inspection", [
    findings([major]),
    propose(3 * day, "NC1"),
    decide(4 * day, "NC1", "withdrawn"),
    propose(5 * day, "NC1", { dueAt: start + 20 * day }),
  ]),
  scenario(
    "◇ minor starts at once, ◇ major waits for ✓ → correcting (plan → do → check) → ◇ ineffective → again",
    "QR-R4",
    "inspection",
    [
      findings([major, minor]),
      propose(3 * day, "NC2", { rootCause: "表单无必填校验", correctiveAction: "培训" }),
      propose(3 * day, "NC1"),
      decide(4 * day, "NC1", "approved"),
      complete(5 * day, "NC2"),
      complete(6 * day, "NC1"),
      verify(8 * day, "NC2", false),
      verify(8 * day, "NC1", true),
      propose(9 * day, "NC2", { rootCause: "系统未校验", correctiveAction: "必填校验" }),
      complete(12 * day, "NC2"),
      verify(14 * day, "NC2", true),
      close(15 * day),
    ],
  ),
  scenario(
    "⏰ due date: fired early (nothing) → overdue → fired again (nothing) → done late",
    "QR-R5",
    "inspection",
    [
      findings([minor]),
      propose(3 * day, "NC2", { dueAt: start + 6 * day }),
      overdue(5 * day, "NC2"),
      overdue(6 * day, "NC2"),
      overdue(7 * day, "NC2"),
      complete(8 * day, "NC2"),
      overdue(9 * day, "NC2"),
    ],
  ),
  scenario("⏰ due date fired late (after the policy's 30 days)", "QR-R6", "audit", [
    findings([minor]),
    propose(3 * day, "NC2"),
    overdue(40 * day, "NC2"),
    complete(41 * day, "NC2"),
    verify(42 * day, "NC2", false),
    overdue(43 * day, "NC2"),
  ]),
]
