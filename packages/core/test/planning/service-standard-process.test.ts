import { Complaints, Credit, departmentId, idempotencyKey, Planning, personId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 2, 2, 1, 0)
const hour = 3_600_000
const day = 24 * hour
const owner = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const researcher = { personId: personId("officer-li"), role: "officer" as const }
const qualityReviewer = { personId: personId("supervisor-zhou"), role: "supervisor" as const }
const salesReviewer = { personId: personId("manager-wu"), role: "manager" as const }
const quality = departmentId("quality")
const sales = departmentId("sales")

const current = Complaints.defaultComplaintPolicy
const flow = Planning.serviceStandardProcess(Planning.policyModules.complaints, current, {
  reviewAfterDays: 90,
})
/** The new version: complaints accepted for 60 days instead of the handbook's window. */
const proposed = {
  ...current,
  version: "acme-2026.2",
  acceptance: { ...current.acceptance, complaintWindowDays: 60 },
}
const key = (sequence: number) =>
  idempotencyKey("planning.standard.complaints", "STD-2026-07", sequence, "approval.submit")

/** ① need → ② research: the standard waits on its draft. */
function researched() {
  const standard = drive(flow, "STD-2026-07")
  standard.must({
    type: "IdentifyNeed",
    at: t0,
    standardId: "STD-2026-07",
    owner,
    sources: ["complaints", "customerSurvey"],
    need: "投诉受理时限不清，客户调查中满意度低",
  })
  standard.must({
    type: "RecordResearch",
    at: t0 + hour,
    actor: researcher,
    currentStandard: "受理期限未规定",
    competitors: [{ competitor: "甲公司", standard: "90天内受理" }],
    customerExpectations: "至少两个月",
  })
  return standard
}

/** ③ drafted for the quality and sales departments. */
function drafted() {
  const standard = researched()
  standard.must({
    type: "DraftStandard",
    at: t0 + 2 * hour,
    author: owner,
    policy: proposed,
    departments: [quality, sales],
  })
  return standard
}

/** ④ one department's verdict. */
const review = (
  department: ReturnType<typeof departmentId>,
  reviewer: typeof owner | typeof qualityReviewer | typeof salesReviewer,
  passed: boolean,
  at: number,
  comments?: string,
) =>
  ({
    type: "ReviewDraft",
    at,
    department,
    reviewer,
    passed,
    ...(comments === undefined ? {} : { comments }),
  }) as const

/** ③ drafted → ④ both departments passed: the standard waits on ✓. */
function awaitingApproval() {
  const standard = drafted()
  standard.must(review(quality, qualityReviewer, true, t0 + 3 * hour))
  standard.must(review(sales, salesReviewer, true, t0 + 4 * hour))
  return standard
}

describe("客户服务标准制定流程 (a new version of any module's policy)", () => {
  it("① need → ② research → ③ draft → ④ every department passes → ⑤ ✓ → ⑥ publish → ⑦ train → ⑧ review after the period: closed", () => {
    const standard = drafted()
    expect(standard.state).toMatchObject({
      status: "inReview",
      basedOnVersion: current.version,
      changes: ["acceptance.complaintWindowDays"],
    })
    expect(
      standard.effects
        .filter((effect) => effect.kind === "host.task.create")
        .map((effect) => effect.assignee),
    ).toEqual([
      { role: "officer" },
      { person: owner.personId },
      { role: "supervisor", departmentId: quality },
      { role: "supervisor", departmentId: sales },
    ])

    standard.must(review(quality, qualityReviewer, true, t0 + 3 * hour))
    expect(standard.state.status).toBe("inReview")
    standard.must(review(sales, salesReviewer, true, t0 + 4 * hour, "同意，需培训一线"))
    expect(standard.state.status).toBe("awaitingApproval")
    expect(standard.effects.at(-1)).toMatchObject({
      kind: "approval.submit",
      key: key(5),
      submission: {
        formId: "planning.standard",
        values: {
          version: "acme-2026.2",
          previousVersion: current.version,
          needSources: ["complaints", "customerSurvey"],
          changes: "acceptance.complaintWindowDays",
          reviews: "quality: 同意 agreed\nsales: 同意，需培训一线",
        },
        steps: [
          { mode: "any", approvers: [{ role: "manager" }] },
          { mode: "any", approvers: [{ role: "generalManager" }] },
        ],
      },
    })
    const submitted = standard.effects.at(-1)
    if (submitted?.kind !== "approval.submit") throw new Error("the approval was not submitted")
    expect(Result.isSuccess(Planning.serviceStandardForm.parse(submitted.submission.values))).toBe(true)

    standard.must({ type: "DecideApproval", at: t0 + 5 * hour, approvalKey: key(5), outcome: "approved" })
    expect(Planning.publishedStandardPolicy(standard.state)).toBeUndefined()
    const effectiveAt = Date.UTC(2026, 3, 1)
    const [published] = standard.must({ type: "Publish", at: t0 + 6 * hour, by: owner, effectiveAt })
    expect(published).toMatchObject({
      type: "Published",
      module: "complaints",
      effectiveAt,
      policy: { version: "acme-2026.2" },
    })
    expect(Planning.publishedStandardPolicy(standard.state)?.acceptance.complaintWindowDays).toBe(60)
    expect(standard.effects.find((effect) => effect.kind === "notify")).toMatchObject({
      draft: { body: { "zh-CN": `自 2026-04-01 起实施，替代 ${current.version}` } },
    })
    expect(flow.deadlines(standard.state)).toEqual([])

    standard.must({
      type: "RecordTraining",
      at: effectiveAt - day,
      actor: owner,
      audience: ["complaintOfficer", "complaintSupervisor"],
      sessions: 2,
      attendees: 14,
    })
    expect(flow.deadlines(standard.state)).toEqual([
      { key: "post-review", dueAt: effectiveAt + 90 * day, command: { type: "PostReviewDue" } },
    ])
    standard.must({ type: "PostReviewDue", at: effectiveAt + 90 * day })
    expect(flow.deadlines(standard.state)).toEqual([])
    expect(standard.effects.at(-1)).toMatchObject({ kind: "host.task.create", assignee: { role: "manager" } })
    standard.must({
      type: "ReviewInForce",
      at: effectiveAt + 91 * day,
      reviewer: salesReviewer,
      effective: true,
      findings: "投诉受理率提高",
    })
    expect(standard.state).toMatchObject({ status: "closed", effective: true })
    expect(flow.isFinished(standard.state)).toBe(true)
  })

  it("③ refuses a draft the module's parser refuses, naming the field under policy, and one that keeps the version in force or changes nothing", () => {
    const standard = researched()
    const draft = { type: "DraftStandard", at: t0 + 2 * hour, author: owner, departments: [quality] } as const
    const bad = standard.send({
      ...draft,
      policy: { ...proposed, acceptance: { ...proposed.acceptance, complaintWindowDays: 0 } },
    })
    expect(Result.isFailure(bad) && bad.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [expect.objectContaining({ path: ["policy", "acceptance", "complaintWindowDays"] })],
    })
    const same = standard.send({ ...draft, policy: { ...proposed, version: current.version } })
    expect(Result.isFailure(same) && same.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [
        { path: ["policy", "version"], message: `must differ from ${current.version}, the version in force` },
      ],
    })
    const nothing = standard.send({ ...draft, policy: { ...current, version: "acme-2026.2" } })
    expect(Result.isFailure(nothing) && nothing.failure).toMatchObject({
      issues: [{ path: ["policy", "version"] }],
    })
    expect(standard.state.status).toBe("drafting")
  })

  it("④ one department not passed → ③ redraft → ④ again; the author may not review, nor a department twice or one not concerned", () => {
    const standard = drafted()
    const own = standard.send(review(quality, owner, true, t0 + 3 * hour))
    expect(Result.isFailure(own) && own.failure).toMatchObject({
      reason: "the author may not review their own draft",
    })
    const stranger = standard.send(review(departmentId("finance"), salesReviewer, true, t0 + 3 * hour))
    expect(Result.isFailure(stranger) && stranger.failure).toMatchObject({
      reason: "department finance is not among those concerned",
    })
    standard.must(review(quality, qualityReviewer, true, t0 + 3 * hour))
    const twice = standard.send(review(quality, qualityReviewer, false, t0 + 3 * hour))
    expect(Result.isFailure(twice) && twice.failure).toMatchObject({
      reason: "department quality already reviewed this draft",
    })
    standard.must(review(sales, salesReviewer, false, t0 + 4 * hour, "60天太短"))
    expect(standard.state.status).toBe("drafting")
    expect(standard.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: owner.personId }] },
    })

    const longer = { ...proposed, acceptance: { ...proposed.acceptance, complaintWindowDays: 90 } }
    standard.must({
      type: "DraftStandard",
      at: t0 + 5 * hour,
      author: owner,
      policy: longer,
      departments: [sales],
    })
    expect(standard.state).toMatchObject({ status: "inReview", round: 2, reviews: [] })
    standard.must(review(sales, salesReviewer, true, t0 + 6 * hour))
    expect(standard.state.status).toBe("awaitingApproval")
  })

  it("⑤ ✓ rejected → ③ again; cancelled while awaiting approval withdraws it; a published standard cannot be cancelled", () => {
    const standard = awaitingApproval()
    standard.must({
      type: "DecideApproval",
      at: t0 + 5 * hour,
      approvalKey: key(5),
      outcome: "rejected",
      comment: "再议",
    })
    expect(standard.state).toMatchObject({ status: "drafting", approval: undefined })
    standard.must({
      type: "DraftStandard",
      at: t0 + 6 * hour,
      author: owner,
      policy: proposed,
      departments: [quality],
    })
    standard.must(review(quality, qualityReviewer, true, t0 + 7 * hour))
    standard.must({ type: "Cancel", at: t0 + 8 * hour, actor: owner, reason: "合并到年度修订" })
    expect(standard.effects.at(-1)).toMatchObject({
      kind: "approval.withdraw",
      submissionKey: key(9),
      reason: "合并到年度修订",
    })

    const published = awaitingApproval()
    published.must({ type: "DecideApproval", at: t0 + 5 * hour, approvalKey: key(5), outcome: "approved" })
    published.must({ type: "Publish", at: t0 + 6 * hour, by: owner })
    const late = published.send({ type: "Cancel", at: t0 + 7 * hour, actor: owner, reason: "x" })
    expect(Result.isFailure(late) && late.failure).toMatchObject({
      reason: "only a standard not yet published can be cancelled",
    })
  })

  it("serves any module: a credit standard is validated by the credit parser and its process is named after the module", () => {
    const credit = Planning.serviceStandardProcess(Planning.policyModules.credit, Credit.defaultCreditPolicy)
    expect(credit.name).toBe("planning.standard.credit")
    const standard = drive(credit, "STD-CR-1")
    standard.must({
      type: "IdentifyNeed",
      at: t0,
      standardId: "STD-CR-1",
      owner,
      sources: ["qualityFindings"],
      need: "坏账上升",
    })
    standard.must({
      type: "RecordResearch",
      at: t0,
      actor: researcher,
      currentStandard: "现行",
      competitors: [],
      customerExpectations: "-",
    })
    const bad = standard.send({
      type: "DraftStandard",
      at: t0,
      author: owner,
      policy: { ...Credit.defaultCreditPolicy, version: "c-2", currency: "???" },
      departments: [sales],
    })
    expect(Result.isFailure(bad) && bad.failure).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["policy", "currency"] })]),
    })
  })
})
