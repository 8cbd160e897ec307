import {
  type ApprovalGateEvents,
  commandShape,
  commandTextSchema,
  commandUnion,
  decideApprovalSchema,
  defineFlow,
  type GatedState,
  gateDecisionStep,
  gateEventTypes,
  gatePassed,
  gateReturned,
  handle,
  personId,
  type ShapedCommand,
  type StepFields,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

// A two-gate chart: ① the plan → ✓ 审批 (returned: ① again) → ② the summary → ✓ 审核 (returned: ② again) → 结束.
const commands = commandUnion(
  commandShape("SubmitPlan", { plan: commandTextSchema(200) }),
  commandShape("SubmitSummary", { summary: commandTextSchema(200) }),
  decideApprovalSchema,
)
type Command = ShapedCommand<typeof commands>
type Step<Type extends Command["type"]> = StepFields<Command, Type>
type Event =
  | ApprovalGateEvents<"Plan", Step<"SubmitPlan">>
  | ApprovalGateEvents<"Summary", Step<"SubmitSummary">>
interface State extends GatedState {
  readonly status:
    | "none"
    | "planAwaitingApproval"
    | "planReturned"
    | "carryingOut"
    | "summaryAwaitingReview"
    | "closed"
  readonly sentBack: number
}
const flow = defineFlow<State, Command, Event, never>({
  name: "kit.twoGates",
  initialState: { status: "none", sentBack: 0, approval: undefined, decidedApprovals: [] },
  commands,
  idOf: () => "G-1",
  finished: ["closed"],
  steps: {
    SubmitPlan: (state, command, decision) =>
      state.status === "none" || state.status === "planReturned"
        ? decision.accept({ ...command, type: "PlanSubmitted", approvalKey: decision.keyAt(0, "plan") })
        : decision.refuse("the plan opens the cycle"),
    SubmitSummary: (state, command, decision) =>
      state.status === "carryingOut"
        ? decision.accept({ ...command, type: "SummarySubmitted", approvalKey: decision.keyAt(0, "summary") })
        : decision.refuse("the summary follows the approved plan"),
    DecideApproval: gateDecisionStep(
      (state) => state.status === "planAwaitingApproval" || state.status === "summaryAwaitingReview",
      (state) => gateEventTypes(state.status === "summaryAwaitingReview" ? "Summary" : "Plan"),
    ),
  },
  folds: {
    PlanSubmitted: (state, event) => ({
      ...state,
      status: "planAwaitingApproval",
      approval: { key: event.approvalKey },
    }),
    PlanApproved: (state) => ({ ...gatePassed(state), status: "carryingOut" }),
    PlanReturned: (state) => ({
      ...gateReturned(state),
      status: "planReturned",
      sentBack: state.sentBack + 1,
    }),
    SummarySubmitted: (state, event) => ({
      ...state,
      status: "summaryAwaitingReview",
      approval: { key: event.approvalKey },
    }),
    SummaryApproved: (state) => ({ ...gatePassed(state), status: "closed" }),
    SummaryReturned: (state) => ({
      ...gateReturned(state),
      status: "carryingOut",
      sentBack: state.sentBack + 1,
    }),
  },
})
const t0 = Date.UTC(2026, 2, 2, 1, 0)
const manager = personId("P-MGR")

const run = (state: State, command: Command) => {
  const handled = handle(flow, state, command)
  if (Result.isFailure(handled)) throw new Error(handled.failure.message)
  return handled.success
}
const decide = (approvalKey: string, outcome: "approved" | "rejected" | "withdrawn", at: number) =>
  ({ type: "DecideApproval", at, approvalKey, outcome, decidedBy: manager, comment: "见意见" }) as const

describe("gateDecisionStep: ✓ gates that record the decision under the chart's names", () => {
  it("① plan ✓ approved → ② summary ✓ approved → 结束, each decision under its gate's name", () => {
    const submitted = run(flow.initialState, { type: "SubmitPlan", at: t0, plan: "拜访计划" })
    const planKey = submitted.state.approval!.key
    const approved = run(submitted.state, decide(planKey, "approved", t0 + 1))
    expect(approved.events).toEqual([
      { type: "PlanApproved", at: t0 + 1, approvalKey: planKey, decidedBy: manager, comment: "见意见" },
    ])
    const summary = run(approved.state, { type: "SubmitSummary", at: t0 + 2, summary: "成效" })
    const summaryKey = summary.state.approval!.key
    expect(summaryKey).not.toBe(planKey)
    const closed = run(summary.state, decide(summaryKey, "approved", t0 + 3))
    expect(closed.events.map((event) => event.type)).toEqual(["SummaryApproved"])
    expect(closed.state.status).toBe("closed")
  })

  it("✓ rejected or withdrawn → the returned event with its outcome, and the step before again", () => {
    const submitted = run(flow.initialState, { type: "SubmitPlan", at: t0, plan: "拜访计划" })
    const returned = run(submitted.state, decide(submitted.state.approval!.key, "withdrawn", t0 + 1))
    expect(returned.events).toEqual([
      {
        type: "PlanReturned",
        at: t0 + 1,
        approvalKey: submitted.state.approval!.key,
        decidedBy: manager,
        comment: "见意见",
        outcome: "withdrawn",
      },
    ])
    expect(returned.state).toMatchObject({ status: "planReturned", sentBack: 1, approval: undefined })
    const again = run(returned.state, { type: "SubmitPlan", at: t0 + 2, plan: "修改后的计划" })
    expect(again.state.status).toBe("planAwaitingApproval")
  })

  it("a decision delivered again changes nothing; one while no gate waits is refused", () => {
    const submitted = run(flow.initialState, { type: "SubmitPlan", at: t0, plan: "拜访计划" })
    const decision = decide(submitted.state.approval!.key, "approved", t0 + 1)
    const approved = run(submitted.state, decision)
    expect(run(approved.state, decision).events).toEqual([])
    const stray = flow.decide(approved.state, decide("another-approval", "approved", t0 + 2))
    expect(Result.isFailure(stray) && stray.failure).toMatchObject({
      _tag: "InvalidTransition",
      command: "DecideApproval",
      state: "carryingOut",
    })
  })
})
