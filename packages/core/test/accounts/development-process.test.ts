import { Accounts, civilDate, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"
import { expectDeclaredFields } from "./declared-fields.ts"

const day = 86_400_000
const t0 = Date.UTC(2026, 0, 5, 1, 0)
const officer = { personId: staff.officer.id, role: "officer" as const }
const yuan = (major: number) => ({ minor: major * 100, currency: "CNY" })

const refusalOf = (result: Result.Result<unknown, { readonly message: string }>) =>
  Result.isFailure(result) ? result.failure.message : "accepted"

function planned() {
  const process = Accounts.keyAccountDevelopmentProcess(Accounts.defaultAccountsPolicy)
  const instance = drive(process, "DV-1")
  instance.must({
    type: "PlanDevelopment",
    at: t0,
    developmentId: "DV-1",
    customerId: "P1",
    customerName: "华南重工",
    officer,
    objective: "年内签约成为 AA 级客户",
    approach: "先技术交流，再方案",
    expectedValue: yuan(2_000_000),
    targetDate: civilDate("2026-09-30"),
  })
  return { process, instance }
}

describe("大客户开发流程", () => {
  it("① plan → ② contacts → ③ proposal → ◇ won? yes → key account on the host, file opened", () => {
    const { process, instance } = planned()
    expect(instance.effects[0]).toMatchObject({
      kind: "host.task.create",
      draft: { externalKey: "DV-1/develop" },
      assignee: { person: staff.officer.id },
    })
    expect(
      refusalOf(
        instance.send({ type: "SubmitProposal", at: t0 + day, officer, proposal: "方案", value: yuan(1) }),
      ),
    ).toContain("follows a contact")
    instance.must({
      type: "LogContact",
      at: t0 + 3 * day,
      officer,
      kind: "meeting",
      summary: "技术交流",
      metWith: "设备部张总",
    })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.activity.log",
      draft: { kind: "meeting", customerKey: "P1", body: "设备部张总: 技术交流" },
    })
    instance.must({
      type: "SubmitProposal",
      at: t0 + 10 * day,
      officer,
      proposal: "整体服务方案",
      value: yuan(1_800_000),
    })
    instance.must({
      type: "RecordOutcome",
      at: t0 + 30 * day,
      officer,
      won: true,
      reason: "签约年度框架协议",
    })
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects.slice(-3)).toMatchObject([
      {
        kind: "host.customer.update",
        customerKey: "P1",
        fields: { key_account: true, key_account_development: "DV-1" },
      },
      { kind: "host.task.complete", taskKey: "DV-1/develop" },
      { kind: "host.task.create", draft: { externalKey: "DV-1/file" } },
    ])
    expectDeclaredFields(instance.effects)
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("③ proposal → ◇ won? no → ended with the reason; the development task is closed", () => {
    const { instance } = planned()
    instance.must({ type: "LogContact", at: t0 + day, officer, kind: "visit", summary: "拜访" })
    instance.must({
      type: "SubmitProposal",
      at: t0 + 2 * day,
      officer,
      proposal: "方案一",
      value: yuan(1_000_000),
    })
    instance.must({ type: "LogContact", at: t0 + 3 * day, officer, kind: "call", summary: "客户要求降价" })
    instance.must({
      type: "SubmitProposal",
      at: t0 + 4 * day,
      officer,
      proposal: "方案二",
      value: yuan(900_000),
    })
    instance.must({ type: "RecordOutcome", at: t0 + 5 * day, officer, won: false, reason: "选择了竞争对手" })
    expect(instance.state).toMatchObject({
      status: "lost",
      proposals: 2,
      proposalValue: yuan(900_000),
      outcomeReason: "选择了竞争对手",
    })
    expect(instance.effects.at(-1)).toMatchObject({ kind: "host.task.complete", taskKey: "DV-1/develop" })
  })

  it("a quiet prospect reminds the officer once; a contact restarts the clock", () => {
    const { process, instance } = planned()
    const interval = Accounts.defaultAccountsPolicy.development.contactIntervalDays
    expect(process.deadlines(instance.state)).toEqual([
      { key: "contact", dueAt: t0 + interval * day, command: { type: "RemindContact" } },
    ])
    instance.must({ type: "RemindContact", at: t0 + interval * day })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: staff.officer.id }] },
    })
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.must({ type: "RemindContact", at: t0 + interval * day + 1 })).toEqual([])
    instance.must({ type: "LogContact", at: t0 + 20 * day, officer, kind: "email", summary: "发送资料" })
    expect(process.deadlines(instance.state)).toEqual([
      { key: "contact", dueAt: t0 + (20 + interval) * day, command: { type: "RemindContact" } },
    ])
  })

  it("refuses an outcome before a proposal, a value in another currency and bad input by field", () => {
    const { instance } = planned()
    expect(
      refusalOf(instance.send({ type: "RecordOutcome", at: t0 + day, officer, won: true, reason: "x" })),
    ).toContain("follows a proposal")
    instance.must({ type: "LogContact", at: t0 + day, officer, kind: "visit", summary: "拜访" })
    expect(
      refusalOf(
        instance.send({
          type: "SubmitProposal",
          at: t0 + 2 * day,
          officer,
          proposal: "x",
          value: { minor: 1, currency: "USD" },
        }),
      ),
    ).toContain("must be in CNY")
    const bad = instance.send({
      type: "LogContact",
      at: t0 + 2 * day,
      officer,
      kind: "telepathy",
      summary: "x",
    } as never)
    expect(
      Result.isFailure(bad) && bad.failure._tag === "ValidationError" && bad.failure.issues[0]!.path,
    ).toEqual(["kind"])
    instance.must({ type: "Cancel", at: t0 + 3 * day, actor: officer, reason: "客户被收购" })
    expect(instance.state.status).toBe("cancelled")
    expect(
      refusalOf(instance.send({ type: "Cancel", at: t0 + 4 * day, actor: officer, reason: "again" })),
    ).toContain("being pursued")
  })
})
