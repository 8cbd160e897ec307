import { CallCenter, idempotencyKey, personId, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"
import { scoredSheet } from "./monitoring-fixtures.ts"

const day = 86_400_000
const t0 = Date.UTC(2026, 3, 1, 1, 0)
const supervisor = { personId: personId("sup-zhao"), role: "supervisor" as const }
const plan = {
  periodStart: t0,
  periodEnd: t0 + 30 * day,
  positioning: "以客户服务为主、电话营销为辅的服务型呼叫中心",
  serviceLevelPercent: 80,
  answerWithinSeconds: 20,
  maxAbandonmentPercent: 5,
  firstCallResolutionPercent: 75,
  monitoringPercent: 80,
  managementMethods: "现场管理制度、质量监控（每人每月 4 通）、例会",
  trainingPlan: "新产品知识与投诉处理技巧",
}
const keyAt = (sequence: number) =>
  idempotencyKey("callcenter.operatingCycle", "Q2", sequence, "approval.submit")

const sheet = (callId: string, share: number, criticalErrors: ReadonlyArray<string> = []) =>
  scoredSheet(callId, personId("qa-lin"), share, criticalErrors)
const measures = [
  { id: "aht", name: "平均处理时长", actual: 280, target: 300, higherIsBetter: false, weight: 1 },
  { id: "fcr", name: "首次解决率", actual: 0.8, target: 0.8, higherIsBetter: true, weight: 1 },
]

function proposed() {
  const process = CallCenter.operatingCycleProcess()
  const instance = drive(process, "Q2")
  instance.must({ type: "SetDirection", at: t0 - 5 * day, cycleId: "Q2", supervisor, plan })
  return { process, instance }
}

function operating() {
  const opened = proposed()
  opened.instance.must({
    type: "DecideApproval",
    at: t0 - 4 * day,
    approvalKey: keyAt(0),
    outcome: "approved",
  })
  opened.instance.must({
    type: "RecordTraining",
    at: t0 - day,
    supervisor,
    sessions: "两场产品知识培训",
    agentsTrained: 26,
  })
  return opened
}

describe("呼叫中心运行流程 (004 ch.8 §12)", () => {
  it("①②③ → ✓ 审核 → ④ 培训 → ⑤ period ends → ⑥ 服务质量评估: a goal missed → ⑦ 专员绩效管理: an improvement plan for the unsatisfactory agent", () => {
    const { process, instance } = operating()
    const submit = instance.effects[0]!
    expect(submit).toMatchObject({
      kind: "approval.submit",
      key: keyAt(0),
      submission: {
        formId: "callcenter.operatingPlan",
        steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
      },
    })
    if (submit.kind !== "approval.submit") throw new Error("no approval")
    expect(Result.isSuccess(CallCenter.operatingPlanForm.parse(submit.submission.values))).toBe(true)
    expect(instance.state.status).toBe("operating")
    expect(process.deadlines(instance.state)).toEqual([
      { key: "period-end", dueAt: plan.periodEnd, command: { type: "PeriodEnded" } },
    ])

    instance.must({ type: "PeriodEnded", at: plan.periodEnd })
    expect(instance.state.status).toBe("evaluating")
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.task.create",
      draft: { externalKey: "Q2/evaluate" },
    })

    instance.must({
      type: "EvaluateService",
      at: plan.periodEnd + day,
      evaluator: supervisor,
      measured: {
        serviceLevelPercent: 76.4,
        abandonmentPercent: 4.1,
        firstCallResolutionPercent: 78,
        monitoringPercent: 85,
      },
    })
    expect(instance.state.shortfalls).toEqual([{ objective: "serviceLevel", target: 80, actual: 76.4 }])
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: {
        recipients: [{ role: "manager" }],
        body: { "zh-CN": "Q2：服务水平", en: "Q2: Service level" },
      },
    })

    instance.must({
      type: "AppraiseAgents",
      at: plan.periodEnd + 2 * day,
      evaluator: supervisor,
      agents: [
        { agent: personId("agent-07"), sheets: [sheet("SW-1", 1), sheet("SW-2", 0.9)], measures },
        // A critical error (服务禁语) zeroes the call and caps the rating at unsatisfactory.
        {
          agent: personId("agent-12"),
          sheets: [sheet("SW-3", 1, ["forbiddenLanguage"]), sheet("SW-4", 1)],
          measures,
        },
      ],
    })
    expect(instance.state.status).toBe("closed")
    expect(
      instance.state.evaluations.map((evaluation) => [
        evaluation.agentId,
        evaluation.rating,
        evaluation.monitoringPercent,
      ]),
    ).toEqual([
      ["agent-07", "excellent", 95],
      ["agent-12", "unsatisfactory", 50],
    ])
    const improvement = instance.effects.filter(
      (effect) => effect.kind === "host.task.create" && effect.draft.externalKey.includes("/improve/"),
    )
    expect(improvement).toEqual([
      expect.objectContaining({
        key: idempotencyKey("callcenter.operatingCycle", "Q2", 5, "host.task.create:agent-12"),
        draft: expect.objectContaining({ externalKey: "Q2/improve/agent-12" }),
      }),
    ])
    expect(process.isFinished(instance.state)).toBe(true)
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("✓ 审核 sent back → ①②③ revised → approved under a new key; the old decision delivered again changes nothing", () => {
    const { instance } = proposed()
    instance.must({
      type: "DecideApproval",
      at: t0 - 4 * day,
      approvalKey: keyAt(0),
      outcome: "rejected",
      comment: "目标偏低",
    })
    expect(instance.state.status).toBe("returned")
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { body: { "zh-CN": "目标偏低" } },
    })
    instance.must({
      type: "SetDirection",
      at: t0 - 3 * day,
      cycleId: "Q2",
      supervisor,
      plan: { ...plan, serviceLevelPercent: 85 },
    })
    expect(instance.state.approval?.key).toBe(keyAt(2))
    expect(
      instance.must({ type: "DecideApproval", at: t0 - 3 * day, approvalKey: keyAt(0), outcome: "rejected" }),
    ).toEqual([])
    instance.must({ type: "DecideApproval", at: t0 - 2 * day, approvalKey: keyAt(2), outcome: "approved" })
    expect(instance.state).toMatchObject({ status: "training", plan: { serviceLevelPercent: 85 } })
  })

  it("refuses ⑥ before the period ends, a plan that ends before it starts, and a sheet line out of range, naming the field", () => {
    const { instance } = operating()
    const early = instance.send({
      type: "EvaluateService",
      at: t0,
      evaluator: supervisor,
      measured: { serviceLevelPercent: 80, abandonmentPercent: 1, monitoringPercent: 90 },
    })
    expect(Result.isFailure(early) && early.failure).toMatchObject({
      _tag: "InvalidTransition",
      state: "operating",
    })

    const backwards = CallCenter.operatingCycleProcess().decide(
      CallCenter.operatingCycleProcess().initialState,
      {
        type: "SetDirection",
        at: t0,
        cycleId: "Q3",
        supervisor,
        plan: { ...plan, periodEnd: t0 - day },
      },
    )
    expect(
      Result.isFailure(backwards) &&
        backwards.failure._tag === "ValidationError" &&
        backwards.failure.issues[0]!.path,
    ).toEqual(["plan", "periodEnd"])

    instance.must({ type: "PeriodEnded", at: plan.periodEnd })
    instance.must({
      type: "EvaluateService",
      at: plan.periodEnd,
      evaluator: supervisor,
      measured: { serviceLevelPercent: 80, abandonmentPercent: 1, monitoringPercent: 90 },
    })
    expect(instance.state.shortfalls).toEqual([])
    const overScored = sheet("SW-9", 1)
    overScored.lines[0] = { ...overScored.lines[0]!, points: 99 }
    const bad = instance.send({
      type: "AppraiseAgents",
      at: plan.periodEnd,
      evaluator: supervisor,
      agents: [{ agent: personId("agent-07"), sheets: [sheet("SW-8", 1), overScored], measures: [] }],
    })
    expect(
      Result.isFailure(bad) && bad.failure._tag === "ValidationError" && bad.failure.issues[0]!.path,
    ).toEqual(["agents", 0, "sheets", 1, "lines", 0, "points"])
    expect(instance.state.status).toBe("appraising")
  })

  it("cancelled while the plan awaits 审核: the approval is withdrawn", () => {
    const { instance } = proposed()
    instance.must({ type: "Cancel", at: t0, actor: supervisor, reason: "中心合并" })
    expect(instance.state.status).toBe("cancelled")
    expect(instance.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: keyAt(0) })
  })
})
