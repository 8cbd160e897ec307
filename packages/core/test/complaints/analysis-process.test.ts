import {
  Complaints,
  type CreateTaskRequest,
  type EffectRequest,
  idempotencyKey,
  personId,
  replay,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"
import { at, calendar, cny, manager, officer, supervisor } from "./fixtures.ts"

const process = Complaints.complaintAnalysisProcess({ calendar })
const production = { personId: personId("production-lin"), role: "supervisor" } as const

/** March 2026's complaints, worked out by hand below; the April one is outside the period. */
const complaints = [
  complaint("C1", "2026-03-02", "quality", "serious", "remedied", "1000", [["production", 100]]),
  complaint("C2", "2026-03-09", "quality", "serious", "remedied", "500", [
    ["production", 60],
    ["qa", 40],
  ]),
  complaint("C3", "2026-03-16", "quality", "serious", undefined, "0", [["production", 100]]),
  complaint("C4", "2026-03-20", "deliveryDate", "negligence", "explained", "200", [["logistics", 100]]),
  complaint("C5", "2026-03-25", "attitude", "occasional", "withdrawn", "0", []),
  complaint("C6", "2026-03-31", "service", undefined, "remedied", "0", []),
  complaint("C7", "2026-04-01", "quality", "serious", "remedied", "900", [["production", 100]]),
]

function complaint(
  complaintId: string,
  receivedOn: string,
  category: string,
  cause: string | undefined,
  outcome: string | undefined,
  loss: string,
  shares: ReadonlyArray<readonly [string, number]>,
) {
  return {
    complaintId,
    receivedOn,
    category,
    ...(cause === undefined ? {} : { cause }),
    ...(outcome === undefined ? {} : { outcome }),
    loss: cny(loss),
    responsibility: shares.map(([departmentId, sharePercent]) => ({ departmentId, sharePercent })),
  } as unknown as Complaints.AnalysedComplaint
}

const compile = {
  type: "CompileStatistics",
  at: at("2026-04-01", "10:00"),
  analysisId: "CA-2026-03",
  analyst: officer,
  from: "2026-03-01",
  to: "2026-03-31",
  complaints,
} as never as Complaints.ComplaintAnalysisCommand

const measures = [
  {
    measureId: "M1",
    cause: "quality/serious",
    departmentId: "production",
    area: "processing",
    action: "首件检验加严，关键工序增加巡检",
    owner: production.personId,
    workingDays: 2,
  },
  {
    measureId: "M2",
    cause: "attitude/occasional",
    departmentId: "service",
    area: "service",
    action: "客服礼仪培训",
    workingDays: 5,
  },
] as never

const approvalAt = at("2026-04-13", "09:00")

/** ① → ② → ③ → ④: the measures wait for the manager's approval. */
function proposed() {
  const instance = drive(process, "CA-2026-03")
  instance.must(compile)
  instance.must({
    type: "AnalyseCauses",
    at: at("2026-04-02", "10:00"),
    analyst: officer,
    mainProblems: "批量质量问题",
  })
  instance.must({
    type: "AssignDepartments",
    at: at("2026-04-03", "10:00"),
    supervisor,
    assignments: [
      { cause: "quality/serious", departmentId: "production" },
      { cause: "attitude/occasional", departmentId: "service" },
    ] as never,
  })
  instance.must({ type: "ProposeMeasures", at: at("2026-04-08", "10:00"), proposer: supervisor, measures })
  return instance
}

const approvalKeyAt = (sequence: number) =>
  idempotencyKey("complaint.analysis", "CA-2026-03", sequence, "approval.submit")

const decide = (outcome: "approved" | "rejected", approvalKey: string, when = approvalAt) =>
  ({ type: "DecideApproval", at: when, approvalKey, outcome, decidedBy: manager.personId }) as const

/** ① → ④ ✓ approved: the measures are followed up. */
function following() {
  const instance = proposed()
  instance.must(decide("approved", approvalKeyAt(3)))
  return instance
}

const done = (measureId: string, when: number) =>
  ({ type: "ReportMeasureDone", at: when, measureId, reporter: production, result: "已落实" }) as const

const tasks = (effects: ReadonlyArray<EffectRequest>) =>
  effects.filter((effect): effect is CreateTaskRequest => effect.kind === "host.task.create")

const refusalOf = (result: Result.Result<unknown, unknown>) =>
  Result.isFailure(result) ? (result.failure as { reason?: string; _tag: string }) : undefined

describe("客户投诉分析流程: ① statistics → ② Pareto → ③ departments → ④ measures ✓ → ⑤ follow-up → ◇ effective? → closed", () => {
  it("① compiles the period's figures from the complaints the command carries, leaving out other periods", () => {
    const instance = drive(process, "CA-2026-03")
    instance.must(compile)
    const figures = instance.state.figures!
    expect(instance.state.status).toBe("causes")
    expect([figures.total, figures.resolved, figures.qualityCount, figures.period.days]).toEqual([
      6, 4, 3, 31,
    ])
    expect(figures.dailyAverage).toBeCloseTo(6 / 31)
    expect(figures.loss).toEqual(cny("1700"))
    // quality/serious 3 of 5 investigated; the tie of 1 and 1 is broken by key.
    expect(figures.causePareto.map((row) => [row.key, row.count, row.class])).toEqual([
      ["quality/serious", 3, "A"],
      ["attitude/occasional", 1, "A"],
      ["deliveryDate/negligence", 1, "B"],
    ])
    // Production bears C1, 60 % of C2 and C3: 2.6 complaints and ¥1,300 of the loss.
    expect(figures.byDepartment).toEqual([
      { departmentId: "production", cases: 3, weightedCases: 2.6, loss: cny("1300") },
      { departmentId: "logistics", cases: 1, weightedCases: 1, loss: cny("200") },
      { departmentId: "qa", cases: 1, weightedCases: 0.4, loss: cny("200") },
    ])
    expect(tasks(instance.effects)).toEqual([
      expect.objectContaining({ assignee: { person: officer.personId } }),
    ])
  })

  it("② takes the Pareto's class A as the vital causes when none are named, ③ gives each department a task", () => {
    const instance = proposed()
    expect(instance.state.vitalCauses).toEqual(["quality/serious", "attitude/occasional"])
    expect(instance.state.mainProblems).toBe("批量质量问题")
    expect(tasks(instance.effects).map((task) => [task.assignee, task.draft.externalKey])).toEqual([
      [{ person: officer.personId }, "CA-2026-03/causes"],
      [{ role: "supervisor" }, "CA-2026-03/departments"],
      [{ role: "supervisor", departmentId: "production" }, "CA-2026-03/propose/production"],
      [{ role: "supervisor", departmentId: "service" }, "CA-2026-03/propose/service"],
    ])
  })

  it("④ submits the measures for the manager's approval (✓) on 客户投诉总结表, which the form accepts", () => {
    const instance = proposed()
    expect(instance.state.status).toBe("awaitingApproval")
    expect(instance.state.approval?.key).toBe(approvalKeyAt(3))
    const submit = instance.effects.find((effect) => effect.kind === "approval.submit")
    if (submit?.kind !== "approval.submit") throw new Error("no approval submitted")
    expect(submit.key).toBe(approvalKeyAt(3))
    expect(submit.submission.formId).toBe(Complaints.summaryForm.id)
    expect(submit.submission.steps).toEqual([{ mode: "any", approvers: [{ role: "manager" }] }])
    expect(submit.submission.values).toMatchObject({
      complaintCount: 6,
      resolvedCount: 4,
      resolvedPercent: 66.7,
      qualityCount: 3,
      mainQualityProblems: "批量质量问题",
      processing: "production：首件检验加严，关键工序增加巡检（2个工作日）",
      countermeasures: "service：客服礼仪培训（5个工作日）",
    })
    expect(Result.isSuccess(Complaints.summaryForm.parse(submit.submission.values))).toBe(true)
  })

  it("✓ approved → ⑤ each measure a task due in its working days → all done → ◇ effective? yes → closed", () => {
    const instance = following()
    expect(instance.state.status).toBe("following")
    const [m1, m2] = instance.state.measures
    // Two working days from Monday 13 April 09:00 end Tuesday 18:00; five end Friday 17th.
    expect(m1!.ladder?.dueAt).toBe(at("2026-04-14", "18:00"))
    expect(m2!.ladder?.dueAt).toBe(at("2026-04-17", "18:00"))
    expect(
      tasks(instance.effects)
        .slice(-2)
        .map((task) => [task.assignee, task.draft.dueAt]),
    ).toEqual([
      [{ person: production.personId }, at("2026-04-14", "18:00")],
      [{ role: "supervisor", departmentId: "service" }, at("2026-04-17", "18:00")],
    ])

    instance.must(done("M1", at("2026-04-14", "11:00")))
    expect(instance.state.status).toBe("following")
    instance.must(done("M2", at("2026-04-16", "11:00")))
    expect(instance.state.status).toBe("verifying")
    expect(instance.effects.filter((effect) => effect.kind === "host.task.complete")).toEqual([
      expect.objectContaining({ taskKey: "CA-2026-03/measure/M1" }),
      expect.objectContaining({ taskKey: "CA-2026-03/measure/M2" }),
    ])
    expect(tasks(instance.effects).at(-1)?.draft.externalKey).toBe("CA-2026-03/verify/0")
    expect(process.deadlines(instance.state)).toEqual([])

    instance.must({
      type: "VerifyEffectiveness",
      at: at("2026-05-06", "10:00"),
      verifier: supervisor,
      effective: true,
      findings: "四月质量投诉降至一起",
    })
    expect(instance.state.status).toBe("closed")
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ role: "manager" }, { person: officer.personId }] },
    })
  })

  it("✓ rejected → back to ④ → resubmitted under a new key → approved", () => {
    const instance = proposed()
    instance.must(decide("rejected", approvalKeyAt(3)))
    expect(instance.state.status).toBe("proposing")
    expect(instance.state.approval).toBeUndefined()
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: supervisor.personId }] },
    })
    instance.must({ type: "ProposeMeasures", at: at("2026-04-09", "10:00"), proposer: supervisor, measures })
    expect(instance.state.approval?.key).toBe(approvalKeyAt(5))
    // The first approval's decision delivered again changes nothing; a contrary one is refused.
    expect(instance.send(decide("rejected", approvalKeyAt(3)))).toEqual(Result.succeed([]))
    expect(refusalOf(instance.send(decide("approved", approvalKeyAt(3))))?.reason).toBe(
      `approval ${approvalKeyAt(3)} was already rejected or withdrawn, not approved`,
    )
    instance.must(decide("approved", approvalKeyAt(5)))
    expect(instance.state.status).toBe("following")
  })

  it("◇ effective? no → ④ further measures → ✓ → ⑤ → ◇ yes → closed, counting the rounds", () => {
    const instance = following()
    instance.must(done("M1", at("2026-04-14", "11:00")))
    instance.must(done("M2", at("2026-04-14", "12:00")))
    instance.must({
      type: "VerifyEffectiveness",
      at: at("2026-05-06", "10:00"),
      verifier: supervisor,
      effective: false,
      findings: "质量投诉未减少",
    })
    expect([instance.state.status, instance.state.rounds]).toEqual(["proposing", 1])
    expect(
      tasks(instance.effects)
        .slice(-2)
        .map((task) => task.draft.externalKey),
    ).toEqual(["CA-2026-03/propose/production/1", "CA-2026-03/propose/service/1"])
    instance.must({ type: "ProposeMeasures", at: at("2026-05-07", "10:00"), proposer: supervisor, measures })
    instance.must(decide("approved", instance.state.approval!.key, at("2026-05-08", "09:00")))
    expect(instance.state.measures.every((measure) => measure.completedAt === undefined)).toBe(true)
    instance.must(done("M1", at("2026-05-08", "11:00")))
    instance.must(done("M2", at("2026-05-08", "12:00")))
    expect(tasks(instance.effects).at(-1)?.draft.externalKey).toBe("CA-2026-03/verify/1")
    instance.must({
      type: "VerifyEffectiveness",
      at: at("2026-06-03", "10:00"),
      verifier: supervisor,
      effective: true,
      findings: "有效",
    })
    expect(instance.state.status).toBe("closed")
  })

  it("① a period with no investigated cause → closed at once, with nothing to improve", () => {
    const instance = drive(process, "CA-2026-02")
    instance.must({
      ...compile,
      analysisId: "CA-2026-02",
      from: "2026-02-01",
      to: "2026-02-28",
    } as Complaints.ComplaintAnalysisCommand)
    expect([instance.state.status, instance.state.figures?.total, instance.effects]).toEqual([
      "closed",
      0,
      [],
    ])
  })
})

describe("客户投诉分析流程 ⑤: measure follow-up in working time", () => {
  it("reminds a working day before the due date, escalates to the supervisor at it and to the manager two working days later", () => {
    const instance = following()
    const keys = process.deadlines(instance.state).map((deadline) => [deadline.key, deadline.dueAt])
    expect(keys.slice(0, 4)).toEqual([
      ["measure:M1:remind", at("2026-04-13", "18:00")],
      ["measure:M1:rung:1", at("2026-04-14", "18:00")],
      ["measure:M1:rung:2", at("2026-04-16", "18:00")],
      ["measure:M1:rung:3", at("2026-04-21", "18:00")],
    ])
    instance.must({ type: "FollowUpMeasures", at: at("2026-04-13", "18:00") })
    expect(instance.events.at(-1)).toMatchObject({ type: "MeasureReminded", measureId: "M1" })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: production.personId }], severity: "info" },
    })
    // A timer delivered late decides every mark due by then, once.
    const late = instance.must({ type: "FollowUpMeasures", at: at("2026-04-16", "18:00") })
    expect(late.map((event) => [event.type, "level" in event ? event.level : undefined])).toEqual([
      ["MeasureEscalated", 1],
      ["MeasureEscalated", 2],
      ["MeasureReminded", undefined],
    ])
    expect(instance.effects.at(-2)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ role: "manager" }], severity: "urgent" },
    })
    expect(instance.send({ type: "FollowUpMeasures", at: at("2026-04-16", "18:00") })).toEqual(
      Result.succeed([]),
    )
    instance.must(done("M1", at("2026-04-17", "09:00")))
    expect(
      process.deadlines(instance.state).every((deadline) => deadline.key.startsWith("measure:M2:")),
    ).toBe(true)
  })

  it("keeps each measure's ladder in the event, so replay under another policy and calendar gives the same state", () => {
    const instance = following()
    const stricter = Complaints.complaintAnalysisProcess({
      calendar,
      policy: { ...Complaints.defaultComplaintAnalysisPolicy, version: "2027.1", maximumWorkingDays: 1 },
    })
    expect(replay(stricter, instance.events)).toEqual(instance.state)
    expect(instance.state.policyVersion).toBe("handbook-2026.1")
  })
})

describe("客户投诉分析流程: refusals", () => {
  it("refuses a step out of the chart's order, naming flow, instance, status and command", () => {
    const instance = drive(process, "CA-2026-03")
    instance.must(compile)
    expect(
      refusalOf(
        instance.send({
          type: "ProposeMeasures",
          at: at("2026-04-02", "10:00"),
          proposer: supervisor,
          measures,
        }),
      ),
    ).toMatchObject({
      _tag: "InvalidTransition",
      process: "complaint.analysis",
      instanceId: "CA-2026-03",
      state: "causes",
      command: "ProposeMeasures",
    })
    expect(refusalOf(instance.send(compile))?.reason).toBe("the analysis was already started")
  })

  it("refuses bad input with a ValidationError naming the field", () => {
    const instance = drive(process, "CA-2026-03")
    instance.must(compile)
    const bad = instance.send({
      type: "AnalyseCauses",
      at: at("2026-04-02", "10:00"),
      analyst: officer,
      vitalCauses: ["quality/bogus"],
      mainProblems: "x",
    } as never)
    expect(refusalOf(bad)?._tag).toBe("ValidationError")
    if (Result.isFailure(bad) && bad.failure._tag === "ValidationError")
      expect(bad.failure.issues[0]!.path).toEqual(["vitalCauses", 0])
    const impossibleDate = drive(process, "x").send({
      ...compile,
      complaints: [{ ...complaints[0]!, receivedOn: "2026-02-30" }],
    } as never)
    if (Result.isFailure(impossibleDate) && impossibleDate.failure._tag === "ValidationError")
      expect(impossibleDate.failure.issues[0]!.path).toEqual(["complaints", 0, "receivedOn"])
    else throw new Error("an impossible date must be refused")
  })

  it("refuses a period ending before it starts and losses in another currency", () => {
    const instance = drive(process, "CA-2026-03")
    expect(
      refusalOf(instance.send({ ...compile, from: "2026-04-01", to: "2026-03-01" } as never))?.reason,
    ).toBe("the period ends before it starts")
    const dollars = { ...complaints[0]!, loss: { minor: 100, currency: "USD" } }
    expect(refusalOf(instance.send({ ...compile, complaints: [dollars] } as never))?.reason).toBe(
      "complaint C1: losses must be in CNY",
    )
  })

  it("② refuses a cause outside the Pareto, ③ a vital cause without a department, ④ a measure off the assignments", () => {
    const instance = drive(process, "CA-2026-03")
    instance.must(compile)
    const when = at("2026-04-02", "10:00")
    expect(
      refusalOf(
        instance.send({
          type: "AnalyseCauses",
          at: when,
          analyst: officer,
          vitalCauses: ["quantity/serious"],
          mainProblems: "x",
        } as never),
      )?.reason,
    ).toBe("no complaint of the period has the cause quantity/serious")
    instance.must({
      type: "AnalyseCauses",
      at: when,
      analyst: officer,
      vitalCauses: ["quality/serious", "deliveryDate/negligence"],
      mainProblems: "x",
    } as never)
    const only = [{ cause: "quality/serious", departmentId: "production" }] as never
    expect(
      refusalOf(instance.send({ type: "AssignDepartments", at: when, supervisor, assignments: only }))
        ?.reason,
    ).toBe("no department is responsible for deliveryDate/negligence")
    instance.must({
      type: "AssignDepartments",
      at: when,
      supervisor,
      assignments: [
        { cause: "quality/serious", departmentId: "production" },
        { cause: "deliveryDate/negligence", departmentId: "logistics" },
      ] as never,
    })
    expect(
      refusalOf(instance.send({ type: "ProposeMeasures", at: when, proposer: supervisor, measures }))?.reason,
    ).toBe("measure M2: service was not named responsible for attitude/occasional")
    const [m1] = measures as ReadonlyArray<object>
    const tooLong = [
      { ...m1, workingDays: 61 },
      { ...m1, measureId: "M3", cause: "deliveryDate/negligence", departmentId: "logistics" },
    ]
    expect(
      refusalOf(
        instance.send({
          type: "ProposeMeasures",
          at: when,
          proposer: supervisor,
          measures: tooLong as never,
        }),
      )?.reason,
    ).toBe("measure M1: at most 60 working days")
    expect(
      refusalOf(
        instance.send({ type: "ProposeMeasures", at: when, proposer: supervisor, measures: [m1] as never }),
      )?.reason,
    ).toBe("no measure addresses deliveryDate/negligence")
  })

  it("⑤ refuses an unknown measure and one reported twice; ◇ waits until every measure is done", () => {
    const instance = following()
    expect(refusalOf(instance.send(done("M9", at("2026-04-14", "11:00"))))?.reason).toBe(
      "no measure M9 in this analysis",
    )
    instance.must(done("M1", at("2026-04-14", "11:00")))
    expect(refusalOf(instance.send(done("M1", at("2026-04-14", "12:00"))))?.reason).toBe(
      "measure M1 was already reported done",
    )
    const verify = {
      type: "VerifyEffectiveness",
      at: at("2026-04-15", "10:00"),
      verifier: supervisor,
      effective: true,
      findings: "x",
    } as const
    expect(refusalOf(instance.send(verify))?.reason).toBe(
      "the effect is verified once every measure is carried out",
    )
  })
})

describe("客户投诉分析流程: cancellation", () => {
  it("withdraws the approval waited on, and refuses once the analysis is closed", () => {
    const instance = proposed()
    instance.must({ type: "Cancel", at: at("2026-04-09", "10:00"), actor: manager, reason: "期间重复" })
    expect(instance.state.status).toBe("cancelled")
    expect(instance.effects.at(-1)).toEqual({
      kind: "approval.withdraw",
      key: idempotencyKey("complaint.analysis", "CA-2026-03", 4, "approval.withdraw"),
      submissionKey: approvalKeyAt(3),
      reason: "期间重复",
    })
    const february = drive(process, "CA-2026-02")
    february.must({ ...compile, analysisId: "CA-2026-02", from: "2026-02-01", to: "2026-02-28" } as never)
    expect(
      refusalOf(february.send({ type: "Cancel", at: at("2026-03-02", "10:00"), actor: manager, reason: "x" }))
        ?.reason,
    ).toBe("only an open analysis can be cancelled")
  })
})
