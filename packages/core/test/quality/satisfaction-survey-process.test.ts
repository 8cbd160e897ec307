import { dayMillis, handle, personId, Quality, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { surveyDefinition, surveyResponse } from "./survey-fixture.ts"

const flow = Quality.satisfactionSurveyProcess()
type State = Quality.SurveyState
type Command = Quality.SurveyCommand
type Event = Quality.SurveyEvent

const t0 = Date.UTC(2026, 0, 5, 1, 0)
const owner = personId("supervisor-sun")
const plan: Quality.SurveyPlan = {
  objective: "了解客户对客服热线的满意程度",
  population: "近三个月联系过热线的客户",
  sampleSize: 200,
  channels: ["sms", "phone"],
  fieldworkStart: t0 + dayMillis,
  owner,
}

function drive(commands: ReadonlyArray<Command>, from: State = flow.initialState) {
  let state = from
  const events: Array<Event> = []
  for (const command of commands) {
    const outcome = handle(flow, state, command)
    if (Result.isFailure(outcome)) throw new Error(`${command.type} refused: ${outcome.failure.message}`)
    events.push(...outcome.success.events)
    state = outcome.success.state
  }
  return { state, events }
}

const draftAndApprove: ReadonlyArray<Command> = [
  { type: "DraftPlan", at: t0, id: "CSAT-2026Q1", definition: surveyDefinition, plan },
  { type: "SubmitPlan", at: t0 + 1000 },
  { type: "DecideApproval", at: t0 + 3_600_000, approval: "plan", outcome: "approved" },
  { type: "Send", at: t0 + dayMillis, invited: 400 },
]
const responses = (count: number): ReadonlyArray<Command> =>
  Array.from({ length: count }, (_, index) => ({
    type: "RecordResponse",
    at: t0 + dayMillis + index,
    response: surveyResponse(index, t0 + dayMillis + index),
  }))

describe("客户满意度调查流程 (004 ch.4 §11)", () => {
  it("满意度调查: plan ✓ → send → collect → evaluate → improvement plan ✓ → implement → follow up", () => {
    const evaluated = drive([
      ...draftAndApprove,
      ...responses(40),
      { type: "CloseCollection", at: t0 + 15 * dayMillis },
      { type: "Evaluate", at: t0 + 16 * dayMillis },
    ])
    expect(evaluated.state.status).toBe("evaluated")
    expect(evaluated.state.results!.responses).toBe(40)
    expect(evaluated.state.belowMinimum).toBe(false)
    const improved = drive(
      [
        {
          type: "ProposeImprovementPlan",
          at: t0 + 17 * dayMillis,
          findings: "等待时间过长，回电不及时",
          actions: [
            { id: "A1", action: "高峰时段增加坐席", owner, dueAt: t0 + 40 * dayMillis },
            {
              id: "A2",
              action: "投诉 24 小时内回电",
              owner: personId("officer-wu"),
              dueAt: t0 + 30 * dayMillis,
            },
          ],
        },
        { type: "DecideApproval", at: t0 + 18 * dayMillis, approval: "improvementPlan", outcome: "approved" },
        { type: "CompleteAction", at: t0 + 25 * dayMillis, actionId: "A2", note: "已上线回电提醒" },
        { type: "CompleteAction", at: t0 + 35 * dayMillis, actionId: "A1", note: "新增 6 个坐席" },
        { type: "FollowUp", at: t0 + 50 * dayMillis, summary: "复测 CSAT 提升 8 个百分点", effective: true },
      ],
      evaluated.state,
    )
    expect(improved.state.status).toBe("closed")
    expect(flow.isFinished(improved.state)).toBe(true)
    expect(replay(flow, [...evaluated.events, ...improved.events])).toEqual(improved.state)
  })

  it("opens the approvals as the handbook's 审核 and 审批 steps, with stable idempotency keys", () => {
    const submitted = drive(draftAndApprove.slice(0, 2))
    const [request] = flow.effects(submitted.state, submitted.events[1]!, {
      instanceId: "CSAT-2026Q1",
      sequence: 1,
    })
    expect(request).toMatchObject({
      kind: "approval.submit",
      key: "quality.satisfactionSurvey/CSAT-2026Q1/1/approval.submit",
      submission: {
        requestType: "quality.survey.plan",
        formId: "quality.surveyPlan",
        businessKey: "CSAT-2026Q1",
        steps: [{ mode: "all", approvers: [{ role: "manager" }] }],
      },
    })
    expect(Quality.surveyPlanForm.id).toBe("quality.surveyPlan")
  })

  it("满意度调查: a rejected plan goes back to drafting and may be submitted again", () => {
    const { state } = drive([
      ...draftAndApprove.slice(0, 2),
      { type: "DecideApproval", at: t0 + 2000, approval: "plan", outcome: "rejected", comment: "样本量不足" },
    ])
    expect(state.status).toBe("drafted")
    expect(state.rejections).toEqual([{ stage: "plan", comment: "样本量不足", at: t0 + 2000 }])
    const again = drive(
      [
        {
          type: "DraftPlan",
          at: t0 + 3000,
          id: "CSAT-2026Q1",
          definition: surveyDefinition,
          plan: { ...plan, sampleSize: 400 },
        },
        { type: "SubmitPlan", at: t0 + 4000 },
      ],
      state,
    )
    expect(again.state.status).toBe("planSubmitted")
    expect(again.state.plan!.sampleSize).toBe(400)
  })

  it("closes collection when fieldwork ends, and ignores the timer after a manual close", () => {
    const collecting = drive([...draftAndApprove, ...responses(3)])
    const [deadline] = flow.deadlines(collecting.state)
    expect(deadline).toEqual({
      key: "fieldwork-end",
      dueAt: plan.fieldworkStart + 14 * dayMillis,
      command: { type: "CloseCollection" },
    })
    const closed = drive([{ type: "CloseCollection", at: deadline!.dueAt }], collecting.state)
    expect(closed.state.status).toBe("collected")
    expect(drive([{ type: "CloseCollection", at: deadline!.dueAt + 1 }], closed.state).events).toEqual([])
  })

  it("refuses a second answer from the same customer and answers that do not fit the questionnaire", () => {
    const collecting = drive([...draftAndApprove, ...responses(1)])
    const duplicate = handle(flow, collecting.state, {
      type: "RecordResponse",
      at: t0,
      response: surveyResponse(0, t0),
    })
    expect(Result.isFailure(duplicate) && duplicate.failure._tag).toBe("PolicyRefusal")
    const bad = handle(flow, collecting.state, {
      type: "RecordResponse",
      at: t0,
      response: { ...surveyResponse(7, t0), answers: { overall: 9 } },
    })
    expect(Result.isFailure(bad) && bad.failure._tag).toBe("ValidationError")
  })

  it("refuses to evaluate a handful of answers unless forced, and then marks the results", () => {
    const collected = drive([
      ...draftAndApprove,
      ...responses(9),
      { type: "CloseCollection", at: t0 + 15 * dayMillis },
    ])
    const refused = handle(flow, collected.state, { type: "Evaluate", at: t0 + 16 * dayMillis })
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("PolicyRefusal")
    const forced = drive([{ type: "Evaluate", at: t0 + 16 * dayMillis, force: true }], collected.state)
    expect(forced.state.belowMinimum).toBe(true)
    expect(forced.state.results!.csat[0]!.result.csat.sufficientSample).toBe(false)
    const [notice] = flow.effects(forced.state, forced.events[0]!, {
      instanceId: "CSAT-2026Q1",
      sequence: 20,
    })
    expect(notice).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    if (notice?.kind === "notify") expect(notice.draft.body["zh-CN"]).toContain("样本不足")
  })

  it("creates a task per improvement action, warns when one is overdue, and refuses to follow up with actions open", () => {
    const implementing = drive([
      ...draftAndApprove,
      ...responses(30),
      { type: "CloseCollection", at: t0 + 15 * dayMillis },
      { type: "Evaluate", at: t0 + 16 * dayMillis },
      {
        type: "ProposeImprovementPlan",
        at: t0 + 17 * dayMillis,
        findings: "回电慢",
        actions: [{ id: "A1", action: "24 小时回电", owner, dueAt: t0 + 20 * dayMillis }],
      },
      { type: "DecideApproval", at: t0 + 18 * dayMillis, approval: "improvementPlan", outcome: "approved" },
    ])
    const approved = implementing.events.at(-1)!
    const tasks = flow.effects(implementing.state, approved, { instanceId: "CSAT-2026Q1", sequence: 50 })
    expect(tasks).toMatchObject([
      {
        kind: "host.task.create",
        draft: { externalKey: "CSAT-2026Q1/action/A1", dueAt: t0 + 20 * dayMillis },
        assignee: { person: owner },
      },
    ])
    expect(flow.deadlines(implementing.state).map((deadline) => deadline.key)).toEqual([
      "action-due/A1",
      "follow-up",
    ])
    const overdue = drive(
      [{ type: "MarkActionOverdue", at: t0 + 20 * dayMillis, actionId: "A1" }],
      implementing.state,
    )
    expect(overdue.state.actions[0]!.overdue).toBe(true)
    const early = handle(flow, overdue.state, {
      type: "FollowUp",
      at: t0 + 21 * dayMillis,
      summary: "x",
      effective: true,
    })
    expect(Result.isFailure(early) && early.failure._tag).toBe("PolicyRefusal")
  })

  it("refuses a misspelt field of the plan and a decision delivered again, naming them", () => {
    const misspelt = handle(flow, flow.initialState, {
      type: "DraftPlan",
      at: t0,
      id: "CSAT-2026Q1",
      definition: surveyDefinition,
      plan: { ...plan, fieldworkEnds: t0 + 9 * dayMillis },
    } as unknown as Command)
    expect(Result.isFailure(misspelt) && misspelt.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [{ path: ["plan"], code: "unrecognized_keys" }],
    })
    const approved = drive(draftAndApprove.slice(0, 3))
    const again = handle(flow, approved.state, draftAndApprove[2]!)
    expect(Result.isFailure(again) && again.failure).toMatchObject({
      _tag: "InvalidTransition",
      instanceId: "CSAT-2026Q1",
      reason: "no plan is awaiting approval",
    })
  })
})
