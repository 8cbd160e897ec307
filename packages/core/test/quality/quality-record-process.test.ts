import { departmentId, idempotencyKey, personId, Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 2, 2, 1, 0)
const hour = 3_600_000
const keeper = { personId: personId("officer-zhao"), role: "officer" as const }
const witness = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const flow = Quality.qualityRecordProcess()

const register = {
  type: "Register",
  at: t0,
  recordId: "QR-2026-014",
  title: "2026年3月热线质量检查记录",
  kind: "inspection",
  source: "quality.review QC-2026-03",
  departmentId: departmentId("customer-service"),
  keeper,
  location: "客服部档案柜 B-3",
} as const

/** ① registered and kept three years (the policy's period for inspections) → ⏰ the retention ends. */
function due() {
  const record = drive(flow, "QR-2026-014")
  record.must(register)
  record.must({ type: "EndRetention", at: Date.UTC(2029, 2, 2, 1, 0) })
  return record
}

/** ③ the keeper proposes shredding once the retention ended. */
const proposeShredding = {
  type: "ProposeDisposal",
  at: Date.UTC(2029, 2, 5),
  by: keeper,
  method: "shred",
  reason: "期满",
} as const

describe("客户服务质量记录管理流程 (quality records)", () => {
  it("① register: kept for the policy's years for its kind, with a timer at the retention's end", () => {
    const record = drive(flow, "QR-2026-014")
    record.must(register)
    expect(record.state).toMatchObject({ status: "kept", retentionYears: 3, keeper: keeper.personId })
    expect(flow.deadlines(record.state)).toEqual([
      { key: "retention-end/0", dueAt: Date.UTC(2029, 2, 2, 1, 0), command: { type: "EndRetention" } },
    ])
    const audit = drive(flow, "QR-A")
    audit.must({ ...register, recordId: "QR-A", kind: "audit" })
    expect(audit.state.retentionEndsAt).toBe(Date.UTC(2031, 2, 2, 1, 0))
    const own = drive(flow, "QR-B")
    own.must({ ...register, recordId: "QR-B", retentionYears: 10 })
    expect(own.state.retentionEndsAt).toBe(Date.UTC(2036, 2, 2, 1, 0))
  })

  it("⏰ retention ends → ③ disposal proposed → ④ ✓ manager then general manager → ⑤ disposed before a witness", () => {
    const record = due()
    expect(record.state.status).toBe("dueForDisposal")
    expect(record.effects.at(-1)).toMatchObject({
      kind: "host.task.create",
      assignee: { person: keeper.personId },
      draft: { externalKey: "QR-2026-014/dispose/0" },
    })
    record.must(proposeShredding)
    const approvalKey = idempotencyKey("quality.record", "QR-2026-014", 2, "approval.submit")
    expect(record.state).toMatchObject({ status: "disposalRequested", approval: { key: approvalKey } })
    expect(record.effects.at(-1)).toMatchObject({
      kind: "approval.submit",
      key: approvalKey,
      submission: {
        formId: "quality.record",
        values: { recordNumber: "QR-2026-014", retentionYears: 3, disposalMethod: "shred" },
        steps: [
          { mode: "any", approvers: [{ role: "manager" }] },
          { mode: "any", approvers: [{ role: "generalManager" }] },
        ],
      },
    })
    const boss = personId("gm-wang")
    record.must({
      type: "DecideApproval",
      at: Date.UTC(2029, 2, 6),
      approvalKey,
      outcome: "approved",
      decidedBy: boss,
    })
    expect(record.state.disposal).toMatchObject({ approvedBy: boss })

    const alone = record.send({
      type: "ConfirmDisposal",
      at: Date.UTC(2029, 2, 7),
      by: keeper,
      witness: keeper,
    })
    expect(Result.isFailure(alone) && alone.failure).toMatchObject({
      reason: "the disposal is witnessed by someone other than who carries it out",
    })
    record.must({ type: "ConfirmDisposal", at: Date.UTC(2029, 2, 7), by: keeper, witness })
    expect(record.state).toMatchObject({ status: "disposed", witness: witness.personId })
    expect(record.effects.at(-1)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "QR-2026-014/dispose/0",
    })
    expect(flow.isFinished(record.state)).toBe(true)
  })

  it("③ proposed → ✓ rejected → ◇ still needed: retention extended, kept again under a new timer", () => {
    const record = due()
    record.must(proposeShredding)
    const approvalKey = record.state.approval!.key
    record.must({
      type: "DecideApproval",
      at: Date.UTC(2029, 2, 6),
      approvalKey,
      outcome: "rejected",
      comment: "诉讼未结",
    })
    expect(record.state).toMatchObject({ status: "dueForDisposal", disposal: undefined, approval: undefined })
    expect(record.effects.at(-1)).toMatchObject({ kind: "notify", draft: { body: { "zh-CN": "诉讼未结" } } })

    record.must({
      type: "ExtendRetention",
      at: Date.UTC(2029, 2, 7),
      by: keeper,
      years: 2,
      reason: "诉讼未结",
    })
    expect(record.state).toMatchObject({ status: "kept", retentionYears: 5, extensions: 1 })
    expect(record.effects.at(-1)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "QR-2026-014/dispose/0",
    })
    expect(flow.deadlines(record.state)).toEqual([
      { key: "retention-end/1", dueAt: Date.UTC(2031, 2, 2, 1, 0), command: { type: "EndRetention" } },
    ])
  })

  it("◇ no approval asked by the policy: the proposal itself permits the disposal", () => {
    const policy = {
      ...Quality.defaultQualityPolicy,
      system: { ...Quality.defaultQualityPolicy.system, disposalApprovers: [] },
    }
    const record = drive(Quality.qualityRecordProcess(policy), "QR-2026-014")
    record.must(register)
    record.must({ type: "EndRetention", at: Date.UTC(2029, 2, 2, 1, 0) })
    record.must({
      type: "ProposeDisposal",
      at: Date.UTC(2029, 2, 5),
      by: keeper,
      method: "erase",
      reason: "期满",
    })
    expect(record.state.status).toBe("disposalApproved")
    expect(record.effects.some((effect) => effect.kind === "approval.submit")).toBe(false)
  })

  it("a timer firing early or twice changes nothing; disposal before the retention ends is refused", () => {
    const record = drive(flow, "QR-2026-014")
    record.must(register)
    expect(Result.getOrThrow(record.send({ type: "EndRetention", at: t0 + hour }))).toEqual([])
    const early = record.send({
      type: "ProposeDisposal",
      at: t0 + hour,
      by: keeper,
      method: "shred",
      reason: "x",
    })
    expect(Result.isFailure(early) && early.failure).toMatchObject({
      _tag: "InvalidTransition",
      state: "kept",
      reason: "disposal is proposed once the retention has ended",
    })
    const ended = due()
    expect(Result.getOrThrow(ended.send({ type: "EndRetention", at: Date.UTC(2029, 3, 1) }))).toEqual([])
  })

  it("撤销登记 while kept; refused once disposal is under way; bad input names the field", () => {
    const record = drive(flow, "QR-2026-014")
    record.must(register)
    record.must({ type: "Cancel", at: t0 + hour, actor: keeper, reason: "重复登记" })
    expect(record.state.status).toBe("cancelled")
    expect(flow.deadlines(record.state)).toEqual([])
    const ended = due()
    const late = ended.send({ type: "Cancel", at: Date.UTC(2029, 3, 1), actor: keeper, reason: "x" })
    expect(Result.isFailure(late)).toBe(true)
    const bad = drive(flow, "QR-X").send({ ...register, retentionYears: 0 })
    expect(Result.isFailure(bad) && bad.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [expect.objectContaining({ path: ["retentionYears"] })],
    })
  })
})

describe("addCalendarYears", () => {
  it("counts calendar years, a 29 February landing on 1 March", () => {
    expect(Quality.addCalendarYears(Date.UTC(2026, 2, 2), 3)).toBe(Date.UTC(2029, 2, 2))
    expect(Quality.addCalendarYears(Date.UTC(2028, 1, 29), 1)).toBe(Date.UTC(2029, 2, 1))
  })
})
