import {
  commandUnion,
  defineFlow,
  type FlowEvent,
  hostEffects,
  idempotencyKey,
  personId,
  type ReviewedEvent,
  reviewCommandSchema,
  reviewStep,
  type ShapedCommand,
  sentBackNotice,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

// A draft waiting on its review: ② review ◇ passed → ✓ opened; not passed → back to the author.
const commands = commandUnion(reviewCommandSchema)
type Event = ReviewedEvent | FlowEvent<"ApprovalRequested", { approvalKey: string }>
interface State {
  readonly status: "inReview" | "drafting" | "awaitingApproval"
  readonly sequence: number
  readonly author: string
}
const author = personId("officer-zhao")
const reviewer = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const flow = defineFlow<State, ShapedCommand<typeof commands>, Event, never>({
  name: "kit.review",
  initialState: { status: "inReview", sequence: 3, author },
  commands,
  idOf: () => "D-1",
  finished: [],
  steps: {
    Review: reviewStep<State, Event>({
      refusalOf: (state) => (state.status === "inReview" ? undefined : "nothing to review"),
      authorOf: (state) => personId(state.author),
      approvalRequested: (_state, at, approvalKey) => ({ type: "ApprovalRequested", at, approvalKey }),
    }),
  },
  folds: {
    Reviewed: (state, event) => ({ ...state, status: event.passed ? state.status : "drafting" }),
    ApprovalRequested: (state) => ({ ...state, status: "awaitingApproval" }),
  },
})
const at = Date.UTC(2026, 2, 2)

describe("reviewStep", () => {
  it("passed: records the review and opens the approval keyed as the event after it", () => {
    const events = Result.getOrThrow(
      flow.decide(flow.initialState, { type: "Review", at, reviewer, passed: true }),
    )
    expect(events).toEqual([
      { type: "Reviewed", at, reviewer, passed: true },
      {
        type: "ApprovalRequested",
        at,
        approvalKey: idempotencyKey("kit.review", "D-1", 4, "approval.submit"),
      },
    ])
  })

  it("not passed: only the review; the author reviewing, or no review awaited, is refused by name", () => {
    const back = Result.getOrThrow(
      flow.decide(flow.initialState, { type: "Review", at, reviewer, passed: false, comments: "补充" }),
    )
    expect(back).toEqual([{ type: "Reviewed", at, reviewer, passed: false, comments: "补充" }])
    const own = flow.decide(flow.initialState, {
      type: "Review",
      at,
      reviewer: { personId: author, role: "officer" },
      passed: true,
    })
    expect(Result.isFailure(own) && own.failure).toMatchObject({
      reason: "the author may not review their own draft",
    })
    const none = flow.decide(
      { ...flow.initialState, status: "drafting" },
      { type: "Review", at, reviewer, passed: true },
    )
    expect(Result.isFailure(none) && none.failure).toMatchObject({ reason: "nothing to review" })
  })

  it("sentBackNotice warns the author with the comments, or asks for a revision when there are none", () => {
    const host = hostEffects("kit.review", { instanceId: "D-1", sequence: 4 }, "D-1")
    const title = { "zh-CN": "退回", en: "Sent back" }
    expect(sentBackNotice(host, { person: author }, title, "补充").draft).toMatchObject({
      recipients: [{ person: author }],
      severity: "warning",
      body: { "zh-CN": "补充", en: "补充" },
    })
    expect(sentBackNotice(host, { person: author }, title, undefined).draft.body.en).toBe(
      "revise and submit again",
    )
  })
})
