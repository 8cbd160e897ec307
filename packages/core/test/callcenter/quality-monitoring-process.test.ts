import { CallCenter, chinaMainlandCalendar, personId, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"
import { scoredSheet } from "./monitoring-fixtures.ts"

// Monday 2 March 2026, 09:00 in Shanghai (working hours 09:00–12:00, 13:00–18:00).
const t0 = Date.UTC(2026, 2, 2, 1, 0)
const hour = 3_600_000
const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString())
const agentId = personId("agent-07")
const qa = { personId: personId("qa-lin"), role: "officer" as const }
const lead = { personId: personId("lead-he"), role: "supervisor" as const }
const calendar = chinaMainlandCalendar()

function sampled() {
  const process = CallCenter.qualityMonitoringProcess({ calendar })
  const instance = drive(process, "QM-1")
  instance.must({
    type: "SampleCall",
    at: t0,
    monitoringId: "QM-2026-03/agent-07/1",
    callId: "SW-301",
    agent: agentId,
    evaluator: qa,
    mode: "recorded",
  })
  return { process, instance }
}

function scored(share: number, criticalErrors: ReadonlyArray<string> = []) {
  const opened = sampled()
  opened.instance.must({
    type: "ScoreCall",
    at: t0 + hour,
    evaluator: qa,
    sheet: scoredSheet("SW-301", qa.personId, share, criticalErrors),
    improvements: "结束前确认客户无其他需求",
  })
  return opened
}

describe("质量监控工作流程 (000 9.4.4)", () => {
  it("① draw → ② score on the scorecard ◇ 合格 yes → ④ feedback within a working day → closed", () => {
    const { process, instance } = scored(0.9)
    expect(instance.state.score).toMatchObject({ percent: 90, passed: true })
    // Scored Monday 10:00: feedback due one working day later, Tuesday 10:00; the evaluator is
    // reminded two working hours before, Monday 17:00.
    const ladder = instance.state.feedback!
    expect([iso(ladder.remindAt), iso(ladder.dueAt)]).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-03-03T02:00:00.000Z",
    ])
    expect(process.deadlines(instance.state).map((deadline) => deadline.key)).toEqual([
      "feedback:remind",
      "feedback:rung:1",
      "feedback:rung:2",
    ])
    expect(instance.effects.map((effect) => effect.kind)).toEqual([
      "host.task.create",
      "host.task.complete",
      "host.task.create",
    ])
    instance.must({ type: "GiveFeedback", at: t0 + 2 * hour, coach: qa, agentComment: "认同" })
    expect(instance.state.status).toBe("closed")
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "QM-2026-03/agent-07/1/feedback",
    })
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("② ◇ 合格 no (critical error) → ④ feedback late: reminded, team lead told → ⑤ 不合格上报 → plan overdue → manager told → plan recorded", () => {
    const { process, instance } = scored(1, ["forbiddenLanguage"])
    expect(instance.state.score).toMatchObject({
      percent: 0,
      passed: false,
      criticalErrors: ["forbiddenLanguage"],
    })
    const ladder = instance.state.feedback!
    instance.must({ type: "CheckFeedback", at: ladder.remindAt! })
    instance.must({ type: "CheckFeedback", at: ladder.rungs[0]!.at })
    expect(
      instance.effects.slice(-2).map((effect) => effect.kind === "notify" && effect.draft.recipients),
    ).toEqual([[{ person: "qa-lin" }], [{ role: "supervisor" }]])
    expect(process.deadlines(instance.state).map((deadline) => deadline.key)).toEqual(["feedback:rung:2"])

    const fedBack = ladder.rungs[0]!.at + hour
    instance.must({ type: "GiveFeedback", at: fedBack, coach: qa, actions: "服务用语专项辅导" })
    // The improvement plan is due three working days later.
    expect(instance.state.status).toBe("improving")
    expect(instance.state.improvementDueAt).toBe(calendar.addWorkingMinutes(fedBack, 3 * 480))
    expect(instance.effects.slice(-3)).toMatchObject([
      { kind: "host.task.complete" },
      { kind: "notify", draft: { recipients: [{ role: "supervisor" }], severity: "warning" } },
      {
        kind: "host.task.create",
        assignee: { role: "supervisor" },
        draft: { externalKey: "QM-2026-03/agent-07/1/improve", body: "服务用语专项辅导" },
      },
    ])
    expect(process.deadlines(instance.state)).toEqual([
      { key: "improvement", dueAt: instance.state.improvementDueAt, command: { type: "ImprovementOverdue" } },
    ])
    instance.must({ type: "ImprovementOverdue", at: instance.state.improvementDueAt! })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ role: "manager" }] },
    })
    expect(process.deadlines(instance.state)).toEqual([])
    instance.must({
      type: "RecordImprovementPlan",
      at: instance.state.improvementDueAt! + hour,
      supervisor: lead,
      plan: "两周内旁听辅导三次，下月加抽两通",
      monitorAgain: true,
    })
    expect(instance.state).toMatchObject({ status: "closed", monitorAgain: true })
  })

  it("② score disputed → ③ calibration: the lead's sheet becomes the score, an evaluator out of tolerance reported → ④ feedback → closed", () => {
    const { process, instance } = scored(0.7)
    expect(instance.state.score?.passed).toBe(false)
    const refused = instance.send({ type: "DisputeScore", at: t0 + 2 * hour, agent: qa, reason: "评分偏低" })
    expect(Result.isFailure(refused)).toBe(true)
    instance.must({
      type: "DisputeScore",
      at: t0 + 2 * hour,
      agent: { personId: agentId, role: "officer" },
      reason: "已按流程转交，问题处理项不应扣分",
    })
    expect(instance.state.status).toBe("calibrating")
    expect(process.deadlines(instance.state)).toEqual([])

    const calibratedAt = t0 + 5 * hour
    instance.must({
      type: "RecordCalibration",
      at: calibratedAt,
      lead,
      sheets: [
        scoredSheet("SW-301", lead.personId, 0.85),
        scoredSheet("SW-301", personId("qa-zhou"), 0.83),
        scoredSheet("SW-301", qa.personId, 0.7),
      ],
      agreedStandard: "按流程转交即得满分",
    })
    expect(instance.state).toMatchObject({
      status: "scored",
      score: { percent: 85, passed: true, evaluatorId: "lead-he" },
    })
    expect(instance.state.calibration).toMatchObject({ referencePercent: 85, calibrated: false })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { title: { en: "Evaluators out of calibration" }, body: { en: "Call SW-301: qa-lin -15.0" } },
    })
    // The feedback clock starts again from the calibration.
    expect(instance.state.feedback!.dueAt).toBe(calendar.addWorkingMinutes(calibratedAt, 480))
    const again = instance.send({
      type: "DisputeScore",
      at: calibratedAt,
      agent: { personId: agentId, role: "officer" },
      reason: "仍不认同",
    })
    expect(Result.isFailure(again) && again.failure).toMatchObject({ reason: "a calibrated score is final" })
    instance.must({ type: "GiveFeedback", at: calibratedAt + hour, coach: lead })
    expect(instance.state.status).toBe("closed")
  })

  it("refuses a sheet for another call, a line out of range and a calibration without the lead's sheet, naming the field", () => {
    const { instance } = sampled()
    const other = instance.send({
      type: "ScoreCall",
      at: t0,
      evaluator: qa,
      sheet: scoredSheet("SW-999", qa.personId, 1),
    })
    expect(Result.isFailure(other) && other.failure).toMatchObject({
      _tag: "InvalidTransition",
      command: "ScoreCall",
    })
    const tooMany = scoredSheet("SW-301", qa.personId, 1)
    tooMany.lines[0] = { ...tooMany.lines[0]!, points: 50 }
    const outOfRange = instance.send({ type: "ScoreCall", at: t0, evaluator: qa, sheet: tooMany })
    expect(
      Result.isFailure(outOfRange) &&
        outOfRange.failure._tag === "ValidationError" &&
        outOfRange.failure.issues[0]!.path,
    ).toEqual(["sheet", "lines", 0, "points"])
    instance.must({
      type: "ScoreCall",
      at: t0 + hour,
      evaluator: qa,
      sheet: scoredSheet("SW-301", qa.personId, 0.5),
    })
    instance.must({
      type: "DisputeScore",
      at: t0 + 2 * hour,
      agent: { personId: agentId, role: "officer" },
      reason: "偏低",
    })
    const leaderless = instance.send({
      type: "RecordCalibration",
      at: t0 + 3 * hour,
      lead,
      sheets: [scoredSheet("SW-301", qa.personId, 0.5), scoredSheet("SW-301", personId("qa-zhou"), 0.6)],
    })
    expect(
      Result.isFailure(leaderless) &&
        leaderless.failure._tag === "ValidationError" &&
        leaderless.failure.issues[0]!.path,
    ).toEqual(["sheets", "referenceEvaluatorId"])
    expect(instance.state.status).toBe("calibrating")
  })

  it("is dropped before scoring (the recording was lost); a late timer changes nothing", () => {
    const { process, instance } = sampled()
    instance.must({ type: "Cancel", at: t0 + hour, actor: lead, reason: "录音丢失" })
    expect(instance.state.status).toBe("cancelled")
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.must({ type: "CheckFeedback", at: t0 + 30 * hour })).toEqual([])
  })
})

describe("① 抽取呼叫: sampleCallsForMonitoring", () => {
  const call = (id: string, agent: string, offeredMinute: number, talkSeconds: number) => ({
    id,
    direction: "inbound" as const,
    agentId: agent,
    offeredAt: t0 + offeredMinute * 60_000,
    answeredAt: t0 + offeredMinute * 60_000 + 5_000,
    endedAt: t0 + offeredMinute * 60_000 + 5_000 + talkSeconds * 1000,
  })
  const calls = [
    ...Array.from({ length: 10 }, (_, index) => call(`A-${index}`, "agent-07", index, 120)),
    ...Array.from({ length: 3 }, (_, index) => call(`B-${index}`, "agent-12", index, 120)),
    call("B-short", "agent-12", 5, 10),
    { id: "lost", direction: "inbound" as const, offeredAt: t0, endedAt: t0 + 30_000 },
  ]

  it("draws the same number of calls per agent, with enough talk, the same again for the same seed", () => {
    const sample = CallCenter.sampleCallsForMonitoring(calls, { callsPerAgent: 4, seed: "2026-03" })
    const ids = sample.map((drawn) => drawn.id)
    expect(ids.filter((id) => id.startsWith("A-"))).toHaveLength(4)
    // agent-12 has three calls with enough talk: all three, the 10-second one left out.
    expect(ids.filter((id) => id.startsWith("B-")).sort()).toEqual(["B-0", "B-1", "B-2"])
    expect(CallCenter.sampleCallsForMonitoring(calls, { callsPerAgent: 4, seed: "2026-03" })).toEqual(sample)
    const another = CallCenter.sampleCallsForMonitoring(calls, { callsPerAgent: 4, seed: "2026-04" })
    expect(another.map((drawn) => drawn.id)).not.toEqual(ids)
  })

  it("refuses a bad draw naming the option", () => {
    expect(() => CallCenter.sampleCallsForMonitoring(calls, { callsPerAgent: 0, seed: "x" })).toThrow(
      /callsPerAgent/,
    )
  })
})
