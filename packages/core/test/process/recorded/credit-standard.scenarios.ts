// The paths of the credit standard's drafting whose stored events must replay unchanged (see ./scenario.ts).
import { Credit, personId } from "@tixi/core"
import { type Scenario, scenariosOf } from "./scenario.ts"

const hour = 3_600_000
const start = Date.UTC(2026, 10, 2, 1, 0)
const definition = Credit.creditStandardProcess(Credit.defaultCreditPolicy)
const head = { personId: personId("head-zhou"), role: "manager" }
const officer = { personId: personId("officer-wu"), role: "officer" }
const drafter = { personId: personId("supervisor-sun"), role: "supervisor" }
const policy = Credit.defaultCreditPolicy

const collected = (instanceId: string): Scenario["steps"] => [
  { after: 0, command: { type: "Open", standardId: instanceId, owner: head, version: "2027.1" } },
  {
    after: hour,
    command: {
      type: "RecordCompetitorStandards",
      actor: officer,
      competitors: [{ competitor: "华东贸易", standard: "A 级 60 天" }],
    },
  },
  {
    after: 2 * hour,
    command: { type: "RecordCreditAnalysis", actor: officer, customersAnalysed: 120, findings: "逾期率 3%" },
  },
  {
    after: 3 * hour,
    command: { type: "RecordSalesAnalysis", actor: officer, period: "2026", findings: "销售额增长 20%" },
  },
]
const drafted = (after: number) => ({
  after,
  command: {
    type: "DraftStandard",
    actor: drafter,
    grades: policy.grades.map(({ limit, ...terms }) => ({
      ...terms,
      monthsOfRevenue: limit.monthsOfRevenue,
      minimumLimit: { minor: limit.minimumMinor, currency: "CNY" },
      maximumLimit: { minor: limit.maximumMinor, currency: "CNY" },
      paymentTermDays: terms.grade === "B" ? 45 : terms.paymentTermDays,
    })),
    overdue: { graceDays: 20, action: "approval" },
    danger: policy.danger,
  },
})
const decided = (after: number, outcome: "approved" | "rejected") => ({
  after,
  command: (state: Credit.CreditStandardState) => ({
    type: "DecideApproval",
    approvalKey: state.approval!.key,
    outcome,
    decidedBy: head.personId,
  }),
})
const rated = (after: number) => ({
  after,
  command: { type: "DraftRatingForm", actor: drafter, model: "fiveC" },
})
const scenario = scenariosOf(definition, start, collected)

/**
 * The recorded paths of the credit standard's drafting: every event type once (the returned path passes
 * every step of the happy one; each state holds the whole drafted policy, so fewer paths keep the
 * fixture small).
 */
export const scenarios: ReadonlyArray<Scenario> = [
  scenario("①②③ → ④ ✓ 未通过 → ④ ✓ 通过 → ⑤ → published", "CS-R2", [
    drafted(24 * hour),
    decided(30 * hour, "rejected"),
    drafted(40 * hour),
    decided(41 * hour, "approved"),
    rated(48 * hour),
  ]),
  scenario("①②③ → ④ ✓ waiting → cancelled (approval withdrawn)", "CS-R3", [
    drafted(24 * hour),
    { after: 25 * hour, command: { type: "Cancel", actor: head, reason: "制度调整推迟" } },
  ]),
]
