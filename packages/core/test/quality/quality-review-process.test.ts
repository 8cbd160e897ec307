import { dayMillis, departmentId, handle, personId, Quality, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const flow = Quality.qualityReviewProcess()
type State = Quality.ReviewState
type Command = Quality.ReviewCommand

const t0 = Date.UTC(2026, 2, 2, 1, 0)
const lead = personId("director-li")
const responsible = personId("supervisor-sun")
const verifier = personId("manager-qian")

function drive(commands: ReadonlyArray<Command>, from: State = flow.initialState) {
  let state = from
  const events: Array<Quality.ReviewEvent> = []
  for (const command of commands) {
    const outcome = handle(flow, state, command)
    if (Result.isFailure(outcome)) throw new Error(`${command.type} refused: ${outcome.failure.message}`)
    events.push(...outcome.success.events)
    state = outcome.success.state
  }
  return { state, events }
}

const planAndInspect: ReadonlyArray<Command> = [
  {
    type: "Plan",
    at: t0,
    id: "QC-2026-03",
    kind: "inspection",
    departmentId: departmentId("customer-service"),
    scope: "热线服务质量",
    criteria: "客户服务质量标准规范",
    plannedFor: t0 + 2 * dayMillis,
    lead,
  },
  {
    type: "RecordFindings",
    at: t0 + 2 * dayMillis,
    checklist: [
      {
        item: "铃响三声内接听",
        standard: "来电铃响 3 声内必须应答",
        conforming: false,
        finding: "高峰时段 22% 来电超过三声",
      },
      { item: "疑难电话记录", standard: "记录来话时间、内容和联系方式，明确答复时间", conforming: true },
    ],
    nonconformities: [
      { id: "NC1", description: "高峰时段接听超时", standard: "呼叫中心管理办法 §3", severity: "major" },
      { id: "NC2", description: "个别记录缺少答复时间", standard: "呼叫中心管理办法 §6", severity: "minor" },
    ],
  },
]

describe("客户服务质量检查/改进流程 with 不合格项改正措施, closing a PDCA loop", () => {
  it("PDCA: plan → inspect → corrective action (approved for a major NC) → do → check → act", () => {
    const inspected = drive(planAndInspect)
    expect(inspected.state.status).toBe("correcting")
    expect(Quality.pdcaPhaseOf(inspected.state)).toBe("plan")
    const corrected = drive(
      [
        {
          type: "ProposeCorrectiveAction",
          at: t0 + 3 * dayMillis,
          nonconformityId: "NC1",
          rootCause: "排班未覆盖 10 点高峰",
          correctiveAction: "按 Erlang C 重排班",
          responsible,
        },
        {
          type: "ProposeCorrectiveAction",
          at: t0 + 3 * dayMillis,
          nonconformityId: "NC2",
          rootCause: "表单无必填校验",
          correctiveAction: "答复时间设为必填",
          responsible,
        },
        { type: "DecideApproval", at: t0 + 4 * dayMillis, nonconformityId: "NC1", outcome: "approved" },
      ],
      inspected.state,
    )
    expect(corrected.state.nonconformities.map((finding) => finding.status)).toEqual([
      "implementing",
      "implementing",
    ])
    expect(Quality.pdcaPhaseOf(corrected.state)).toBe("do")
    // The major NC is due in the policy's 7 days, the minor one in 30.
    expect(corrected.state.nonconformities[0]!.dueAt).toBe(t0 + 3 * dayMillis + 7 * dayMillis)
    expect(corrected.state.nonconformities[1]!.dueAt).toBe(t0 + 3 * dayMillis + 30 * dayMillis)
    const checked = drive(
      [
        {
          type: "CompleteCorrectiveAction",
          at: t0 + 8 * dayMillis,
          nonconformityId: "NC1",
          evidence: "新排班表",
        },
        {
          type: "CompleteCorrectiveAction",
          at: t0 + 8 * dayMillis,
          nonconformityId: "NC2",
          evidence: "表单已更新",
        },
      ],
      corrected.state,
    )
    expect(Quality.pdcaPhaseOf(checked.state)).toBe("check")
    const acted = drive(
      [
        {
          type: "VerifyCorrectiveAction",
          at: t0 + 15 * dayMillis,
          nonconformityId: "NC1",
          effective: true,
          note: "高峰超时降至 4%",
          by: verifier,
        },
        {
          type: "VerifyCorrectiveAction",
          at: t0 + 15 * dayMillis,
          nonconformityId: "NC2",
          effective: true,
          note: "抽查 50 条均完整",
          by: verifier,
        },
      ],
      checked.state,
    )
    expect(acted.state.status).toBe("readyToClose")
    expect(Quality.pdcaPhaseOf(acted.state)).toBe("act")
    const closed = drive(
      [
        {
          type: "Close",
          at: t0 + 16 * dayMillis,
          conclusion: "整改有效",
          standardised: ["排班按 Erlang C 每周复核"],
        },
      ],
      acted.state,
    )
    expect(closed.state.status).toBe("closed")
    expect(closed.state.standardised).toEqual(["排班按 Erlang C 每周复核"])
    expect(
      replay(flow, [
        ...inspected.events,
        ...corrected.events,
        ...checked.events,
        ...acted.events,
        ...closed.events,
      ]),
    ).toEqual(closed.state)
  })

  it("sends a major non-conformity's corrective action to the manager for approval; a minor one starts at once", () => {
    const inspected = drive(planAndInspect)
    const major = drive(
      [
        {
          type: "ProposeCorrectiveAction",
          at: t0 + 3 * dayMillis,
          nonconformityId: "NC1",
          rootCause: "r",
          correctiveAction: "a",
          responsible,
        },
      ],
      inspected.state,
    )
    const [approval] = flow.effects(major.state, major.events[0]!, { instanceId: "QC-2026-03", sequence: 2 })
    expect(approval).toMatchObject({
      kind: "approval.submit",
      submission: {
        requestType: "quality.correctiveAction",
        formId: "quality.nonconformity",
        steps: [{ approvers: [{ role: "manager" }] }],
      },
    })
    const minor = drive(
      [
        {
          type: "ProposeCorrectiveAction",
          at: t0 + 3 * dayMillis,
          nonconformityId: "NC2",
          rootCause: "r",
          correctiveAction: "a",
          responsible,
        },
      ],
      inspected.state,
    )
    const [task] = flow.effects(minor.state, minor.events[0]!, { instanceId: "QC-2026-03", sequence: 2 })
    expect(task).toMatchObject({
      kind: "host.task.create",
      draft: { externalKey: "QC-2026-03/nc/NC2/action/1" },
      assignee: { person: responsible },
    })
  })

  it("an ineffective action reopens the non-conformity for another turn of the loop", () => {
    const done = drive([
      ...planAndInspect,
      {
        type: "ProposeCorrectiveAction",
        at: t0 + 3 * dayMillis,
        nonconformityId: "NC2",
        rootCause: "r",
        correctiveAction: "培训",
        responsible,
      },
      {
        type: "CompleteCorrectiveAction",
        at: t0 + 5 * dayMillis,
        nonconformityId: "NC2",
        evidence: "培训记录",
      },
      {
        type: "VerifyCorrectiveAction",
        at: t0 + 9 * dayMillis,
        nonconformityId: "NC2",
        effective: false,
        note: "仍有缺漏",
        by: verifier,
      },
    ])
    const finding = done.state.nonconformities[1]!
    expect(finding.status).toBe("open")
    expect(finding.attempts).toBe(1)
    const second = drive(
      [
        {
          type: "ProposeCorrectiveAction",
          at: t0 + 10 * dayMillis,
          nonconformityId: "NC2",
          rootCause: "系统未校验",
          correctiveAction: "必填校验",
          responsible,
        },
      ],
      done.state,
    )
    expect(second.state.nonconformities[1]!.attempts).toBe(2)
    expect(flow.deadlines(second.state).map((deadline) => deadline.key)).toEqual(["action-due/NC2/2"])
  })

  it("warns when a corrective action passes its due date", () => {
    const implementing = drive([
      ...planAndInspect,
      {
        type: "ProposeCorrectiveAction",
        at: t0 + 3 * dayMillis,
        nonconformityId: "NC2",
        rootCause: "r",
        correctiveAction: "a",
        responsible,
        dueAt: t0 + 6 * dayMillis,
      },
    ])
    expect(
      drive(
        [{ type: "MarkActionOverdue", at: t0 + 5 * dayMillis, nonconformityId: "NC2" }],
        implementing.state,
      ).events,
    ).toEqual([])
    const overdue = drive(
      [{ type: "MarkActionOverdue", at: t0 + 6 * dayMillis, nonconformityId: "NC2" }],
      implementing.state,
    )
    expect(overdue.state.nonconformities[1]!.overdue).toBe(true)
    const [warning] = flow.effects(overdue.state, overdue.events[0]!, {
      instanceId: "QC-2026-03",
      sequence: 3,
    })
    expect(warning).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
  })

  it("refuses to close with open non-conformities, self-verification and unknown findings", () => {
    const inspected = drive(planAndInspect)
    const early = handle(flow, inspected.state, { type: "Close", at: t0, conclusion: "x", standardised: [] })
    expect(Result.isFailure(early) && early.failure._tag).toBe("InvalidTransition")
    const unknown = handle(flow, inspected.state, {
      type: "ProposeCorrectiveAction",
      at: t0,
      nonconformityId: "NC9",
      rootCause: "r",
      correctiveAction: "a",
      responsible,
    })
    expect(Result.isFailure(unknown) && unknown.failure._tag).toBe("PolicyRefusal")
    const completed = drive(
      [
        {
          type: "ProposeCorrectiveAction",
          at: t0 + dayMillis,
          nonconformityId: "NC2",
          rootCause: "r",
          correctiveAction: "a",
          responsible,
        },
        { type: "CompleteCorrectiveAction", at: t0 + 2 * dayMillis, nonconformityId: "NC2", evidence: "e" },
      ],
      inspected.state,
    )
    const selfCheck = handle(flow, completed.state, {
      type: "VerifyCorrectiveAction",
      at: t0 + 3 * dayMillis,
      nonconformityId: "NC2",
      effective: true,
      note: "ok",
      by: responsible,
    })
    expect(Result.isFailure(selfCheck) && selfCheck.failure._tag).toBe("PolicyRefusal")
  })

  it("refuses a misspelt field of a finding by name instead of storing it, and trims what it records", () => {
    const planned = drive([planAndInspect[0]!])
    const misspelt = handle(flow, planned.state, {
      type: "RecordFindings",
      at: t0 + dayMillis,
      checklist: [],
      nonconformities: [{ id: "NC1", description: "d", standard: "s", severity: "minor", sevrity: "major" }],
    } as unknown as Command)
    expect(Result.isFailure(misspelt) && misspelt.failure._tag).toBe("ValidationError")
    if (Result.isFailure(misspelt) && misspelt.failure._tag === "ValidationError") {
      expect(misspelt.failure.issues[0]!.path).toEqual(["nonconformities", 0])
      expect(misspelt.failure.message).toContain("sevrity")
    }
    const { state } = drive(
      [
        {
          type: "RecordFindings",
          at: t0 + dayMillis,
          checklist: [{ item: " 接听 ", standard: "三声内", conforming: false, finding: " 超时 " }],
          nonconformities: [{ id: "NC1", description: " 超时 ", standard: "§3", severity: "minor" }],
        },
      ],
      planned.state,
    )
    expect(state.checklist[0]).toMatchObject({ item: "接听", finding: "超时" })
    expect(state.nonconformities[0]!.description).toBe("超时")
  })

  it("a decision on a corrective action delivered again after it was taken is refused, changing nothing", () => {
    const proposal = { nonconformityId: "NC1", rootCause: "人手不足", correctiveAction: "增员", responsible }
    const approved = drive([
      ...planAndInspect,
      { type: "ProposeCorrectiveAction", at: t0 + 3 * dayMillis, ...proposal },
      { type: "DecideApproval", at: t0 + 4 * dayMillis, nonconformityId: "NC1", outcome: "approved" },
    ])
    // The action is under way: the decision was taken once.
    expect(approved.state.nonconformities[0]!.status).toBe("implementing")
    const again = handle(flow, approved.state, {
      type: "DecideApproval",
      at: t0 + 4 * dayMillis + 1,
      nonconformityId: "NC1",
      outcome: "approved",
    })
    expect(Result.isFailure(again) && again.failure._tag).toBe("InvalidTransition")
    expect(Result.isFailure(again) && again.failure.message).toContain("NC1")
  })

  it("an inspection without non-conformities goes straight to closing", () => {
    const { state } = drive([
      planAndInspect[0]!,
      {
        type: "RecordFindings",
        at: t0 + dayMillis,
        checklist: [{ item: "a", standard: "b", conforming: true }],
        nonconformities: [],
      },
    ])
    expect(state.status).toBe("readyToClose")
  })
})
