// The paths of the relationship maintenance whose stored events must replay unchanged (see ./scenario.ts).
import { Grading, personId } from "@tixi/core"
import {
  flowLifecycles,
  gradingSummary,
  stampedCommand,
  startOf,
} from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario } from "./scenario.ts"

const day = 86_400_000
const start = startOf(0) // where the bench lifecycle starts too
const owner = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const author = { personId: personId("officer-wu"), role: "officer" as const }
const definition = Grading.relationshipMaintenanceProcess(Grading.defaultGradingPolicy)
const grading = { ...gradingSummary, upgrades: 1, downgrades: 2 }
type Gated = { approval?: { key: string }; decidedApprovals: ReadonlyArray<{ key: string }> }
/** The approval waited on, or — once decided — the last one decided (a decision delivered again). */
const approvalKey = (state: Gated) => state.approval?.key ?? state.decidedApprovals.at(-1)?.key ?? "none"
const decide = (after: number, outcome: string, extra: Record<string, unknown> = {}) => ({
  after,
  command: (state: Gated) => ({
    type: "DecideApproval",
    approvalKey: approvalKey(state),
    outcome,
    ...extra,
  }),
})
const submit = (after: number, plan: string) => ({
  after,
  command: { type: "SubmitServicePlan", author, plan },
})
const execute = (after: number) => ({
  after,
  command: { type: "RecordExecution", actor: owner, report: "回访完成率 92%" },
})
const improve = (after: number) => ({
  after,
  command: {
    type: "RecordImprovement",
    actor: owner,
    problems: "B 级客户响应慢",
    improvements: "B 级客户改为线上服务",
  },
})
const remind = (after: number) => ({ after, command: { type: "RemindReview" } })
const graded = (instanceId: string) => [
  {
    after: 0,
    command: {
      type: "StartCycle",
      cycleId: instanceId,
      periodFrom: "2025-01-01",
      periodTo: "2025-12-31",
      owner,
    },
  },
  { after: day, command: { type: "RecordGrading", grading } },
]
const registered = (instanceId: string) => [
  ...graded(instanceId),
  { after: 2 * day, command: { type: "RegisterRoster", registered: 9 } },
]
const scenario = (
  name: string,
  instanceId: string,
  steps: Scenario["steps"],
  opening: (instanceId: string) => Scenario["steps"] = registered,
): Scenario => ({
  flow: definition.name,
  name,
  definition,
  instanceId,
  start,
  steps: [...opening(instanceId), ...steps],
})

/** The recorded paths of the relationship maintenance. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "relationship maintenance", startOf(0), stampedCommand as never),
  scenario(
    "✓ rejected → revised → ✓ approved (delivered twice) → executed → review reminded → improved → closed",
    "RM-R1",
    [
      submit(3 * day, "AAA：专人服务"),
      decide(4 * day, "rejected", {
        decidedBy: personId("manager-qian"),
        comment: "补充 B 级客户的激活措施",
      }),
      decide(4 * day + 1, "rejected", { decidedBy: personId("manager-qian") }),
      submit(5 * day, "…增加 B 级客户激活活动"),
      decide(6 * day, "approved", { decidedBy: personId("manager-qian"), comment: "同意" }),
      decide(6 * day + 1, "approved"),
      execute(90 * day),
      remind(96 * day),
      remind(96 * day + 1),
      improve(97 * day),
      remind(98 * day),
    ],
  ),
  scenario("✓ rejected without a comment → revised → ✓ approved", "RM-R2", [
    submit(3 * day, "AAA：专人服务"),
    decide(4 * day, "rejected"),
    submit(5 * day, "AAA：专人服务，每月回访"),
    decide(6 * day, "approved"),
  ]),
  scenario("✓ withdrawn on the host → resubmitted → ✓ approved", "RM-R3", [
    submit(3 * day, "AAA：专人服务"),
    decide(4 * day, "withdrawn", { comment: "撤回重写" }),
    submit(5 * day, "AAA：专人服务，每月回访"),
    decide(6 * day, "approved"),
  ]),
  scenario(
    "grading recorded again before the roster → registered → plan submitted",
    "RM-R4",
    [
      { after: 2 * day, command: { type: "RecordGrading", grading: { ...grading, customers: 12 } } },
      { after: 2 * day + 1, command: { type: "RegisterRoster", registered: 12 } },
      submit(3 * day, "AAA：专人服务"),
    ],
    graded,
  ),
  scenario("review timer fires late, before the execution is recorded → executed → improved", "RM-R5", [
    submit(3 * day, "AAA：专人服务"),
    remind(3 * day + 1),
    decide(4 * day, "approved"),
    remind(120 * day),
    execute(121 * day),
    remind(122 * day),
    improve(123 * day),
  ]),
]
