import { departmentId, idempotencyKey, Planning, personId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 4, 4, 1, 0)
const hour = 3_600_000
const owner = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const flow = Planning.serviceProjectProcess()
const yuan = (amount: number) => ({ minor: amount * 100, currency: "CNY" })
const key = (sequence: number) =>
  idempotencyKey("planning.project", "SP-2026-03", sequence, "approval.submit")

const idea = {
  type: "ProposeIdea",
  at: t0,
  projectId: "SP-2026-03",
  owner,
  title: "上门安装预约服务",
  sources: ["customerSurvey"],
  customerNeed: "客户希望按时段预约上门安装",
} as const
const feasibility = {
  type: "AssessFeasibility",
  at: t0 + hour,
  actor: owner,
  estimatedCost: yuan(80_000),
  expectedBenefit: yuan(150_000),
  resources: "两名调度员，一套排班系统",
  resourcesAvailable: true,
} as const
const design = {
  type: "DesignProgramme",
  at: t0 + 2 * hour,
  actor: owner,
  scope: "四小时时段预约，迟到赔付",
  pilotScope: "华东区",
  pilotDays: 30,
  targetSatisfaction: 85,
} as const

/** ① idea → ② feasible → ③ designed: the programme waits on ✓. */
function awaitingApproval() {
  const project = drive(flow, "SP-2026-03")
  project.must(idea)
  project.must(feasibility)
  project.must(design)
  return project
}

describe("客户服务项目开发流程 (a new service item from idea to roll-out)", () => {
  it("① idea → ② feasible ◇ → ③ programme → ④ ✓ approved → ⑤ pilot → ⑥ target met ◇ → ⑦ rolled out", () => {
    const project = awaitingApproval()
    expect(project.state.status).toBe("awaitingApproval")
    const submitted = project.effects.at(-1)
    expect(submitted).toMatchObject({
      kind: "approval.submit",
      key: key(2),
      submission: { formId: "planning.project", steps: [{ mode: "any", approvers: [{ role: "manager" }] }] },
    })
    if (submitted?.kind !== "approval.submit") throw new Error("the programme was not submitted")
    expect(Result.isSuccess(Planning.serviceProjectForm.parse(submitted.submission.values))).toBe(true)

    project.must({ type: "DecideApproval", at: t0 + 3 * hour, approvalKey: key(2), outcome: "approved" })
    expect(project.state.status).toBe("piloting")
    expect(project.effects.at(-1)).toMatchObject({
      kind: "host.task.create",
      draft: { externalKey: "SP-2026-03/pilot" },
    })
    project.must({
      type: "EvaluatePilot",
      at: t0 + 30 * 24 * hour,
      actor: owner,
      satisfaction: 88,
      findings: "准时率95%",
    })
    expect(project.state).toMatchObject({ status: "rollingOut", pilotSatisfaction: 88 })
    project.must({
      type: "RollOut",
      at: t0 + 31 * 24 * hour,
      actor: owner,
      departments: [departmentId("after-sales")],
    })
    expect(project.state.status).toBe("rolledOut")
    expect(flow.isFinished(project.state)).toBe(true)
  })

  it("② not feasible ◇ (benefit not above cost, or no resources) → dropped", () => {
    const costly = drive(flow, "SP-2026-03")
    costly.must(idea)
    costly.must({ ...feasibility, expectedBenefit: yuan(80_000) })
    expect(costly.state).toMatchObject({ status: "dropped", dropReason: "not feasible" })
    expect(flow.isFinished(costly.state)).toBe(true)

    const understaffed = drive(flow, "SP-2026-03")
    understaffed.must(idea)
    understaffed.must({ ...feasibility, resourcesAvailable: false })
    expect(understaffed.state.status).toBe("dropped")
  })

  it("② refuses a benefit in another currency than the cost, naming the field", () => {
    const project = drive(flow, "SP-2026-03")
    project.must(idea)
    const mixed = project.send({ ...feasibility, expectedBenefit: { minor: 100, currency: "USD" } })
    expect(Result.isFailure(mixed) && mixed.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [{ path: ["expectedBenefit", "currency"] }],
    })
    expect(project.state.status).toBe("assessing")
  })

  it("④ ✓ rejected → ③ redesigned → ④ ✓ again under a new key; ⑥ pilot short of its target ◇ → dropped", () => {
    const project = awaitingApproval()
    project.must({
      type: "DecideApproval",
      at: t0 + 3 * hour,
      approvalKey: key(2),
      outcome: "rejected",
      comment: "试点太大",
    })
    expect(project.state).toMatchObject({ status: "designing", approval: undefined })
    project.must({ ...design, at: t0 + 4 * hour, pilotScope: "上海" })
    expect(project.state.approval).toEqual({ key: key(4) })
    project.must({ type: "DecideApproval", at: t0 + 5 * hour, approvalKey: key(4), outcome: "approved" })
    project.must({
      type: "EvaluatePilot",
      at: t0 + 6 * hour,
      actor: owner,
      satisfaction: 70,
      findings: "调度不足",
    })
    expect(project.state).toMatchObject({ status: "dropped", dropReason: "pilot short of its target" })
    expect(project.effects.at(-1)).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    const late = project.send({
      type: "RollOut",
      at: t0 + 7 * hour,
      actor: owner,
      departments: [departmentId("x")],
    })
    expect(Result.isFailure(late) && late.failure).toMatchObject({
      reason: "only a pilot that reached its target is rolled out",
    })
  })

  it("cancelled while its programme awaits approval: the approval is withdrawn", () => {
    const project = awaitingApproval()
    project.must({ type: "Cancel", at: t0 + 3 * hour, actor: owner, reason: "预算冻结" })
    expect(project.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: key(2) })
  })
})
