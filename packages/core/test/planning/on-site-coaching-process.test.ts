import { Planning, personId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 5, 1, 1, 0)
const day = 86_400_000
const coach = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const flow = Planning.onSiteCoachingProcess()

const plan = {
  type: "PlanObservation",
  at: t0,
  coachingId: "CO-2026-11",
  coach,
  plan: {
    employee: "agent-wang",
    post: "callCenterAgent",
    plannedAt: t0 + day,
    skills: [{ skill: "开场白" }, { skill: "需求确认" }, { skill: "结束语" }],
  },
} as const
const observe = (scores: ReadonlyArray<readonly [string, number]>, at = t0 + day) =>
  ({
    type: "Observe",
    at,
    coach,
    checklist: { scores: scores.map(([skill, score]) => ({ skill, score })) },
  }) as const

/** ① planned → ② observed with 需求确认 below the pass score → ③ feedback: actions are due. */
function actionsDue() {
  const coaching = drive(flow, "CO-2026-11")
  coaching.must(plan)
  coaching.must(
    observe([
      ["开场白", 4],
      ["需求确认", 2],
      ["结束语", 3],
    ]),
  )
  coaching.must({ type: "GiveFeedback", at: t0 + day + 3_600_000, coach, employeeComments: "同意" })
  return coaching
}

describe("客户服务现场指导流程 (plan, observe, feedback, actions, follow-up)", () => {
  it("① plan → ② observe → ③ feedback ◇ weak skill → ④ actions → ⑤ follow-up ◇ passed → closed", () => {
    const coaching = actionsDue()
    expect(coaching.state).toMatchObject({
      status: "actionsDue",
      weakSkills: ["需求确认"],
      post: "callCenterAgent",
    })
    expect(coaching.effects.find((effect) => effect.kind === "host.task.create")).toMatchObject({
      draft: { externalKey: "CO-2026-11/observe", dueAt: t0 + day },
    })
    expect(coaching.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: {
        recipients: [{ person: "agent-wang" }],
        body: { "zh-CN": "开场白: 4；需求确认: 2；结束语: 3" },
      },
    })
    const followUpAt = t0 + 15 * day
    coaching.must({
      type: "AgreeActions",
      at: t0 + 2 * day,
      coach,
      plan: { actions: [{ skill: "需求确认", action: "复述客户问题后再回答" }], followUpAt },
    })
    expect(flow.deadlines(coaching.state)).toEqual([
      { key: "follow-up", dueAt: followUpAt, command: { type: "FollowUpDue" } },
    ])
    coaching.must({ type: "FollowUpDue", at: followUpAt })
    expect(flow.deadlines(coaching.state)).toEqual([])
    coaching.must({
      type: "CheckFollowUp",
      at: followUpAt + day,
      coach,
      checklist: { scores: [{ skill: "需求确认", score: 4 }] },
    })
    expect(coaching.state).toMatchObject({ status: "closed", weakSkills: [], rounds: 1 })
    expect(coaching.state.scores).toEqual([
      { skill: "开场白", score: 4 },
      { skill: "需求确认", score: 4 },
      { skill: "结束语", score: 3 },
    ])
    expect(coaching.effects.at(-1)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "CO-2026-11/follow-up/1",
    })
  })

  it("③ feedback ◇ every skill passes → closed without actions", () => {
    const coaching = drive(flow, "CO-2026-11")
    coaching.must(plan)
    coaching.must(
      observe([
        ["开场白", 3],
        ["需求确认", 5],
        ["结束语", 4],
      ]),
    )
    coaching.must({ type: "GiveFeedback", at: t0 + 2 * day, coach })
    expect(coaching.state.status).toBe("closed")
    expect(flow.isFinished(coaching.state)).toBe(true)
  })

  it("⑤ follow-up ◇ still below → ④ new actions → ⑤ again", () => {
    const coaching = actionsDue()
    const actions = { actions: [{ skill: "需求确认", action: "每周听录音" }], followUpAt: t0 + 10 * day }
    coaching.must({ type: "AgreeActions", at: t0 + 2 * day, coach, plan: actions })
    coaching.must({
      type: "CheckFollowUp",
      at: t0 + 10 * day,
      coach,
      checklist: { scores: [{ skill: "需求确认", score: 2 }] },
    })
    expect(coaching.state).toMatchObject({ status: "actionsDue", weakSkills: ["需求确认"] })
    coaching.must({
      type: "AgreeActions",
      at: t0 + 11 * day,
      coach,
      plan: { ...actions, followUpAt: t0 + 20 * day },
    })
    expect(coaching.state).toMatchObject({ status: "improving", rounds: 2 })
  })

  it("② refuses a checklist that misses a planned skill, adds another, or scores one twice, naming the rows", () => {
    const coaching = drive(flow, "CO-2026-11")
    coaching.must(plan)
    const missing = coaching.send(
      observe([
        ["开场白", 4],
        ["需求确认", 2],
      ]),
    )
    expect(Result.isFailure(missing) && missing.failure).toMatchObject({
      issues: [{ path: ["checklist", "scores"], message: "结束语 is missing" }],
    })
    const other = coaching.send(
      observe([
        ["开场白", 4],
        ["需求确认", 2],
        ["结束语", 3],
        ["投诉处理", 3],
      ]),
    )
    expect(Result.isFailure(other) && other.failure).toMatchObject({
      issues: [{ path: ["checklist", "scores", 3, "skill"] }],
    })
    const twice = coaching.send(
      observe([
        ["开场白", 4],
        ["开场白", 2],
        ["结束语", 3],
      ]),
    )
    expect(Result.isFailure(twice) && twice.failure).toMatchObject({
      _tag: "ValidationError",
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["checklist", "scores", 1, "skill"] }),
      ]),
    })
    const outOfRange = coaching.send(
      observe([
        ["开场白", 6],
        ["需求确认", 2],
        ["结束语", 3],
      ]),
    )
    expect(Result.isFailure(outOfRange) && outOfRange.failure).toMatchObject({
      issues: [expect.objectContaining({ path: ["checklist", "scores", 0, "score"] })],
    })
    expect(coaching.state.status).toBe("planned")
  })

  it("④ refuses actions that skip a weak skill or a follow-up not after today", () => {
    const coaching = actionsDue()
    const none = coaching.send({
      type: "AgreeActions",
      at: t0 + 2 * day,
      coach,
      plan: { actions: [{ skill: "开场白", action: "x" }], followUpAt: t0 + 9 * day },
    })
    expect(Result.isFailure(none) && none.failure).toMatchObject({
      issues: [
        { path: ["plan", "actions", 0, "skill"] },
        { path: ["plan", "actions"], message: "需求确认 is missing" },
      ],
    })
    const past = coaching.send({
      type: "AgreeActions",
      at: t0 + 2 * day,
      coach,
      plan: { actions: [{ skill: "需求确认", action: "x" }], followUpAt: t0 + 2 * day },
    })
    expect(Result.isFailure(past) && past.failure).toMatchObject({
      issues: [{ path: ["plan", "followUpAt"] }],
    })
  })
})
