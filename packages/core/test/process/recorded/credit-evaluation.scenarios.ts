// The paths of the credit evaluation whose stored events must replay unchanged (see ./scenario.ts).
import { Credit, personId } from "@tixi/core"
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { fiveCPolicy, wholesaler, yuan } from "../../credit/fixtures.ts"
import { lifecycleScenario, type Scenario, scenariosOf } from "./scenario.ts"

const hour = 3_600_000
const start = Date.UTC(2026, 2, 2, 1, 0)
const sales = { personId: personId("sales-ma"), role: "officer" as const }
const officer = { personId: personId("officer-wu"), role: "officer" as const }
const definition = Credit.creditEvaluationProcess(fiveCPolicy)
const { customerId: _id, name: _name, ...findings } = wholesaler
const approvalKey = (state: { approval?: { key: string } }) => state.approval?.key ?? "none"
const opened = (instanceId: string) => [
  {
    after: 0,
    command: {
      type: "Apply",
      evaluationId: instanceId,
      customerId: "W01",
      customerName: "华中批发",
      applicant: sales,
      requestedLimit: yuan("150000"),
      reason: "新开户",
    },
  },
  {
    after: hour,
    command: {
      type: "StartInvestigation",
      investigator: officer,
      agency: "internal",
      methods: ["interview"],
    },
  },
]
const scenario = scenariosOf(definition, start, opened)

/** The recorded paths of the credit evaluation. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "credit evaluation", startOf(0), stampedCommand as never),
  scenario("◇ unsound → measures → ✓ rejected → investigated again → ✓ approved → reminded → told", "EV-R1", [
    {
      after: 24 * hour,
      command: {
        type: "RecordFindings",
        investigator: officer,
        findings: { ...findings, bouncedPayments: 2 },
      },
    },
    { after: 25 * hour, command: { type: "RecordMeasures", actor: officer, measures: "要求担保，缩短账期" } },
    {
      after: 26 * hour,
      command: (state) => ({
        type: "DecideApproval",
        approvalKey: approvalKey(state),
        outcome: "rejected",
        comment: "补充担保资料",
      }),
    },
    { after: 48 * hour, command: { type: "RecordFindings", investigator: officer, findings } },
    {
      after: 50 * hour,
      command: (state) => ({
        type: "DecideApproval",
        approvalKey: approvalKey(state),
        outcome: "approved",
        decidedBy: personId("manager-qian"),
      }),
    },
    {
      after: 50 * hour + 1,
      command: (state) => ({ type: "DecideApproval", approvalKey: approvalKey(state), outcome: "approved" }),
    },
    { after: 98 * hour, command: { type: "RemindCustomerNotice" } },
    {
      after: 99 * hour,
      command: { type: "ConfirmCustomerNotified", actor: officer, channel: "letter", note: "挂号信" },
    },
  ]),
  scenario("✓ withdrawn on the host → investigated again", "EV-R2", [
    { after: 24 * hour, command: { type: "RecordFindings", investigator: officer, findings } },
    {
      after: 25 * hour,
      command: (state) => ({ type: "DecideApproval", approvalKey: approvalKey(state), outcome: "withdrawn" }),
    },
  ]),
  scenario("cancelled while waiting for ✓ (the approval withdrawn)", "EV-R3", [
    { after: 24 * hour, command: { type: "RecordFindings", investigator: officer, findings } },
    { after: 25 * hour, command: { type: "Cancel", actor: sales, reason: "客户取消申请" } },
  ]),
  scenario("cancelled before the findings", "EV-R4", [
    { after: 2 * hour, command: { type: "Cancel", actor: sales, reason: "重复申请" } },
  ]),
]
