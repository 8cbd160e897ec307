import { Accounts, civilDate, idempotencyKey, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"
import { expectDeclaredFields } from "./declared-fields.ts"

const day = 86_400_000
const t0 = Date.UTC(2026, 0, 5, 1, 0)
const supervisor = { personId: staff.supervisor.id, role: "supervisor" as const }
const officer = { personId: staff.officer.id, role: "officer" as const }
const presales = { personId: staff.manager.id, role: "manager" as const }
const yuan = (major: number) => ({ minor: major * 100, currency: "CNY" })
const strategy = {
  periodFrom: civilDate("2026-01-01"),
  periodTo: civilDate("2026-12-31"),
  strategy: "以顾问式销售深耕 AA 以上客户",
  goals: [{ goal: "大客户零流失", measure: "流失率", target: "0%" }],
}
const supportRequest = {
  requestingDepartment: "key-accounts",
  requestedOn: civilDate("2026-02-02"),
  customer: "K1",
  generalManager: "王总",
  address: "武汉市江汉区",
  phoneOrFax: "027-8888 6666",
  contact: "李明 信息部经理",
  ownership: "private" as const,
  industry: "machinery" as const,
  expectedContractValue: yuan(800_000),
  expectedSigning: civilDate("2026-06-30"),
  background: "三次拜访，客户有意更换 ERP",
  supportWanted: ["productDemonstration" as const],
  staffLevels: ["presalesConsultant" as const],
  staffCount: 1,
  applicant: staff.officer.id,
}
const report = {
  brand: "Tixi",
  reportedOn: civilDate("2026-01-31"),
  branches: [
    { branch: "北京", monthRevenue: yuan(300) },
    { branch: "上海", monthRevenue: yuan(100) },
  ],
}
const met = {
  goals: [{ goal: "大客户零流失", achieved: "0%", met: true }],
  goalsMet: true,
  evaluation: "目标达成",
}
const notMet = {
  goals: [{ goal: "大客户零流失", achieved: "5%", met: false }],
  goalsMet: false,
  evaluation: "流失一家",
}

const refusalOf = (result: Result.Result<unknown, { readonly message: string }>) =>
  Result.isFailure(result) ? result.failure.message : "accepted"
const pathsOf = (result: Result.Result<unknown, unknown>) =>
  Result.isFailure(result) && (result.failure as { _tag: string })._tag === "ValidationError"
    ? (result.failure as { issues: ReadonlyArray<{ path: ReadonlyArray<unknown> }> }).issues.map((issue) =>
        issue.path.join("."),
      )
    : []

function approved() {
  const process = Accounts.keyAccountServiceProcess(Accounts.defaultAccountsPolicy)
  const instance = drive(process, "KS-1")
  instance.must({ type: "SubmitStrategy", at: t0, cycleId: "KS-1", supervisor, strategy })
  const submit = instance.effects.at(-1)
  if (submit?.kind !== "approval.submit") throw new Error("no approval")
  instance.must({
    type: "DecideApproval",
    at: t0 + day,
    approvalKey: submit.key,
    outcome: "approved",
    decidedBy: staff.generalManager.id,
  })
  return { process, instance, submit }
}

function lastApproval(instance: ReturnType<typeof approved>["instance"]) {
  const submit = instance.effects.findLast((effect) => effect.kind === "approval.submit")
  if (submit?.kind !== "approval.submit") throw new Error("no approval")
  return submit
}

describe("大客户服务管理流程", () => {
  it("① strategy ✓ 总经理 → ③ support on 大客户支持表 answered → ④ 月报表 ✓ 审核 → ⑤ classified → ⑥ file → ⑦ ◇ goals met? yes → end", () => {
    const { process, instance, submit } = approved()
    expect(submit.key).toBe(idempotencyKey("accounts.service-management", "KS-1", 0, "approval.submit"))
    expect(submit.submission).toMatchObject({
      formId: "accounts.service-strategy",
      steps: [{ mode: "any", approvers: [{ role: "generalManager" }] }],
    })
    expect(instance.state.status).toBe("implementing")

    instance.must({
      type: "RequestSupport",
      at: t0 + 2 * day,
      requestId: "S1",
      officer,
      presalesDepartment: "presales",
      request: supportRequest,
    })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.task.create",
      assignee: { role: "officer", departmentId: "presales" },
      draft: { externalKey: "KS-1/support/S1", dueAt: t0 + 5 * day },
    })
    instance.must({
      type: "AnswerSupport",
      at: t0 + 4 * day,
      requestId: "S1",
      presales,
      staffing: "售前顾问一名",
      overall: "good",
      outcome: "演示顺利，客户要求方案",
    })
    expect(instance.effects.slice(-2)).toMatchObject([
      { kind: "host.task.complete", taskKey: "KS-1/support/S1" },
      { kind: "notify", draft: { recipients: [{ person: staff.officer.id }] } },
    ])

    instance.must({ type: "SubmitMonthlyReport", at: t0 + 27 * day, officer, month: "2026-01", report })
    const review = lastApproval(instance)
    expect(review.submission).toMatchObject({
      formId: "accounts.key-account-monthly-report",
      steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
    })
    expect(instance.events.at(-1)).toMatchObject({
      summary: {
        monthRevenue: yuan(400),
        monthShares: [
          { branch: "北京", percent: 75 },
          { branch: "上海", percent: 25 },
        ],
      },
    })
    instance.must({
      type: "DecideApproval",
      at: t0 + 28 * day,
      approvalKey: review.key,
      outcome: "approved",
      decidedBy: staff.manager.id,
    })
    expect(instance.state).toMatchObject({ reportUnderReview: undefined, reportsApproved: ["2026-01"] })

    instance.must({
      type: "ClassifyAccounts",
      at: t0 + 30 * day,
      actor: supervisor,
      accounts: [
        { customerId: "K1", currentValue: yuan(900_000), potentialValue: yuan(800_000) },
        { customerId: "K2", currentValue: yuan(100_000), potentialValue: yuan(50_000) },
      ],
    })
    expect(instance.effects.slice(-2)).toMatchObject([
      { kind: "host.customer.update", customerKey: "K1", fields: { key_account_quadrant: "strategic" } },
      { kind: "host.customer.update", customerKey: "K2", fields: { key_account_quadrant: "ordinary" } },
    ])
    instance.must({
      type: "UpdateFile",
      at: t0 + 31 * day,
      officer,
      file: {
        region: "华中",
        customer: "K1",
        address: "武汉市江汉区",
        legalRepresentative: "王五",
        officer: staff.officer.id,
      },
    })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.customer.update",
      customerKey: "K1",
      fields: { key_account_region: "华中" },
    })
    instance.must({ type: "ReviewService", at: t0 + 360 * day, reviewer: supervisor, review: met })
    expectDeclaredFields(instance.effects)
    expect(process.isFinished(instance.state)).toBe(true)
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("⑦ ◇ goals met? no → back to ② 实施; an unanswered support request is escalated and keeps the cycle open", () => {
    const { process, instance } = approved()
    instance.must({
      type: "RequestSupport",
      at: t0 + 2 * day,
      requestId: "S1",
      officer,
      presalesDepartment: "presales",
      request: supportRequest,
    })
    expect(process.deadlines(instance.state)).toEqual([
      { key: "support:S1", dueAt: t0 + 5 * day, command: { type: "EscalateSupport", requestId: "S1" } },
    ])
    instance.must({ type: "EscalateSupport", at: t0 + 5 * day, requestId: "S1" })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { severity: "warning", recipients: [{ person: staff.supervisor.id }] },
    })
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.must({ type: "EscalateSupport", at: t0 + 6 * day, requestId: "S1" })).toEqual([])
    expect(
      refusalOf(
        instance.send({ type: "ReviewService", at: t0 + 300 * day, reviewer: supervisor, review: met }),
      ),
    ).toContain("support requests still open: S1")
    instance.must({ type: "ReviewService", at: t0 + 300 * day, reviewer: supervisor, review: notMet })
    expect(instance.state).toMatchObject({ status: "implementing", reviewsFailed: 1 })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: staff.supervisor.id }] },
    })
    instance.must({
      type: "AnswerSupport",
      at: t0 + 301 * day,
      requestId: "S1",
      presales,
      staffing: "顾问",
      outcome: "完成",
    })
    instance.must({ type: "ReviewService", at: t0 + 360 * day, reviewer: supervisor, review: met })
    expect(instance.state.status).toBe("closed")
  })

  it("① returned → resubmitted; ④ report returned → submitted again; one report at a time, each month once", () => {
    const process = Accounts.keyAccountServiceProcess(Accounts.defaultAccountsPolicy)
    const instance = drive(process, "KS-2")
    instance.must({ type: "SubmitStrategy", at: t0, cycleId: "KS-2", supervisor, strategy })
    instance.must({
      type: "DecideApproval",
      at: t0 + day,
      approvalKey: lastApproval(instance).key,
      outcome: "rejected",
      decidedBy: staff.generalManager.id,
      comment: "目标要量化",
    })
    expect(instance.state.status).toBe("strategyReturned")
    instance.must({ type: "SubmitStrategy", at: t0 + 2 * day, cycleId: "KS-2", supervisor, strategy })
    instance.must({
      type: "DecideApproval",
      at: t0 + 3 * day,
      approvalKey: lastApproval(instance).key,
      outcome: "approved",
      decidedBy: staff.generalManager.id,
    })
    instance.must({ type: "SubmitMonthlyReport", at: t0 + 27 * day, officer, month: "2026-01", report })
    expect(
      refusalOf(
        instance.send({ type: "SubmitMonthlyReport", at: t0 + 27 * day, officer, month: "2026-02", report }),
      ),
    ).toContain("2026-01 is still under review")
    instance.must({
      type: "DecideApproval",
      at: t0 + 28 * day,
      approvalKey: lastApproval(instance).key,
      outcome: "rejected",
      decidedBy: staff.manager.id,
    })
    expect(instance.state.reportUnderReview).toBeUndefined()
    instance.must({ type: "SubmitMonthlyReport", at: t0 + 29 * day, officer, month: "2026-01", report })
    instance.must({
      type: "DecideApproval",
      at: t0 + 30 * day,
      approvalKey: lastApproval(instance).key,
      outcome: "approved",
      decidedBy: staff.manager.id,
    })
    expect(
      refusalOf(
        instance.send({ type: "SubmitMonthlyReport", at: t0 + 31 * day, officer, month: "2026-01", report }),
      ),
    ).toContain("already approved")
  })

  it("refuses steps before the strategy is approved, and bad input naming the field inside the command", () => {
    const process = Accounts.keyAccountServiceProcess(Accounts.defaultAccountsPolicy)
    const start = drive(process, "KS-3")
    expect(
      refusalOf(
        start.send({
          type: "RequestSupport",
          at: t0,
          requestId: "S1",
          officer,
          presalesDepartment: "presales",
          request: supportRequest,
        }),
      ),
    ).toContain("once the strategy is approved")
    const { instance } = approved()
    expect(
      pathsOf(
        instance.send({
          type: "RequestSupport",
          at: t0 + 2 * day,
          requestId: "S2",
          officer,
          presalesDepartment: "presales",
          request: { ...supportRequest, supportWanted: ["other"] },
        }),
      ),
    ).toEqual(["request.supportWantedOther"])
    const dollars = {
      ...report,
      branches: [{ branch: "纽约", monthRevenue: { minor: 100, currency: "USD" } }],
    }
    expect(
      pathsOf(
        instance.send({
          type: "SubmitMonthlyReport",
          at: t0 + 27 * day,
          officer,
          month: "2026-01",
          report: dollars,
        }),
      ),
    ).toEqual(["report.branches.0.monthRevenue.currency"])
    expect(
      pathsOf(
        instance.send({ type: "SubmitMonthlyReport", at: t0 + 27 * day, officer, month: "2026-13", report }),
      ),
    ).toEqual(["month"])
    expect(
      pathsOf(
        instance.send({
          type: "ClassifyAccounts",
          at: t0 + 27 * day,
          actor: supervisor,
          accounts: [{ customerId: "K1", currentValue: yuan(1) }],
        }),
      ),
    ).toEqual(["accounts.0.potentialValue"])
    expect(
      pathsOf(
        instance.send({
          type: "ReviewService",
          at: t0 + 27 * day,
          reviewer: supervisor,
          review: { ...notMet, goalsMet: true },
        }),
      ),
    ).toEqual(["review.goalsMet"])
    expect(
      refusalOf(
        instance.send({
          type: "AnswerSupport",
          at: t0 + 27 * day,
          requestId: "S9",
          presales,
          staffing: "x",
          outcome: "x",
        }),
      ),
    ).toContain("S9 is not open")
  })

  it("cancelled while a monthly report waits for 审核: its approval is withdrawn", () => {
    const { process, instance } = approved()
    instance.must({ type: "SubmitMonthlyReport", at: t0 + 27 * day, officer, month: "2026-01", report })
    const review = lastApproval(instance)
    instance.must({ type: "Cancel", at: t0 + 28 * day, actor: supervisor, reason: "战略调整" })
    expect(instance.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: review.key })
    expect(process.isFinished(instance.state)).toBe(true)
  })
})
