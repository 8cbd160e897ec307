import { Approval, Credit, idempotencyKey, personId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"
import { yuan } from "./fixtures.ts"

const hour = 3_600_000
const t0 = Date.UTC(2026, 10, 2, 1, 0)
const head = { personId: personId("head-zhou"), role: "manager" as const }
const officer = { personId: personId("officer-wu"), role: "officer" as const }
const drafter = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const policy = Credit.defaultCreditPolicy

/** ④ the handbook defaults with grade B raised to 45 days and ¥3,000,000 at most. */
const draftCommand = (at: number) => ({
  type: "DraftStandard" as const,
  at,
  actor: drafter,
  grades: policy.grades.map((terms) => ({
    grade: terms.grade,
    minimumScore: terms.minimumScore,
    monthsOfRevenue: terms.limit.monthsOfRevenue,
    minimumLimit: { minor: terms.limit.minimumMinor, currency: "CNY" },
    maximumLimit:
      terms.grade === "B" ? yuan("3000000") : { minor: terms.limit.maximumMinor, currency: "CNY" },
    paymentTermDays: terms.grade === "B" ? 45 : terms.paymentTermDays,
    paymentMethod: terms.paymentMethod,
    guaranteeRequired: terms.guaranteeRequired,
    overLimit: terms.overLimit,
  })),
  overdue: { graceDays: 20, action: "approval" as const },
  danger: {
    overdueDaysAtLeast: 60,
    bouncedPaymentsAtLeast: 1,
    bankruptcySignsAtLeast: 1,
    action: "block" as const,
  },
})

function collected(options: Credit.CreditStandardOptions = {}) {
  const process = Credit.creditStandardProcess(policy, options)
  const instance = drive(process, "CS-1")
  instance.must({ type: "Open", at: t0, standardId: "CS-1", owner: head, version: "2027.1" })
  instance.must({
    type: "RecordCompetitorStandards",
    at: t0 + hour,
    actor: officer,
    competitors: [{ competitor: "华东贸易", standard: "A 级 60 天，B 级 45 天" }],
  })
  instance.must({
    type: "RecordCreditAnalysis",
    at: t0 + 2 * hour,
    actor: officer,
    customersAnalysed: 120,
    findings: "B 级客户逾期率 3%",
  })
  instance.must({
    type: "RecordSalesAnalysis",
    at: t0 + 3 * hour,
    actor: officer,
    period: "2026",
    findings: "B 级客户销售额增长 20%",
  })
  return { process, instance }
}

/** ④ drafted and ✓ approved: the instance waits for ⑤. */
function approve(instance: ReturnType<typeof collected>["instance"]) {
  instance.must(draftCommand(t0 + 24 * hour))
  instance.must({
    type: "DecideApproval",
    at: t0 + 30 * hour,
    approvalKey: approvalKeyOf(instance.state),
    outcome: "approved",
  })
}

function approved() {
  const { instance } = collected()
  approve(instance)
  return { instance }
}

const approvalKeyOf = (state: Credit.CreditStandardState) => state.approval!.key

describe("客户信用制度制定流程 ①–⑤", () => {
  it("① competitors → ② credit data → ③ sales statistics → ④ standard ✓ 通过 → ⑤ rating form → new policy version", () => {
    const { instance } = collected()
    // 开始: one task per collection step for the 客户信息专员, each closed when its findings are in.
    const opened = instance.effects.filter((effect) => effect.kind === "host.task.create").slice(0, 3)
    expect(opened.map((effect) => effect.kind === "host.task.create" && effect.draft.externalKey)).toEqual([
      "CS-1/competitors",
      "CS-1/credit-data",
      "CS-1/sales-statistics",
    ])
    expect(new Set(opened.map((effect) => effect.key)).size).toBe(3)
    expect(instance.state.status).toBe("drafting")
    // Only the last of ①②③ hands ④ to the department that opened the drafting.
    const draftTask = instance.effects.filter(
      (effect) => effect.kind === "host.task.create" && effect.draft.externalKey === "CS-1/draft",
    )
    expect(draftTask).toEqual([expect.objectContaining({ assignee: { person: head.personId } })])

    instance.must(draftCommand(t0 + 24 * hour))
    expect(instance.state.status).toBe("awaitingApproval")
    expect(instance.state.approval).toMatchObject({
      decidingRole: "manager",
      formId: "approval.creditStandard",
    })
    const submit = instance.effects.find((effect) => effect.kind === "approval.submit")
    expect(submit?.key).toBe(idempotencyKey("credit.standard", "CS-1", 5, "approval.submit"))
    // The approvers see the handbook's 《客户信用等级评定标准和政策》, filled as the form requires.
    const values = submit?.kind === "approval.submit" ? submit.submission.values : undefined
    expect(Result.isSuccess(Approval.creditStandardRequestForm.parse(values))).toBe(true)
    expect(values).toMatchObject({ version: "2027.1", overdueControl: "逾期超过 20 天：审批" })

    instance.must({
      type: "DecideApproval",
      at: t0 + 30 * hour,
      approvalKey: approvalKeyOf(instance.state),
      outcome: "approved",
      decidedBy: head.personId,
    })
    expect(instance.state.status).toBe("rating")
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.task.create",
      assignee: { person: drafter.personId },
      draft: { externalKey: "CS-1/rating-form" },
    })

    instance.must({
      type: "DraftRatingForm",
      at: t0 + 48 * hour,
      actor: drafter,
      model: "fiveC",
      weights: [
        { item: "character", weight: 35 },
        { item: "capacity", weight: 20 },
      ],
    })
    expect(instance.state.status).toBe("published")
    const published = Credit.publishedCreditPolicy(instance.state)!
    expect(Result.isSuccess(Credit.parseCreditPolicy(published))).toBe(true)
    expect(published.version).toBe("2027.1")
    expect(Credit.termsOfGrade(published, "B")).toMatchObject({
      paymentTermDays: 45,
      limit: { maximumMinor: yuan("3000000").minor },
    })
    expect(published.overdue.graceDays).toBe(20)
    expect(published.scoring.model).toBe("fiveC")
    const weights = Object.fromEntries(published.scoring.fiveC.items.map((item) => [item.id, item.weight]))
    expect(weights).toMatchObject({ character: 35, capacity: 20, capital: 20 })
    // The published policy travels in the event the embedder stores, with staff told and ⑥ handed on.
    expect(instance.events.at(-1)).toMatchObject({ type: "Published", policy: published })
    const kinds = instance.effects.slice(-3).map((effect) => effect.kind)
    expect(kinds).toEqual(["host.task.complete", "notify", "host.task.create"])
    expect(instance.effects.at(-1)).toMatchObject({ draft: { externalKey: "CS-1/rate-customers" } })
  })

  it("④ standard ✓ 未通过 → back to ④ redrafted → ✓ 通过 under a new approval key", () => {
    const { instance } = collected()
    instance.must(draftCommand(t0 + 24 * hour))
    const first = approvalKeyOf(instance.state)
    instance.must({
      type: "DecideApproval",
      at: t0 + 30 * hour,
      approvalKey: first,
      outcome: "rejected",
      comment: "B 级账期过长",
    })
    expect(instance.state).toMatchObject({ status: "drafting", returns: 1, approval: undefined })
    // The first ④ task was closed with the draft; the revision is a new task for the drafter.
    expect(instance.effects).toContainEqual(
      expect.objectContaining({ kind: "host.task.complete", taskKey: "CS-1/draft" }),
    )
    expect(instance.effects.at(-2)).toMatchObject({
      kind: "host.task.create",
      assignee: { person: drafter.personId },
      draft: { externalKey: "CS-1/draft-1", body: "B 级账期过长" },
    })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: drafter.personId }], severity: "warning" },
    })
    // The same rejection delivered again changes nothing.
    expect(
      instance.must({ type: "DecideApproval", at: t0 + 31 * hour, approvalKey: first, outcome: "rejected" }),
    ).toEqual([])
    instance.must(draftCommand(t0 + 40 * hour))
    expect(approvalKeyOf(instance.state)).not.toBe(first)
    expect(instance.effects).toContainEqual(
      expect.objectContaining({ kind: "host.task.complete", taskKey: "CS-1/draft-1" }),
    )
    instance.must({
      type: "DecideApproval",
      at: t0 + 41 * hour,
      approvalKey: approvalKeyOf(instance.state),
      outcome: "approved",
    })
    expect(instance.state.status).toBe("rating")
  })

  it("✓ by the post the company's approval policy names", () => {
    const chains = Approval.defaultApprovalPolicy.chains
    const approvalPolicy: Approval.ApprovalPolicy = {
      ...Approval.defaultApprovalPolicy,
      chains: {
        ...chains,
        "credit.standard": {
          ...chains["credit.standard"],
          steps: [
            {
              id: "director",
              label: chains["credit.standard"].title,
              mode: "any",
              approvers: [{ role: "director" }],
            },
          ],
        },
      },
    }
    const { instance } = collected({ approvalPolicy })
    instance.must(draftCommand(t0 + 24 * hour))
    expect(instance.state.approval?.decidingRole).toBe("director")
  })

  it("replays its events to the same policy whatever policy is in force later", () => {
    const { instance } = approved()
    instance.must({ type: "DraftRatingForm", at: t0 + 48 * hour, actor: drafter, model: "analysisForm" })
    const later = Credit.creditStandardProcess({ ...policy, version: "2027.1", currency: "USD" })
    const replayed = instance.events.reduce(later.evolve, later.initialState)
    expect(replayed).toEqual(instance.state)
    expect(replayed.published?.currency).toBe("CNY")
  })

  it("refuses steps out of the chart's order", () => {
    const { instance } = collected()
    const early = instance.send({
      type: "DraftRatingForm",
      at: t0 + 4 * hour,
      actor: drafter,
      model: "fiveC",
    })
    expect(Result.isFailure(early) && early.failure._tag).toBe("InvalidTransition")
    const again = instance.send({
      type: "RecordSalesAnalysis",
      at: t0 + 4 * hour,
      actor: officer,
      period: "2026",
      findings: "again",
    })
    expect(Result.isFailure(again) && again.failure._tag).toBe("InvalidTransition")
    const fresh = drive(Credit.creditStandardProcess(policy), "CS-2")
    fresh.must({ type: "Open", at: t0, standardId: "CS-2", owner: head, version: "2027.2" })
    const tooSoon = fresh.send(draftCommand(t0 + hour))
    expect(Result.isFailure(tooSoon) && tooSoon.failure._tag).toBe("InvalidTransition")
    const sameVersion = drive(Credit.creditStandardProcess(policy), "CS-3").send({
      type: "Open",
      at: t0,
      standardId: "CS-3",
      owner: head,
      version: policy.version,
    })
    expect(Result.isFailure(sameVersion) && sameVersion.failure.message).toContain(policy.version)
  })

  it("refuses bad input naming the field", () => {
    const { instance } = collected()
    const pathsOf = (result: Result.Result<unknown, unknown>) =>
      Result.isFailure(result)
        ? (result.failure as { issues: ReadonlyArray<{ path: unknown }> }).issues.map((issue) => issue.path)
        : []
    const overlapping = draftCommand(t0 + 24 * hour)
    overlapping.grades[1] = { ...overlapping.grades[1]!, minimumScore: 85 }
    expect(pathsOf(instance.send(overlapping))).toContainEqual(["grades", 1, "minimumScore"])
    const dollars = draftCommand(t0 + 24 * hour)
    dollars.grades[0] = { ...dollars.grades[0]!, maximumLimit: { minor: 100, currency: "USD" } }
    expect(pathsOf(instance.send(dollars))).toEqual([["grades", 0, "maximumLimit", "currency"]])
    const inverted = draftCommand(t0 + 24 * hour)
    inverted.grades[1] = { ...inverted.grades[1]!, minimumLimit: yuan("5000000") }
    const refused = instance.send(inverted)
    expect(pathsOf(refused)).toEqual([["grades", 1, "minimumLimit"]])
    expect(Result.isFailure(refused) && refused.failure.message).toContain(
      "credit.standard.command.grades[1]",
    )
    const noCompetitor = drive(Credit.creditStandardProcess(policy), "CS-4")
    noCompetitor.must({ type: "Open", at: t0, standardId: "CS-4", owner: head, version: "2027.4" })
    expect(
      pathsOf(
        noCompetitor.send({ type: "RecordCompetitorStandards", at: t0, actor: officer, competitors: [] }),
      ),
    ).toContainEqual(["competitors"])
    expect(instance.state.status).toBe("drafting")

    approve(instance)
    const rating = {
      type: "DraftRatingForm" as const,
      at: t0 + 48 * hour,
      actor: drafter,
      model: "fiveC" as const,
    }
    expect(pathsOf(instance.send({ ...rating, weights: [{ item: "charm", weight: 20 }] }))).toEqual([
      ["weights", 0, "item"],
    ])
    expect(pathsOf(instance.send({ ...rating, weights: [{ item: "character", weight: 90 }] }))).toEqual([
      ["weights"],
    ])
    expect(instance.state.status).toBe("rating")
  })

  it("cancelled while ✓ waits → the approval is withdrawn", () => {
    const { instance } = collected()
    instance.must(draftCommand(t0 + 24 * hour))
    const key = approvalKeyOf(instance.state)
    instance.must({ type: "Cancel", at: t0 + 25 * hour, actor: head, reason: "制度调整推迟" })
    expect(instance.state.status).toBe("cancelled")
    expect(instance.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: key })
    const after = instance.send({ type: "Cancel", at: t0 + 26 * hour, actor: head, reason: "again" })
    expect(Result.isFailure(after)).toBe(true)
  })
})
