import {
  departmentId,
  draftedPolicyVersion,
  initialPolicyVersionState,
  type PolicyVersionState,
  personId,
  postReviewReminder,
  ValidationError,
  withDepartmentVerdict,
  withDraftedVersion,
  withPublishedVersion,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

type Policy = { readonly version: string; readonly days: number }
type State = PolicyVersionState<Policy> & { readonly status: "drafting" | "inReview" | "inForce" }

const day = 86_400_000
const quality = departmentId("quality")
const sales = departmentId("sales")
const reviewer = { personId: personId("supervisor-zhou"), role: "supervisor" as const }
const initial: State = { status: "drafting", ...initialPolicyVersionState<Policy>("v1") }
const draft = { policy: { version: "v2", days: 60 }, changes: ["days"] }

describe("the policy version lifecycle (draft → departments review → ✓ → publish → review in force)", () => {
  it("③ drafts: the module's refusal passes through unchanged; a valid draft names each department once", () => {
    const refused = new ValidationError({
      subject: "test.command",
      issues: [{ path: ["policy", "days"], message: "at least 1", code: "too_small" }],
    })
    expect(draftedPolicyVersion(Result.fail(refused), "v1", [quality])).toEqual(Result.fail(refused))
    const drafted = draftedPolicyVersion(Result.succeed(draft), "v1", [quality, sales, quality])
    expect(drafted).toEqual(
      Result.succeed({
        policy: draft.policy,
        basedOnVersion: "v1",
        changes: ["days"],
        departments: [quality, sales],
      }),
    )
  })

  it("④ each draft opens a new round; a verdict not passed sends the draft back, one passed keeps the status", () => {
    const firstRound = withDraftedVersion({ ...initial, status: "inReview" } as State, {
      ...draft,
      departments: [quality, sales],
    })
    expect(firstRound).toMatchObject({
      round: 1,
      reviews: [],
      policy: draft.policy,
      departments: [quality, sales],
    })
    const passed = withDepartmentVerdict(
      firstRound,
      { department: quality, reviewer, passed: true },
      "drafting",
    )
    expect(passed.status).toBe("inReview")
    const sentBack = withDepartmentVerdict(
      passed,
      { department: sales, reviewer, passed: false, comments: "too long" },
      "drafting",
    )
    expect(sentBack.status).toBe("drafting")
    expect(sentBack.reviews.map((review) => [review.department, review.passed])).toEqual([
      [quality, true],
      [sales, false],
    ])
    const secondRound = withDraftedVersion(sentBack, { ...draft, departments: [sales] })
    expect(secondRound).toMatchObject({ round: 2, reviews: [], departments: [sales] })
  })

  it("⑥ publishes and ⑧ reminds once, only while the version is in force and not yet reminded", () => {
    const published = withPublishedVersion({ ...initial, status: "inForce" } as State, 10 * day, 90 * day)
    expect(published).toMatchObject({ effectiveAt: 10 * day, reviewDueAt: 100 * day })
    const reminder = postReviewReminder<State, { type: "PostReviewDue" }, { type: string }>(
      (state) => state.status === "inForce",
    )
    expect(reminder.deadline(published)).toEqual({
      key: "post-review",
      dueAt: 100 * day,
      command: { type: "PostReviewDue" },
    })
    expect(reminder.deadline({ ...published, reviewReminded: true })).toBe(false)
    expect(reminder.deadline({ ...published, status: "drafting" })).toBe(false)
    expect(reminder.deadline(initial)).toBeFalsy()
  })
})
