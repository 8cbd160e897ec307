// The paths of the credit grade change whose stored events must replay unchanged (see ./scenario.ts).
import { Approval, Credit, personId } from "@tixi/core"
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { yuan } from "../../credit/fixtures.ts"
import type { Scenario } from "./scenario.ts"
import { approvalDecision, lifecycleCommand, lifecycleScenario, scenariosOf } from "./scenario.ts"

const hour = 3_600_000
const start = Date.UTC(2026, 4, 11, 2, 0)
const officer = { personId: personId("officer-wu"), role: "officer" as const }
const supervisor = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const byAuthority = Credit.creditGradeChangeProcess(Credit.defaultCreditPolicy)
const byChain = Credit.creditGradeChangeProcess(Credit.defaultCreditPolicy, {
  approvalPolicy: Approval.defaultApprovalPolicy,
})
const benchStep = (instanceId: string, position: number) =>
  lifecycleCommand(flowLifecycles, "credit grade change", instanceId, position)
// The bench's ① report and ③ serious finding (down to C), the same commands at the same offsets.
const reported = (instanceId: string) => ({ after: 0, command: benchStep(instanceId, 0) })
const serious = { after: 4 * hour, command: benchStep("", 1) }
const decided = approvalDecision
const scenario = scenariosOf(byAuthority, start, (instanceId) => [reported(instanceId)])

/** The recorded paths of the credit grade change. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "credit grade change", startOf(0), stampedCommand as never),
  scenario("① reported → ② investigated → ◇ ③ not serious → the grade kept", "GC-R1", [
    {
      after: hour,
      command: {
        type: "RecordInvestigation",
        investigator: supervisor,
        cause: "银行系统故障",
        serious: false,
      },
    },
  ]),
  scenario(
    "◇ ③ serious → ④ ✓ approved (delivered twice) → reminded (fired twice) → ⑥ told → reminder fired late",
    "GC-R2",
    [
      serious,
      decided(8 * hour, "approved", { decidedBy: personId("manager-qian"), comment: "同意降级" }),
      decided(8 * hour + 1, "approved"),
      { after: 56 * hour, command: { type: "RemindCustomerNotice" } },
      { after: 57 * hour, command: { type: "RemindCustomerNotice" } },
      {
        after: 58 * hour,
        command: { type: "ConfirmCustomerNotified", actor: officer, channel: "phone", note: "已电话告知" },
      },
      { after: 60 * hour, command: { type: "RemindCustomerNotice" } },
    ],
  ),
  scenario("◇ ③ serious → ④ ✓ rejected (delivered twice) → the grade kept", "GC-R3", [
    serious,
    decided(8 * hour, "rejected", { decidedBy: personId("manager-qian"), comment: "证据不足" }),
    decided(9 * hour, "rejected"),
  ]),
  scenario("◇ ③ serious → ④ ✓ withdrawn on the host → the grade kept", "GC-R4", [
    serious,
    decided(8 * hour, "withdrawn"),
  ]),
  scenario(
    "◇ ③ serious, the limit beyond the manager → ④ ✓ by the director, cancelled while waiting",
    "GC-R5",
    [
      {
        after: hour,
        command: {
          type: "RecordInvestigation",
          investigator: supervisor,
          cause: "新增担保，财务改善",
          serious: true,
          proposedGrade: "A",
          proposedLimit: yuan("1500000"),
        },
      },
      { after: 2 * hour, command: { type: "Cancel", actor: officer, reason: "客户合并，另行评定" } },
    ],
  ),
  scenario("cancelled before ② the investigation", "GC-R6", [
    { after: hour, command: { type: "Cancel", actor: officer, reason: "误报" } },
  ]),
  scenario(
    "◇ ③ serious, routed by the approval-chain policy → ④ ✓ approved → ⑥ told",
    "GC-R7",
    [
      serious,
      decided(8 * hour, "approved"),
      {
        after: 9 * hour,
        command: { type: "ConfirmCustomerNotified", actor: officer, channel: "visit" },
      },
    ],
    byChain,
  ),
  {
    flow: byAuthority.name,
    name: "① reported without a name or signals → ◇ ③ serious → ④ ✓ approved → ⑥ told by email",
    definition: byAuthority,
    instanceId: "GC-R8",
    start,
    steps: [
      {
        after: 0,
        command: {
          type: "ReportAnomaly",
          changeId: "GC-R8",
          customerId: "W02",
          reportedBy: officer,
          currentGrade: "A",
          currentLimit: yuan("300000"),
          annualTrade: yuan("900000"),
          description: "回款放缓",
        },
      },
      {
        after: hour,
        command: {
          type: "RecordInvestigation",
          investigator: officer,
          cause: "季节性资金紧张",
          serious: true,
          proposedGrade: "B",
        },
      },
      decided(2 * hour, "approved"),
      { after: 3 * hour, command: { type: "ConfirmCustomerNotified", actor: officer, channel: "email" } },
    ],
  },
]
