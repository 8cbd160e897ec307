import { departmentId, idempotencyKey, Organisation, personId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../../support/run-process.ts"
import { hotlineOfficer } from "../organisation-fixtures.ts"

const t0 = Date.UTC(2026, 5, 1, 1, 0)
const hour = 3_600_000
const day = 24 * hour
const manager = { personId: personId("manager-wu"), role: "manager" as const }
const callCentreReviewer = { personId: personId("supervisor-zhou"), role: "supervisor" as const }
const complaintsReviewer = { personId: personId("supervisor-qian"), role: "supervisor" as const }
const callCentre = departmentId("callCenter")
const complaints = departmentId("complaints")

const current = Organisation.smallEnterpriseOrganisation
const flow = Organisation.organisationDesignProcess(current, { reviewAfterDays: 90 })
/** The new chart: a hotline officer added, the information officer merged into the complaint officer. */
const proposed = {
  ...current,
  version: "acme-2026.2",
  merges: { informationOfficer: "complaintOfficer" },
  added: { hotlineOfficer },
}
/** 100 calls a half hour at 3 minutes each, 80 % within 20 s, 30 % shrinkage; 120 h a week of complaints. */
const staffingPlan = [
  {
    post: "callCenterAgent",
    basis: {
      kind: "calls",
      callsPerInterval: 100,
      intervalSeconds: 1800,
      averageHandleSeconds: 180,
      targetServiceLevel: 0.8,
      answerWithinSeconds: 20,
      shrinkage: 0.3,
    },
    reason: "峰值半小时来电量，Erlang C",
  },
  {
    post: "complaintOfficer",
    basis: { kind: "workload", workloadHoursPerWeek: 120, hoursPerPersonPerWeek: 40 },
    reason: "每周投诉 240 件 × 0.5 小时",
  },
] as const
const key = (sequence: number) =>
  idempotencyKey("organisation.design", "ORG-2026-01", sequence, "approval.submit")

/** ① analysed: a 120-person company with two business lines. */
function analysed() {
  const design = drive(flow, "ORG-2026-01")
  design.must({
    type: "Analyse",
    at: t0,
    designId: "ORG-2026-01",
    owner: manager,
    employees: 120,
    businessLines: ["家电销售", "安装维修"],
    channels: [
      { channel: "热线 hotline", contactsPerMonth: 9000 },
      { channel: "投诉 complaints", contactsPerMonth: 960 },
    ],
  })
  return design
}

/** ② designed → ③ staffed: the design waits on the departments' review. */
function staffed() {
  const design = analysed()
  design.must({
    type: "DesignChart",
    at: t0 + hour,
    designer: manager,
    policy: proposed,
    departments: [callCentre, complaints],
  })
  design.must({ type: "PlanStaffing", at: t0 + 2 * hour, designer: manager, posts: staffingPlan })
  return design
}

const review = (
  department: ReturnType<typeof departmentId>,
  reviewer: typeof manager | typeof callCentreReviewer | typeof complaintsReviewer,
  passed: boolean,
  at: number,
  comments?: string,
) =>
  ({
    type: "ReviewDesign",
    at,
    department,
    reviewer,
    passed,
    ...(comments === undefined ? {} : { comments }),
  }) as const

describe("客户服务组织结构设计流程 (002 3.2)", () => {
  it("① analyse → ② design the chart → ③ staff each post → ④ every department passes ✓ → ⑤ publish → ⑥ review after the period: closed", () => {
    const design = staffed()
    expect(design.state.analysis?.fittingPreset).toBe("smallEnterprise")
    expect(design.state).toMatchObject({
      status: "inReview",
      basedOnVersion: current.version,
      changes: ["added.hotlineOfficer", "merges.informationOfficer"],
    })
    // 14 agents answer 80 % within 20 s; at 30 % shrinkage 20 are scheduled. 120 h / 40 h = 3.
    expect(design.state.staffing.map((row) => [row.post, row.headcount])).toEqual([
      ["callCenterAgent", 20],
      ["complaintOfficer", 3],
    ])
    design.must(review(callCentre, callCentreReviewer, true, t0 + 3 * hour))
    expect(design.state.status).toBe("inReview")
    design.must(review(complaints, complaintsReviewer, true, t0 + 4 * hour, "同意"))
    expect(design.state.status).toBe("awaitingApproval")
    const submitted = design.effects.at(-1)
    expect(submitted).toMatchObject({
      kind: "approval.submit",
      key: key(5),
      submission: {
        formId: "organisation.design",
        values: { version: "acme-2026.2", previousVersion: current.version, totalHeadcount: 23 },
      },
    })
    if (submitted?.kind !== "approval.submit") throw new Error("the approval was not submitted")
    expect(Result.isSuccess(Organisation.organisationDesignForm.parse(submitted.submission.values))).toBe(
      true,
    )

    design.must({ type: "DecideApproval", at: t0 + 5 * hour, approvalKey: key(5), outcome: "approved" })
    expect(Organisation.publishedOrganisation(design.state)).toBeUndefined()
    const effectiveAt = Date.UTC(2026, 6, 1)
    const [published] = design.must({ type: "Publish", at: t0 + 6 * hour, by: manager, effectiveAt })
    expect(published).toMatchObject({ type: "Published", effectiveAt, policy: { version: "acme-2026.2" } })
    const organisation = Organisation.organisationOf(Organisation.publishedOrganisation(design.state)!)
    expect(organisation.holderOf("informationOfficer")?.id).toBe("complaintOfficer")
    expect(design.effects.find((effect) => effect.kind === "notify")).toMatchObject({
      draft: { body: { "zh-CN": `自 2026-07-01 起实施，替代 ${current.version}` } },
    })
    expect(flow.deadlines(design.state)).toEqual([
      { key: "post-review", dueAt: effectiveAt + 90 * day, command: { type: "PostReviewDue" } },
    ])
    design.must({ type: "PostReviewDue", at: effectiveAt + 90 * day })
    expect(design.effects.at(-1)).toMatchObject({ kind: "host.task.create", assignee: { role: "manager" } })
    design.must({
      type: "ReviewInForce",
      at: effectiveAt + 91 * day,
      reviewer: manager,
      effective: true,
      findings: "热线接通率达标",
    })
    expect(design.state).toMatchObject({ status: "closed", effective: true })
    expect(flow.isFinished(design.state)).toBe(true)
  })

  it("① a company of 500 or with three business lines fits the 大型企业 chart", () => {
    expect(Organisation.fittingPreset(499, 2)).toBe("smallEnterprise")
    expect(Organisation.fittingPreset(500, 1)).toBe("largeEnterprise")
    expect(Organisation.fittingPreset(80, 3)).toBe("largeEnterprise")
    expect(Organisation.fittingPreset(800, 1, 1000)).toBe("smallEnterprise")
  })

  it("② refuses a chart the organisation parser refuses, naming the field under policy, and one that keeps the version in force", () => {
    const design = analysed()
    const chart = {
      type: "DesignChart",
      at: t0 + hour,
      designer: manager,
      departments: [callCentre],
    } as const
    const badMerge = design.send({
      ...chart,
      policy: { ...proposed, merges: { informationOfficer: "nobody" } },
    })
    expect(Result.isFailure(badMerge) && badMerge.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [expect.objectContaining({ path: ["policy", "merges", "informationOfficer"] })],
    })
    const badLine = design.send({
      ...chart,
      policy: { ...proposed, added: { hotlineOfficer: { ...hotlineOfficer, reportsTo: "nobody" } } },
    })
    expect(Result.isFailure(badLine) && badLine.failure).toMatchObject({
      issues: [expect.objectContaining({ path: ["policy", "added", "hotlineOfficer", "reportsTo"] })],
    })
    const same = design.send({ ...chart, policy: { ...proposed, version: current.version } })
    expect(Result.isFailure(same) && same.failure).toMatchObject({
      issues: [
        { path: ["policy", "version"], message: `must differ from ${current.version}, the version in force` },
      ],
    })
    expect(design.state.status).toBe("designing")
  })

  it("③ refuses staffing a post the chart merged away or does not have, or one post twice, naming the row", () => {
    const design = analysed()
    design.must({
      type: "DesignChart",
      at: t0 + hour,
      designer: manager,
      policy: proposed,
      departments: [callCentre],
    })
    const workload = { kind: "workload", workloadHoursPerWeek: 40, hoursPerPersonPerWeek: 40 } as const
    const refused = design.send({
      type: "PlanStaffing",
      at: t0 + 2 * hour,
      designer: manager,
      posts: [
        { post: "hotlineOfficer", basis: workload, reason: "热线" },
        { post: "informationOfficer", basis: workload, reason: "已合并" },
        { post: "hotlineOfficer", basis: workload, reason: "重复" },
      ],
    })
    expect(Result.isFailure(refused) && refused.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [
        expect.objectContaining({ path: ["posts", 1, "post"] }),
        expect.objectContaining({ path: ["posts", 2, "post"] }),
      ],
    })
    const badBasis = design.send({
      type: "PlanStaffing",
      at: t0 + 2 * hour,
      designer: manager,
      posts: [{ post: "hotlineOfficer", basis: { ...workload, hoursPerPersonPerWeek: 0 }, reason: "热线" }],
    })
    expect(Result.isFailure(badBasis) && badBasis.failure).toMatchObject({
      issues: [expect.objectContaining({ path: ["posts", 0, "basis", "hoursPerPersonPerWeek"] })],
    })
    expect(design.state.status).toBe("staffing")
  })

  it("④ one department not passed → ② redesign → ③ → ④ again; the designer may not review their own design", () => {
    const design = staffed()
    const own = design.send(review(callCentre, manager, true, t0 + 3 * hour))
    expect(Result.isFailure(own) && own.failure).toMatchObject({
      reason: "the designer may not review their own design",
    })
    design.must(review(callCentre, callCentreReviewer, false, t0 + 3 * hour, "坐席不足"))
    expect(design.state.status).toBe("designing")
    expect(design.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: manager.personId }] },
    })
    design.must({
      type: "DesignChart",
      at: t0 + 4 * hour,
      designer: manager,
      policy: proposed,
      departments: [callCentre],
    })
    expect(design.state).toMatchObject({ status: "staffing", round: 2, reviews: [], staffing: [] })
    design.must({ type: "PlanStaffing", at: t0 + 5 * hour, designer: manager, posts: staffingPlan })
    design.must(review(callCentre, callCentreReviewer, true, t0 + 6 * hour))
    expect(design.state.status).toBe("awaitingApproval")
  })

  it("④ ✓ rejected → ② again; a published organisation cannot be cancelled", () => {
    const design = staffed()
    design.must(review(callCentre, callCentreReviewer, true, t0 + 3 * hour))
    design.must(review(complaints, complaintsReviewer, true, t0 + 4 * hour))
    design.must({
      type: "DecideApproval",
      at: t0 + 5 * hour,
      approvalKey: key(5),
      outcome: "rejected",
      comment: "再议",
    })
    expect(design.state).toMatchObject({ status: "designing", approval: undefined })
    const publish = design.send({ type: "Publish", at: t0 + 6 * hour, by: manager })
    expect(Result.isFailure(publish)).toBe(true)
    design.must({
      type: "DesignChart",
      at: t0 + 6 * hour,
      designer: manager,
      policy: proposed,
      departments: [callCentre],
    })
    design.must({ type: "PlanStaffing", at: t0 + 7 * hour, designer: manager, posts: staffingPlan })
    design.must(review(callCentre, callCentreReviewer, true, t0 + 8 * hour))
    const approvalKey = design.state.approval!.key
    design.must({ type: "DecideApproval", at: t0 + 9 * hour, approvalKey, outcome: "approved" })
    design.must({ type: "Publish", at: t0 + 10 * hour, by: manager })
    const cancel = design.send({ type: "Cancel", at: t0 + 11 * hour, actor: manager, reason: "撤销" })
    expect(Result.isFailure(cancel)).toBe(true)
  })
})
