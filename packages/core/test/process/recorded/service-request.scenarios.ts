// The paths of the call-centre service request whose stored events must replay unchanged (see ./scenario.ts).
import { CallCenter, departmentId, personId } from "@tixi/core"
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario } from "./scenario.ts"

const minute = 60_000
const hour = 60 * minute
const start = Date.UTC(2026, 2, 2, 1, 0)
const definition = CallCenter.serviceRequestProcess()
const finance = departmentId("finance")
const received = (instanceId: string, customerKey: string | undefined) => ({
  after: 0,
  command: {
    type: "Receive",
    id: instanceId,
    callId: `call-${instanceId}`,
    agentId: personId("agent-07"),
    ...(customerKey === undefined ? {} : { customerKey }),
    need: "  发票金额有误，要求更正  ",
  },
})
const scenario = (
  name: string,
  instanceId: string,
  steps: Scenario["steps"],
  customerKey: string | undefined = "cust-9",
): Scenario => ({
  flow: definition.name,
  name,
  definition,
  instanceId,
  start,
  steps: [received(instanceId, customerKey), ...steps],
})
const transferred = (after: number, promisedAnswerBy?: number) => ({
  after,
  command: {
    type: "Transfer",
    departmentId: finance,
    reason: "需财务核对",
    ...(promisedAnswerBy === undefined ? {} : { promisedAnswerBy: start + promisedAnswerBy }),
  },
})
const answered = (after: number) => ({
  after,
  command: { type: "RecordDepartmentAnswer", answer: "金额已更正", by: personId("finance-zhou") },
})
const answerDue = (after: number) => ({ after, command: { type: "MarkAnswerOverdue" } })

/** The recorded paths of the call-centre service request. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "call-centre service request", startOf(0), stampedCommand as never),
  scenario("◇ the agent can handle it → solution on the call → closed", "SR-R1", [
    { after: 2 * minute, command: { type: "ResolveOnCall", solution: " 重开发票并邮寄 " } },
  ]),
  scenario(
    "◇ the agent can handle it, no customer key → solution on the call → closed",
    "SR-R2",
    [{ after: 2 * minute, command: { type: "ResolveOnCall", solution: "重开发票并邮寄" } }],
    undefined,
  ),
  scenario(
    "◇ cannot handle → transferred with a promised time → answer-due early (nothing) → on time (overdue) → again (nothing) → answered → fed back, unsatisfied, with a note → closed",
    "SR-R3",
    [
      transferred(minute, 2 * hour),
      answerDue(hour),
      answerDue(2 * hour),
      answerDue(2 * hour + minute),
      answered(5 * hour),
      {
        after: 6 * hour,
        command: { type: "GiveFeedback", customerSatisfied: false, note: " 客户仍有疑问 " },
      },
      { after: 7 * hour, command: { type: "Close", note: "已二次解释" } },
    ],
  ),
  scenario(
    "◇ cannot handle → transferred by the policy's default time → answered → answer-due fires late (nothing) → fed back → closed",
    "SR-R4",
    [
      transferred(minute),
      answered(3 * hour),
      answerDue(25 * hour),
      { after: 26 * hour, command: { type: "GiveFeedback", customerSatisfied: true } },
      answerDue(27 * hour),
      { after: 28 * hour, command: { type: "Close", note: "客户确认" } },
    ],
  ),
  scenario(
    "◇ cannot handle, no customer key → transferred → answer-due fires late (overdue, 30 h) → answered → fed back → closed",
    "SR-R5",
    [
      transferred(minute),
      answerDue(30 * hour),
      answered(31 * hour),
      { after: 32 * hour, command: { type: "GiveFeedback", customerSatisfied: true, note: "已回电" } },
      { after: 33 * hour, command: { type: "Close", note: "客户确认" } },
    ],
    undefined,
  ),
]
