// The paths of the credit-limit override whose stored events must replay unchanged (see ./scenario.ts).
import { Approval, Credit, personId } from "@tixi/core"
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { yuan } from "../../credit/fixtures.ts"
import type { Scenario } from "./scenario.ts"
import { approvalDecision, lifecycleCommand, lifecycleScenario, scenariosOf } from "./scenario.ts"

const hour = 3_600_000
const start = Date.UTC(2026, 5, 1, 3, 0)
const sales = { personId: personId("sales-ma"), role: "officer" as const }
const byAuthority = Credit.creditOverrideProcess(Credit.defaultCreditPolicy)
const byChain = Credit.creditOverrideProcess(Credit.defaultCreditPolicy, {
  approvalPolicy: Approval.defaultApprovalPolicy,
})
// The bench's customer position (exposure ¥190,000 on a ¥200,000 limit before the order), 12 days overdue.
const { position } = lifecycleCommand(flowLifecycles, "credit-limit override", "", 0) as { position: object }
const requested = (instanceId: string, order: string) => ({
  after: 0,
  command: {
    type: "RequestOverride",
    requestId: instanceId,
    orderNumber: `SO-${instanceId}`,
    requestedBy: sales,
    reason: "旺季备货，客户承诺月底回款",
    position: { ...position, oldestOverdueDays: 12, order: yuan(order) },
  },
})
const decided = approvalDecision
const path = scenariosOf(byAuthority, start)
const scenario = (
  name: string,
  instanceId: string,
  order: string,
  steps: Scenario["steps"],
  definition?: Scenario["definition"],
) => path(name, instanceId, [requested(instanceId, order), ...steps], definition)

/** The recorded paths of the credit-limit override. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "credit-limit override", startOf(0), stampedCommand as never),
  scenario("◇ within the tolerance → released without ✓ → the expiry never set", "OV-R1", "15000", [
    { after: 24 * hour, command: { type: "Expire" } },
  ]),
  scenario("◇ past the tolerance → ✓ approved (delivered twice) → expiry fired late", "OV-R2", "60000", [
    decided(hour, "approved", { decidedBy: personId("manager-qian"), comment: "同意，月底前回款" }),
    decided(2 * hour, "approved"),
    { after: 24 * hour, command: { type: "Expire" } },
  ]),
  scenario("◇ past the tolerance → ✓ rejected (delivered twice): the order held", "OV-R3", "60000", [
    decided(hour, "rejected", { decidedBy: personId("manager-qian"), comment: "逾期未清" }),
    decided(2 * hour, "rejected"),
  ]),
  scenario("◇ past the tolerance → ✓ withdrawn on the host: the order held", "OV-R4", "60000", [
    decided(hour, "withdrawn"),
  ]),
  scenario(
    "◇ past the tolerance → ✓ unanswered → expired (the approval withdrawn) → expiry fired again",
    "OV-R5",
    "60000",
    [
      { after: 24 * hour, command: { type: "Expire" } },
      { after: 25 * hour, command: { type: "Expire" } },
    ],
  ),
  scenario(
    "◇ past the tolerance → cancelled while waiting for ✓ (the approval withdrawn)",
    "OV-R6",
    "60000",
    [{ after: 2 * hour, command: { type: "Cancel", actor: sales, reason: "客户取消订单" } }],
  ),
  scenario(
    "◇ past the tolerance, routed by the approval-chain policy → ✓ by the general manager → approved",
    "OV-R7",
    "70000",
    [decided(3 * hour, "approved")],
    byChain,
  ),
  scenario("◇ past the tolerance, the director's excess → ✓ approved", "OV-R8", "150000", [
    decided(hour, "approved"),
  ]),
]
