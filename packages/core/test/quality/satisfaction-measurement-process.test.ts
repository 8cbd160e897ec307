import { dayMillis, idempotencyKey, personId, Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"
import { surveyDefinition, surveyResponse } from "./survey-fixture.ts"

const t0 = Date.UTC(2026, 3, 1, 1, 0)
const owner = personId("supervisor-sun")
const name = "quality.satisfactionMeasurement"

/** A round planned for 2026 Q1 with a CSAT target of 80 % and an NPS target of −100 (always met). */
function planned() {
  const round = drive(Quality.satisfactionMeasurementProcess(), "M-2026Q1")
  round.must({
    type: "PlanMeasurement",
    at: t0,
    id: "M-2026Q1",
    definition: surveyDefinition,
    periodStart: "2026-01-01",
    periodEnd: "2026-03-31",
    targets: { csat: 0.8, nps: -100 },
    owner,
    reportDueAt: t0 + 10 * dayMillis,
  })
  return round
}

const answers = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => surveyResponse(from + index, t0 + index))

/** A round measured from `count` answers (forced when below the minimum). */
function measured(count = 40) {
  const round = planned()
  round.must({ type: "RecordResponses", at: t0 + dayMillis, responses: answers(count) })
  round.must({ type: "Measure", at: t0 + 2 * dayMillis, force: count < 30 })
  return round
}

/** ④ submits the report on day `day`; returns the key its approval waits under. */
function submitReport(round: ReturnType<typeof measured>, day: number, conclusions = "报告") {
  const [submitted] = round.must({ type: "SubmitReport", at: t0 + day * dayMillis, conclusions })
  return submitted!.type === "ReportSubmitted" ? submitted!.approvalKey : ""
}

describe("客户满意度测量工作流程 (002 6.13)", () => {
  it("① plan → ② record answers → ③ measure ◇ targets → ④ report ✓ approved → ⑤ published, targets missed warned", () => {
    const round = measured()
    expect(round.state.status).toBe("measured")
    const figures = round.state.figures
    expect(figures.map((figure) => figure.indicator)).toEqual(["csat", "nps", "satisfactionIndex", "rater"])
    const csat = figures.find((figure) => figure.indicator === "csat")!
    // overall answers run 1–5 evenly: 16 of 40 in the top two boxes
    expect(csat.estimate.value).toBeCloseTo(0.4)
    expect(csat).toMatchObject({ questionId: "overall", target: 0.8, met: false })
    expect(figures.find((figure) => figure.indicator === "nps")).toMatchObject({ target: -100, met: true })
    expect(figures.find((figure) => figure.indicator === "rater")!.met).toBeUndefined()
    const measuredEvent = round.events.find((event) => event.type === "Measured")!
    expect(measuredEvent.type === "Measured" && measuredEvent.figures).toEqual(figures)

    const [submitted] = round.must({
      type: "SubmitReport",
      at: t0 + 3 * dayMillis,
      conclusions: "满意率低于目标，等待时间为主要原因",
    })
    const approvalKey = idempotencyKey(name, "M-2026Q1", 3, "approval.submit")
    expect(submitted).toMatchObject({ type: "ReportSubmitted", approvalKey })
    const submission = round.effects.find((effect) => effect.kind === "approval.submit")!
    expect(submission).toMatchObject({
      key: approvalKey,
      submission: { formId: "quality.measurementReport" },
    })

    round.must({ type: "DecideApproval", at: t0 + 4 * dayMillis, approvalKey, outcome: "approved" })
    expect(round.state.status).toBe("published")
    const published = round.effects.at(-1)!
    expect(published.kind === "notify" && published.draft.severity).toBe("warning")
    expect(published.kind === "notify" && published.draft.body.en).toContain("targets missed")
    expect(published.kind === "notify" && published.draft.body.en).toContain("CSAT")
  })

  it("④ report ✓ rejected → back to ④ with the comment → resubmitted under a new key → approved", () => {
    const round = measured()
    const firstKey = submitReport(round, 3, "初稿")
    round.must({
      type: "DecideApproval",
      at: t0 + 4 * dayMillis,
      approvalKey: firstKey,
      outcome: "rejected",
      comment: "补充原因分析",
    })
    expect(round.state).toMatchObject({ status: "measured", returns: 1, approval: undefined })
    const notice = round.effects.at(-1)!
    expect(notice.kind === "notify" && notice.draft.body["zh-CN"]).toBe("M-2026Q1：补充原因分析")
    const secondKey = submitReport(round, 5, "补充了原因分析")
    expect(secondKey).not.toBe(firstKey)
    // the first decision delivered again is recognised, not refused and not applied
    expect(
      round.must({
        type: "DecideApproval",
        at: t0 + 6 * dayMillis,
        approvalKey: firstKey,
        outcome: "rejected",
      }),
    ).toEqual([])
    round.must({
      type: "DecideApproval",
      at: t0 + 6 * dayMillis,
      approvalKey: secondKey,
      outcome: "approved",
    })
    expect(round.state.status).toBe("published")
  })

  it("③ measure ◇ enough answers? no → refused unless forced, then marked indicative", () => {
    const round = planned()
    round.must({ type: "RecordResponses", at: t0 + dayMillis, responses: answers(10) })
    const refused = round.send({ type: "Measure", at: t0 + 2 * dayMillis })
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("PolicyRefusal")
    round.must({ type: "Measure", at: t0 + 2 * dayMillis, force: true })
    expect(round.state.belowMinimum).toBe(true)
    // an indicative figure above its target is not proven met
    expect(round.state.figures.find((figure) => figure.indicator === "nps")!.met).toBeUndefined()
    const notice = round.effects.at(-1)!
    expect(notice.kind === "notify" && notice.draft.severity).toBe("warning")
  })

  it("② record answers: a bad answer names its field, a respondent twice is refused, after ③ is the wrong step", () => {
    const round = planned()
    const bad = round.send({
      type: "RecordResponses",
      at: t0 + dayMillis,
      responses: [
        { ...surveyResponse(0, t0), answers: { ...(surveyResponse(0, t0).answers as object), overall: 9 } },
      ],
    })
    expect(Result.isFailure(bad) && bad.failure._tag).toBe("ValidationError")
    if (Result.isFailure(bad) && bad.failure._tag === "ValidationError")
      expect(bad.failure.issues[0]!.path).toContain("overall")
    const empty = round.send({ type: "RecordResponses", at: t0 + dayMillis, responses: [] })
    if (Result.isFailure(empty) && empty.failure._tag === "ValidationError")
      expect(empty.failure.issues[0]!.path).toEqual(["responses"])
    expect(Result.isFailure(empty) && empty.failure._tag).toBe("ValidationError")
    round.must({ type: "RecordResponses", at: t0 + dayMillis, responses: answers(35) })
    const twice = round.send({ type: "RecordResponses", at: t0 + dayMillis, responses: answers(1, 3) })
    expect(Result.isFailure(twice) && twice.failure._tag).toBe("PolicyRefusal")
    round.must({ type: "Measure", at: t0 + 2 * dayMillis })
    const late = round.send({ type: "RecordResponses", at: t0 + 3 * dayMillis, responses: answers(1, 90) })
    expect(Result.isFailure(late) && late.failure._tag).toBe("InvalidTransition")
  })

  it("① plan: a period ending before it starts is refused; a target off the scale names the field", () => {
    const round = drive(Quality.satisfactionMeasurementProcess(), "M-X")
    const plan = {
      type: "PlanMeasurement" as const,
      at: t0,
      id: "M-X",
      definition: surveyDefinition,
      periodStart: "2026-03-31",
      periodEnd: "2026-01-01",
      targets: {},
      owner,
      reportDueAt: t0 + dayMillis,
    }
    const backwards = round.send(plan)
    expect(Result.isFailure(backwards) && backwards.failure._tag).toBe("PolicyRefusal")
    const offScale = round.send({ ...plan, periodStart: "2026-01-01", targets: { nps: 120 } })
    expect(Result.isFailure(offScale) && offScale.failure._tag).toBe("ValidationError")
    if (Result.isFailure(offScale) && offScale.failure._tag === "ValidationError")
      expect(offScale.failure.issues[0]!.path).toEqual(["targets", "nps"])
  })

  it("timer: the report due and not in → the owner reminded once; none once the report is in", () => {
    const process = Quality.satisfactionMeasurementProcess()
    const round = measured()
    expect(process.deadlines(round.state)).toEqual([
      { key: "report-due", dueAt: t0 + 10 * dayMillis, command: { type: "RemindReport" } },
    ])
    round.must({ type: "RemindReport", at: t0 + 10 * dayMillis })
    expect(round.state.reportReminded).toBe(true)
    expect(round.effects.at(-1)).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    expect(process.deadlines(round.state)).toEqual([])
    expect(round.must({ type: "RemindReport", at: t0 + 11 * dayMillis })).toEqual([])
  })

  it("cancel while the report awaits ✓ → the approval withdrawn; a published round cannot be cancelled", () => {
    const round = measured()
    const approvalKey = submitReport(round, 3)
    round.must({
      type: "Cancel",
      at: t0 + 4 * dayMillis,
      actor: { personId: owner, role: "supervisor" },
      reason: "并入年度测量",
    })
    expect(round.state.status).toBe("cancelled")
    expect(round.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: approvalKey })

    const done = measured()
    const key = submitReport(done, 3)
    done.must({ type: "DecideApproval", at: t0 + 4 * dayMillis, approvalKey: key, outcome: "approved" })
    const late = done.send({
      type: "Cancel",
      at: t0 + 5 * dayMillis,
      actor: { personId: owner, role: "supervisor" },
      reason: "x",
    })
    expect(Result.isFailure(late) && late.failure._tag).toBe("InvalidTransition")
  })
})
