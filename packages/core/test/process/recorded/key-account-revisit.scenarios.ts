// The paths of the key-account revisit whose stored events must replay unchanged (see ./scenario.ts).
import { Accounts, personId } from "@tixi/core"
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario, type ScenarioStep } from "./scenario.ts"

const day = 86_400_000
const start = Date.UTC(2026, 4, 4, 1, 0)
const supervisor = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const officer = { personId: personId("officer-wu"), role: "officer" as const }
const definition = Accounts.keyAccountRevisitProcess(Accounts.defaultAccountsPolicy)
const approvalKey = (state: { approval?: { key: string } }) => state.approval?.key ?? "none"
const notice = (instanceId: string, named: boolean): ScenarioStep => ({
  after: 0,
  command: {
    type: "IssueNotice",
    revisitId: instanceId,
    customerId: "K1",
    ...(named ? { customerName: "华东五金", purpose: "季度回访" } : {}),
    issuedBy: supervisor,
    dueAt: start + 20 * day,
  },
})
const assign: ScenarioStep = { after: day, command: { type: "Assign", assignedBy: supervisor, officer } }
const visit = (after: number, full: boolean): ScenarioStep => ({
  after,
  command: {
    type: "RecordVisit",
    officer,
    visitedOn: "2026-05-19",
    findings: "设备运行正常，客户希望增加培训",
    ...(full
      ? { metWith: "采购部王经理", qualityData: "故障响应平均 3.5 小时", requests: "增加操作培训" }
      : {}),
  },
})
const submit = (after: number, followUp?: string): ScenarioStep => ({
  after,
  command: { type: "SubmitReport", officer, ...(followUp === undefined ? {} : { followUp }) },
})
const decide = (after: number, outcome: string, extra: Record<string, unknown> = {}): ScenarioStep => ({
  after,
  command: (state) => ({ type: "DecideApproval", approvalKey: approvalKey(state), outcome, ...extra }),
})
const scenario = (name: string, instanceId: string, steps: ReadonlyArray<ScenarioStep>): Scenario => ({
  flow: definition.name,
  name,
  definition,
  instanceId,
  start,
  steps,
})

/** The recorded paths of the key-account revisit. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "key-account revisit", startOf(0), stampedCommand as never),
  scenario(
    "① notice → ② assigned → reminded → ③–⑤ visited → ⑥ ✓ rejected → revised → ✓ approved twice → ⑦ archived; timers late",
    "RV-R1",
    [
      notice("RV-R1", true),
      assign,
      { after: 13 * day, command: { type: "RemindRevisit" } },
      { after: 13 * day + 1, command: { type: "RemindRevisit" } },
      visit(15 * day, true),
      submit(16 * day, "安排两次操作培训"),
      decide(17 * day, "rejected", { decidedBy: personId("manager-qian"), comment: "补充质量数据" }),
      submit(18 * day),
      decide(19 * day, "approved", { decidedBy: personId("manager-qian"), comment: "同意归档" }),
      decide(19 * day + 1, "approved", { decidedBy: personId("manager-qian") }),
      { after: 27 * day, command: { type: "EscalateRevisit" } },
      { after: 28 * day, command: { type: "RemindRevisit" } },
    ],
  ),
  scenario(
    "③–⑤ visited, no name → ⑥ ✓ withdrawn on the host (no comment) → resubmitted → ✓ approved",
    "RV-R2",
    [
      notice("RV-R2", false),
      assign,
      visit(2 * day, false),
      submit(3 * day),
      decide(4 * day, "withdrawn"),
      submit(5 * day, "补充材料"),
      decide(6 * day, "approved"),
    ],
  ),
  scenario(
    "① notice, unassigned → reminded (to the officers) → overdue, escalated once → ② assigned → ③ visited",
    "RV-R3",
    [
      notice("RV-R3", true),
      { after: 13 * day, command: { type: "RemindRevisit" } },
      { after: 27 * day, command: { type: "EscalateRevisit" } },
      { after: 28 * day, command: { type: "EscalateRevisit" } },
      { after: 29 * day, command: { type: "Assign", assignedBy: supervisor, officer } },
      { after: 30 * day, command: { type: "RemindRevisit" } },
      visit(31 * day, true),
    ],
  ),
  scenario("② assigned → escalated late, reminder never sent → cancelled before the visit", "RV-R4", [
    notice("RV-R4", true),
    assign,
    { after: 40 * day, command: { type: "EscalateRevisit" } },
    { after: 41 * day, command: { type: "Cancel", actor: supervisor, reason: "客户合并，无需回访" } },
  ]),
  scenario("① notice → cancelled before the assignment", "RV-R5", [
    notice("RV-R5", false),
    { after: 2 * day, command: { type: "Cancel", actor: supervisor, reason: "重复通知" } },
  ]),
  scenario("⑥ waiting for ✓ → cancelled (the approval withdrawn)", "RV-R6", [
    notice("RV-R6", true),
    assign,
    visit(2 * day, true),
    submit(3 * day, "安排培训"),
    { after: 4 * day, command: { type: "Cancel", actor: supervisor, reason: "客户终止合作" } },
  ]),
  scenario("⑥ ✓ rejected, delivered twice → cancelled while being revised (nothing to withdraw)", "RV-R7", [
    notice("RV-R7", true),
    assign,
    visit(2 * day, false),
    submit(3 * day),
    decide(4 * day, "rejected"),
    {
      after: 4 * day + 1,
      command: (state) => ({
        type: "DecideApproval",
        approvalKey: state.decidedApprovals[0].key,
        outcome: "rejected",
      }),
    },
    { after: 5 * day, command: { type: "Cancel", actor: supervisor, reason: "改由区域经理回访" } },
  ]),
]
