import { idempotencyKey, personId, Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 2, 2, 1, 0)
const hour = 3_600_000
const author = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const reviewer = { personId: personId("manager-qian"), role: "manager" as const }
const current = Quality.defaultQualityPolicy
const flow = Quality.qualityStandardProcess(current)

/** The new version: a 90 % confidence level and a follow-up three weeks after the improvement plan. */
const proposed = {
  ...current,
  version: "handbook-2026.2",
  indices: { ...current.indices, confidence: 0.9 },
  survey: { ...current.survey, followUpDays: 21 },
}

const draft = {
  type: "Draft",
  at: t0,
  standardId: "QS-2026-02",
  title: "客户服务质量标准规范",
  basis: "2025年满意度调查与投诉分析",
  author,
  policy: proposed,
} as const

const key = (sequence: number) =>
  idempotencyKey("quality.standard", "QS-2026-02", sequence, "approval.submit")

/** ① drafted → ② reviewed, passed: the standard waits on ✓. */
function awaitingApproval() {
  const standard = drive(flow, "QS-2026-02")
  standard.must(draft)
  standard.must({ type: "Review", at: t0 + hour, reviewer, passed: true, comments: "同意" })
  return standard
}

describe("客户服务质量标准编制流程 (a quality standard as a new policy version)", () => {
  it("① draft → ② review ◇ passed → ③ ✓ approved → ④ publish: the new policy version is carried in the event", () => {
    const standard = awaitingApproval()
    expect(standard.state).toMatchObject({
      status: "awaitingApproval",
      basedOnVersion: "handbook-2026.1",
      changes: ["indices.confidence", "survey.followUpDays"],
    })
    expect(standard.effects.at(-1)).toMatchObject({
      kind: "approval.submit",
      key: key(2),
      submission: {
        formId: "quality.standard",
        values: {
          version: "handbook-2026.2",
          previousVersion: "handbook-2026.1",
          changes: "indices.confidence\nsurvey.followUpDays",
          reviewComments: "同意",
        },
        steps: [
          { mode: "any", approvers: [{ role: "manager" }] },
          { mode: "any", approvers: [{ role: "generalManager" }] },
        ],
      },
    })
    standard.must({ type: "DecideApproval", at: t0 + 2 * hour, approvalKey: key(2), outcome: "approved" })
    expect(Quality.publishedPolicyOf(standard.state)).toBeUndefined()

    const effectiveAt = Date.UTC(2026, 3, 1)
    const [published] = standard.must({ type: "Publish", at: t0 + 3 * hour, by: author, effectiveAt })
    expect(published).toMatchObject({ type: "Published", effectiveAt, policy: proposed })
    expect(Result.isSuccess(Quality.parseQualityPolicy((published as { policy: unknown }).policy))).toBe(true)
    expect(Quality.publishedPolicyOf(standard.state)).toEqual(proposed)
    expect(flow.isFinished(standard.state)).toBe(true)
    expect(standard.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { body: { "zh-CN": "自 2026-04-01 起实施，替代 handbook-2026.1" } },
    })
  })

  it("② review ◇ not passed → ① redraft → ② → ③ ✓ rejected → ① again", () => {
    const standard = drive(flow, "QS-2026-02")
    standard.must(draft)
    const own = standard.send({ type: "Review", at: t0 + hour, reviewer: author, passed: true })
    expect(Result.isFailure(own) && own.failure).toMatchObject({
      reason: "the author may not review their own draft",
    })
    standard.must({ type: "Review", at: t0 + hour, reviewer, passed: false, comments: "置信水平过低" })
    expect(standard.state.status).toBe("drafting")
    standard.must({ ...draft, at: t0 + 2 * hour, policy: { ...proposed, indices: current.indices } })
    expect(standard.state.changes).toEqual(["survey.followUpDays"])
    const tasks = standard.effects.flatMap((effect) =>
      effect.kind === "host.task.create" ? [effect.draft.externalKey] : [],
    )
    expect(tasks).toEqual(["QS-2026-02/review/1", "QS-2026-02/review/2"])
    standard.must({ type: "Review", at: t0 + 3 * hour, reviewer, passed: true })
    standard.must({ type: "DecideApproval", at: t0 + 4 * hour, approvalKey: key(4), outcome: "rejected" })
    expect(standard.state).toMatchObject({ status: "drafting", approval: undefined })
  })

  it("① refuses a draft that keeps the version in force or changes nothing, and names a bad policy field", () => {
    const standard = drive(flow, "QS-2026-02")
    const same = standard.send({ ...draft, policy: { ...proposed, version: current.version } })
    expect(Result.isFailure(same) && same.failure).toMatchObject({
      reason: "the new standard needs a version other than handbook-2026.1, the one in force",
    })
    const nothing = standard.send({ ...draft, policy: { ...current, version: "handbook-2026.2" } })
    expect(Result.isFailure(nothing) && nothing.failure).toMatchObject({
      reason: "the new standard changes nothing in the policy in force",
    })
    const bad = standard.send({
      ...draft,
      policy: { ...proposed, indices: { ...proposed.indices, confidence: 2 } },
    })
    expect(Result.isFailure(bad) && bad.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [expect.objectContaining({ path: ["policy", "indices", "confidence"] })],
    })
  })

  it("取消 while awaiting ✓ withdraws the approval; publishing before approval is refused", () => {
    const standard = awaitingApproval()
    const early = standard.send({ type: "Publish", at: t0 + 2 * hour, by: author })
    expect(Result.isFailure(early) && early.failure).toMatchObject({
      _tag: "InvalidTransition",
      state: "awaitingApproval",
    })
    standard.must({ type: "Cancel", at: t0 + 2 * hour, actor: author, reason: "并入年度修订" })
    expect(standard.state.status).toBe("cancelled")
    expect(standard.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: key(2) })
  })
})

describe("changedPaths", () => {
  it("lists the leaves that differ, lists compared whole", () => {
    expect(Quality.changedPaths(current, proposed)).toEqual([
      "indices.confidence",
      "survey.followUpDays",
      "version",
    ])
    const approvers = { ...current, survey: { ...current.survey, planApprovers: ["director"] } }
    expect(Quality.changedPaths(current, approvers)).toEqual(["survey.planApprovers"])
    expect(Quality.changedPaths(current, current)).toEqual([])
  })
})
