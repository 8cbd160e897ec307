import { dayMillis, departmentId, type EffectRequest, idempotencyKey, personId, Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 2, 2, 1, 0)
const hour = 3_600_000
const officer = { personId: personId("officer-zhao"), role: "officer" as const }
const supervisor = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const recipients = [
  { departmentId: departmentId("customer-service"), post: "supervisor" as const },
  { departmentId: departmentId("call-centre"), post: "manager" as const },
]
const key = (sequence: number, kind: string) => idempotencyKey("quality.document", "QP-10-01", sequence, kind)

const draft = {
  type: "Draft",
  at: t0,
  documentId: "QP-10-01",
  title: "客户投诉处理程序",
  kind: "procedure",
  author: officer,
  content: "1 目的 2 范围 3 职责 4 程序",
} as const

type Instance = ReturnType<typeof drive<ReturnType<typeof Quality.qualityDocumentProcess>>>

/** ① draft → ② review passed → ③ ✓ approved: the version waits to be distributed. */
function approved(): Instance {
  const document = drive(Quality.qualityDocumentProcess(), "QP-10-01")
  document.must(draft)
  document.must({ type: "Review", at: t0 + hour, reviewer: supervisor, passed: true })
  document.must({
    type: "DecideApproval",
    at: t0 + 2 * hour,
    approvalKey: key(2, "approval.submit"),
    outcome: "approved",
  })
  return document
}

/** … → ④ distributed to two posts. */
function distributed(): Instance {
  const document = approved()
  document.must({ type: "Distribute", at: t0 + 3 * hour, by: officer, recipients })
  return document
}

const acknowledge = (index: number, at = t0 + 4 * hour) =>
  ({ type: "Acknowledge", at, ...recipients[index]!, by: supervisor }) as const

/** … → ⑤ both posts acknowledge → ⑥ revise → ② review passed: v2 awaits ✓ while v1 is in force. */
function revisionAwaitingApproval(): Instance {
  const document = distributed()
  document.must(acknowledge(0))
  document.must(acknowledge(1))
  const revise = { type: "Revise", at: t0 + 10 * dayMillis, author: officer, content: "第二版" } as const
  document.must({ ...revise, changeSummary: "增加回访" })
  expect(document.state.status).toBe("inReview")
  document.must({ type: "Review", at: t0 + 11 * dayMillis, reviewer: supervisor, passed: true })
  return document
}

const ofKind = <Kind extends EffectRequest["kind"]>(effects: ReadonlyArray<EffectRequest>, kind: Kind) =>
  effects.filter((effect): effect is Extract<EffectRequest, { kind: Kind }> => effect.kind === kind)

describe("服务质量体系文件编制/管理流程 (quality-system documents)", () => {
  it("① draft → ② review ◇ passed → ③ ✓ approved → ④ distribute → ⑤ every post acknowledges: v1 in force", () => {
    const document = approved()
    const submit = document.effects.find((effect) => effect.kind === "approval.submit")
    expect(submit).toMatchObject({
      key: key(2, "approval.submit"),
      submission: {
        requestType: "quality.document.version",
        formId: "quality.document",
        businessKey: "QP-10-01",
        values: { documentNumber: "QP-10-01", version: 1, reviewer: supervisor.personId },
        steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
      },
    })
    expect(document.state.status).toBe("approved")

    document.must({ type: "Distribute", at: t0 + 3 * hour, by: officer, recipients })
    expect(document.state.status).toBe("distributed")
    expect(Quality.currentVersionOf(document.state)).toMatchObject({ number: 1, status: "current" })
    const acknowledgeTasks = ofKind(document.effects, "host.task.create").slice(-2)
    expect(acknowledgeTasks).toMatchObject([
      {
        assignee: { role: "supervisor", departmentId: "customer-service" },
        draft: {
          externalKey: "QP-10-01/v1/acknowledge/customer-service/supervisor",
          dueAt: t0 + 3 * hour + 7 * dayMillis,
        },
      },
      { assignee: { role: "manager", departmentId: "call-centre" } },
    ])
    expect(new Set(acknowledgeTasks.map((task) => task.key)).size).toBe(2)

    document.must(acknowledge(0))
    expect(document.state.status).toBe("distributed")
    document.must(acknowledge(1))
    expect(document.state.status).toBe("inForce")
    expect(document.state.distribution.map((each) => each.acknowledgedBy)).toEqual([
      supervisor.personId,
      supervisor.personId,
    ])
    expect(Result.getOrThrow(document.send(acknowledge(1)))).toEqual([])
  })

  it("② review ◇ not passed → ① redraft → ② → ③ ✓ rejected → ① again, each review round its own task", () => {
    const document = drive(Quality.qualityDocumentProcess(), "QP-10-01")
    document.must(draft)
    const own = document.send({ type: "Review", at: t0 + hour, reviewer: officer, passed: true })
    expect(Result.isFailure(own) && own.failure).toMatchObject({
      _tag: "InvalidTransition",
      reason: "the author may not review their own draft",
    })
    document.must({
      type: "Review",
      at: t0 + hour,
      reviewer: supervisor,
      passed: false,
      comments: "缺少职责",
    })
    expect(document.state.status).toBe("drafting")
    expect(document.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: officer.personId }] },
    })

    document.must({ ...draft, at: t0 + 2 * hour, content: "1 目的 2 范围 3 职责（新增） 4 程序" })
    expect(document.state.draft).toMatchObject({ number: 1, round: 2 })
    const reviewTasks = ofKind(document.effects, "host.task.create").map((task) => task.draft.externalKey)
    expect(reviewTasks).toEqual(["QP-10-01/v1/review/1", "QP-10-01/v1/review/2"])

    document.must({ type: "Review", at: t0 + 3 * hour, reviewer: supervisor, passed: true })
    document.must({
      type: "DecideApproval",
      at: t0 + 4 * hour,
      approvalKey: key(4, "approval.submit"),
      outcome: "rejected",
      comment: "与投诉制度不一致",
    })
    expect(document.state.status).toBe("drafting")
    expect(document.state.approval).toBeUndefined()
  })

  it("⑥ revise → ② → ✓ → ④: v2 in force, v1 superseded and kept, its copies recalled", () => {
    const document = revisionAwaitingApproval()
    expect(document.state.draft).toMatchObject({ number: 2, round: 1, changeSummary: "增加回访" })
    const approvalKey = document.state.approval!.key
    document.must({ type: "DecideApproval", at: t0 + 12 * dayMillis, approvalKey, outcome: "approved" })
    document.must({ type: "Distribute", at: t0 + 13 * dayMillis, by: officer, recipients: [recipients[0]!] })

    expect(
      document.state.versions.map(({ number, status, endedAt }) => ({ number, status, endedAt })),
    ).toEqual([
      { number: 1, status: "superseded", endedAt: t0 + 13 * dayMillis },
      { number: 2, status: "current", endedAt: undefined },
    ])
    expect(document.state.status).toBe("distributed")
    expect(document.effects.at(-1)).toMatchObject({
      draft: {
        externalKey: "QP-10-01/v2/acknowledge/customer-service/supervisor",
        body: expect.stringContaining("v1 作废"),
      },
    })
  })

  it("⏰ acknowledgement period ends → one reminder to the posts that have not acknowledged", () => {
    const document = distributed()
    document.must(acknowledge(0))
    const dueAt = t0 + 3 * hour + 7 * dayMillis
    expect(Quality.qualityDocumentProcess().deadlines(document.state)).toEqual([
      { key: "acknowledge", dueAt, command: { type: "RemindAcknowledgement" } },
    ])
    document.must({ type: "RemindAcknowledgement", at: dueAt })
    expect(document.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: {
        recipients: [{ role: "manager", departmentId: "call-centre" }, { role: "supervisor" }],
        body: { en: "1 posts have not acknowledged" },
      },
    })
    expect(Quality.qualityDocumentProcess().deadlines(document.state)).toEqual([])
    expect(Result.getOrThrow(document.send({ type: "RemindAcknowledgement", at: dueAt + hour }))).toEqual([])
  })

  it("⑦ withdrawal requested → ✓ approved: withdrawn, the version kept as withdrawn, every post told to return copies", () => {
    const document = distributed()
    document.must({
      type: "RequestWithdrawal",
      at: t0 + 5 * dayMillis,
      requester: supervisor,
      reason: "并入新程序",
    })
    expect(document.state.status).toBe("withdrawalRequested")
    expect(document.effects.at(-1)).toMatchObject({
      kind: "approval.submit",
      submission: {
        requestType: "quality.document.withdrawal",
        originator: { person: supervisor.personId },
        values: { withdrawalReason: "并入新程序" },
      },
    })
    document.must({
      type: "DecideApproval",
      at: t0 + 6 * dayMillis,
      approvalKey: document.state.approval!.key,
      outcome: "approved",
    })
    expect(document.state.status).toBe("withdrawn")
    expect(document.state.versions).toMatchObject([
      { number: 1, status: "withdrawn", endedAt: t0 + 6 * dayMillis },
    ])
    expect(document.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: recipients.map(({ departmentId, post }) => ({ role: post, departmentId })) },
    })
    expect(Quality.qualityDocumentProcess().isFinished(document.state)).toBe(true)
    expect(Quality.qualityDocumentProcess().deadlines(document.state)).toEqual([])
  })

  it("⑦ withdrawal requested → ✓ rejected: the document stays where it was, still awaiting acknowledgement", () => {
    const document = distributed()
    document.must({
      type: "RequestWithdrawal",
      at: t0 + 5 * dayMillis,
      requester: supervisor,
      reason: "过时",
    })
    const approvalKey = document.state.approval!.key
    document.must({ type: "DecideApproval", at: t0 + 6 * dayMillis, approvalKey, outcome: "rejected" })
    expect(document.state.status).toBe("distributed")
    expect(document.state.withdrawal).toBeUndefined()
    expect(Quality.currentVersionOf(document.state)?.status).toBe("current")
  })

  it("取消: a revision abandoned while awaiting ✓ withdraws the approval and leaves v1 in force; a first draft is cancelled", () => {
    const document = revisionAwaitingApproval()
    const approvalKey = document.state.approval!.key
    document.must({ type: "Cancel", at: t0 + 12 * dayMillis, actor: officer, reason: "暂缓修订" })
    expect(document.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: approvalKey })
    expect(document.state.status).toBe("inForce")
    expect(document.state.draft).toBeUndefined()

    const first = drive(Quality.qualityDocumentProcess(), "QP-10-02")
    first.must({ ...draft, documentId: "QP-10-02" })
    first.must({ type: "Cancel", at: t0 + hour, actor: officer, reason: "重复" })
    expect(first.state.status).toBe("cancelled")
    const again = first.send({ type: "Cancel", at: t0 + 2 * hour, actor: officer, reason: "重复" })
    expect(Result.isFailure(again)).toBe(true)
  })

  it("refuses a step out of order and bad input naming the field", () => {
    const document = approved()
    const early = document.send({
      type: "Revise",
      at: t0 + 3 * hour,
      author: officer,
      content: "x",
      changeSummary: "y",
    })
    expect(Result.isFailure(early) && early.failure).toMatchObject({
      _tag: "InvalidTransition",
      state: "approved",
    })
    const kind = drive(Quality.qualityDocumentProcess(), "QP-X").send({ ...draft, kind: "memo" } as never)
    expect(Result.isFailure(kind) && kind.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [expect.objectContaining({ path: ["kind"] })],
    })
    const twice = document.send({
      type: "Distribute",
      at: t0 + 3 * hour,
      by: officer,
      recipients: [recipients[0]!, recipients[0]!],
    })
    expect(Result.isFailure(twice) && twice.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [expect.objectContaining({ path: ["recipients"] })],
    })
    document.must({ type: "Distribute", at: t0 + 3 * hour, by: officer, recipients: [recipients[0]!] })
    const stranger = document.send(acknowledge(1))
    expect(Result.isFailure(stranger) && stranger.failure).toMatchObject({
      reason: "the version in force was not distributed to call-centre/manager",
    })
  })
})
