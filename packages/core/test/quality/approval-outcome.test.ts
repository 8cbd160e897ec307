import {
  type ApprovalOutcomeEvent,
  approvalId,
  dayMillis,
  departmentId,
  type EffectRequest,
  handle,
  personId,
  Quality,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { surveyDefinition } from "./survey-fixture.ts"

const t0 = Date.UTC(2026, 2, 2, 1, 0)
const manager = personId("manager-qian")

/** Runs commands through a definition and collects the effects its events ask for. */
function run<State, Command, Event>(
  flow: {
    readonly initialState: State
    readonly effects: (
      state: State,
      event: Event,
      step: { readonly instanceId: string; readonly sequence: number },
    ) => ReadonlyArray<EffectRequest>
  },
  instanceId: string,
  commands: ReadonlyArray<Command>,
) {
  let state = flow.initialState
  let sequence = 0
  const effects: Array<EffectRequest> = []
  for (const command of commands) {
    // biome-ignore lint/suspicious/noExplicitAny: the definitions differ only in their types
    const outcome = handle(flow as any, state, command as any)
    if (Result.isFailure(outcome)) throw new Error(`refused: ${String(outcome.failure)}`)
    for (const event of outcome.success.events as ReadonlyArray<Event>) {
      effects.push(...flow.effects(state, event, { instanceId, sequence }))
      sequence += 1
    }
    state = outcome.success.state as State
  }
  return { state, effects }
}

/** What an approvals host reports once the submission was decided. */
function decided(
  effect: EffectRequest | undefined,
  outcome: ApprovalOutcomeEvent["outcome"],
): ApprovalOutcomeEvent {
  if (effect?.kind !== "approval.submit") throw new Error("no approval was submitted")
  return {
    eventId: `evt-${effect.key}`,
    approvalId: approvalId("PROC-1"),
    key: effect.key,
    businessKey: effect.submission.businessKey,
    requestType: effect.submission.requestType,
    outcome,
    decidedBy: manager,
    comment: outcome === "approved" ? "  " : "样本量不足",
    at: t0 + 3_600_000,
  }
}

describe("approval outcomes fed back to the quality processes", () => {
  it("a survey plan decided in the approvals host reaches the survey cycle that submitted it", () => {
    const flow = Quality.satisfactionSurveyProcess()
    const plan: Quality.SurveyPlan = {
      objective: "了解客户对客服热线的满意程度",
      population: "近三个月联系过热线的客户",
      sampleSize: 200,
      channels: ["sms"],
      fieldworkStart: t0 + dayMillis,
      owner: personId("supervisor-sun"),
    }
    const submitted = run(flow, "CSAT-2026Q1", [
      { type: "DraftPlan", at: t0, id: "CSAT-2026Q1", definition: surveyDefinition, plan },
      { type: "SubmitPlan", at: t0 + 1000 },
    ])
    const event = decided(submitted.effects.at(-1), "rejected")
    expect(event.businessKey).toBe("CSAT-2026Q1")
    const command = Quality.surveyApprovalCommand(event)
    expect(command).toEqual({
      type: "DecideApproval",
      approval: "plan",
      at: event.at,
      outcome: "rejected",
      comment: "样本量不足",
    })
    const next = handle(flow, submitted.state, command!)
    expect(Result.isSuccess(next) && next.success.state.status).toBe("drafted")
    // A blank comment is left out rather than recorded.
    expect(Quality.surveyApprovalCommand(decided(submitted.effects.at(-1), "approved"))).not.toHaveProperty(
      "comment",
    )
    expect(Quality.surveyApprovalCommand({ ...event, requestType: "complaint.remedy" })).toBeUndefined()
  })

  it("a corrective action decided in the approvals host reaches its review and non-conformity", () => {
    const flow = Quality.qualityReviewProcess()
    const proposed = run(flow, "QC/2026-03", [
      {
        type: "Plan",
        at: t0,
        id: "QC/2026-03",
        kind: "inspection",
        departmentId: departmentId("customer-service"),
        scope: "热线服务质量",
        criteria: "客户服务质量标准规范",
        plannedFor: t0 + 2 * dayMillis,
        lead: personId("director-li"),
      },
      {
        type: "RecordFindings",
        at: t0 + 2 * dayMillis,
        checklist: [
          { item: "铃响三声内接听", standard: "3 声内应答", conforming: false, finding: "22% 超时" },
        ],
        nonconformities: [
          { id: "NC1", description: "高峰时段接听超时", standard: "呼叫中心管理办法 §3", severity: "major" },
        ],
      },
      {
        type: "ProposeCorrectiveAction",
        at: t0 + 3 * dayMillis,
        nonconformityId: "NC1",
        rootCause: "排班未覆盖 10 点高峰",
        correctiveAction: "按 Erlang C 重排班",
        responsible: personId("supervisor-sun"),
      },
    ])
    const routed = Quality.correctiveActionApprovalCommand(decided(proposed.effects.at(-1), "approved"))
    // The review's own id holds a slash; the non-conformity is what follows the last one.
    expect(routed?.reviewId).toBe("QC/2026-03")
    expect(routed?.command).toMatchObject({
      type: "DecideApproval",
      nonconformityId: "NC1",
      outcome: "approved",
    })
    const next = handle(flow, proposed.state, routed!.command)
    expect(Result.isSuccess(next) && next.success.state.nonconformities[0]!.status).toBe("implementing")
    const foreign = decided(proposed.effects.at(-1), "approved")
    expect(Quality.correctiveActionApprovalCommand({ ...foreign, businessKey: "QC-2026-03" })).toBeUndefined()
    expect(
      Quality.correctiveActionApprovalCommand({ ...foreign, requestType: "quality.survey.plan" }),
    ).toBeUndefined()
  })
})
