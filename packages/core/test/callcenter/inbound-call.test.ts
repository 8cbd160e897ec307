import { CallCenter, idempotencyKey, personId, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 2, 2, 14, 0)
const second = 1000
const minute = 60 * second
const agent = { personId: personId("agent-07"), role: "officer" as const }

function arrived(recognised = true) {
  const process = CallCenter.inboundCallProcess()
  const instance = drive(process, "IC-1")
  instance.must({
    type: "Arrive",
    at: t0,
    callId: "SW-2001",
    callerPhone: "027-5555-0101",
    ...(recognised ? { customerKey: "W01" } : {}),
  })
  return { process, instance }
}

/** Arrived, asked for an agent after 40 s, answered 12 s later. */
function withAgent() {
  const opened = arrived()
  opened.instance.must({ type: "RequestAgent", at: t0 + 40 * second, menuPath: "0 人工服务" })
  opened.instance.must({ type: "ConnectAgent", at: t0 + 52 * second, agent })
  return opened
}

const record = {
  callerOrganisation: "华中批发",
  startedAt: t0 + 52 * second,
  endedAt: t0 + 6 * minute,
  callerName: "王女士",
  callerPhone: "027-5555-0101",
  customer: "W01",
  receiver: "agent-07",
  receiverNumber: "A07",
  content: "询问发票开具进度，已查询客户数据库答复",
}

describe("呼入业务管理流程 (004 ch.8 §9)", () => {
  it("用户呼入 → ① 自动服务 ◇ ② 人工服务？ no → 完成: recorded as resolved in self-service, on the customer's timeline", () => {
    const { process, instance } = arrived()
    instance.must({
      type: "FinishSelfService",
      at: t0 + 90 * second,
      service: "查询订单状态",
      menuPath: "1-2",
    })
    expect(instance.state).toMatchObject({
      status: "resolvedInIvr",
      selfService: "查询订单状态",
      solved: true,
      endedAt: t0 + 90 * second,
    })
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects).toEqual([
      {
        kind: "host.activity.log",
        key: idempotencyKey("callcenter.inboundCall", "IC-1", 1, "host.activity.log"),
        draft: {
          externalKey: "SW-2001/self-service",
          kind: "call",
          subject: "自动服务 Self-service: 查询订单状态",
          body: "1-2",
          occurredAt: t0 + 90 * second,
          customerKey: "W01",
        },
      },
    ])
    // It never reached the agents' queue: no record for their service level.
    expect(CallCenter.inboundCallRecordOf(instance.state)).toBeUndefined()
  })

  it("① 自动服务 ◇ 完成 for a caller the switch did not recognise: recorded, nothing on a timeline", () => {
    const { instance } = arrived(false)
    instance.must({ type: "FinishSelfService", at: t0 + 30 * second, service: "营业时间" })
    expect(instance.state.status).toBe("resolvedInIvr")
    expect(instance.effects).toEqual([])
  })

  it("◇ ② 人工服务？ yes → ③ 接人工座席 ④ 问候 ⑤ 询问 ◇ ⑥ 问题解决 yes → ⑦ 登记呼叫内容 on the 呼入记录表", () => {
    const { process, instance } = withAgent()
    instance.must({
      type: "EndCall",
      at: t0 + 6 * minute,
      agent,
      solved: true,
      sources: ["customerDatabase", "archives"],
    })
    expect(instance.state).toMatchObject({ status: "toLog", logDueAt: t0 + 21 * minute })
    expect(process.deadlines(instance.state)).toEqual([
      { key: "log", dueAt: t0 + 21 * minute, command: { type: "LogOverdue" } },
    ])
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.task.create",
      assignee: { person: "agent-07" },
      draft: { externalKey: "SW-2001/log", dueAt: t0 + 21 * minute },
    })
    instance.must({ type: "LogCall", at: t0 + 8 * minute, agent, record })
    expect(instance.state.status).toBe("logged")
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.effects.slice(-2)).toMatchObject([
      { kind: "host.activity.log", draft: { customerKey: "W01", occurredAt: record.startedAt } },
      { kind: "host.task.complete", taskKey: "SW-2001/log" },
    ])
    // The call log feeds the KPIs: waited 12 s in the queue, solved on first contact.
    const logged = CallCenter.inboundCallRecordOf(instance.state)!
    expect(logged).toEqual({
      id: "SW-2001",
      direction: "inbound",
      offeredAt: t0 + 40 * second,
      answeredAt: t0 + 52 * second,
      endedAt: t0 + 6 * minute,
      customerId: "W01",
      phoneNumber: "027-5555-0101",
      agentId: "agent-07",
      resolvedOnFirstContact: true,
    })
    const kpis = CallCenter.callKpis([logged], {
      answerWithinSeconds: 20,
      shortAbandonSeconds: 5,
      serviceLevelConvention: "offered",
      ringSeconds: 5,
      rings: 3,
      repeatWindowHours: 72,
    })
    expect(kpis.inbound).toMatchObject({ answered: 1, serviceLevel: 1, averageSpeedOfAnswerSeconds: 12 })
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("◇ ⑥ 问题解决？ no → handed on as a service request; ⑦ not logged in time → the team lead is told once", () => {
    const { process, instance } = withAgent()
    const refused = instance.send({ type: "EndCall", at: t0 + 6 * minute, agent, solved: false, sources: [] })
    expect(
      Result.isFailure(refused) && refused.failure._tag === "ValidationError" && refused.failure.issues,
    ).toEqual([expect.objectContaining({ path: ["serviceRequestId"] })])
    instance.must({
      type: "EndCall",
      at: t0 + 6 * minute,
      agent,
      solved: false,
      sources: ["ownKnowledge"],
      serviceRequestId: "SR-88",
    })
    expect(instance.state).toMatchObject({ solved: false, serviceRequestId: "SR-88" })
    instance.must({ type: "LogOverdue", at: t0 + 21 * minute })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ role: "supervisor" }], severity: "warning", caseKey: "SW-2001" },
    })
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.must({ type: "LogOverdue", at: t0 + 22 * minute })).toEqual([])
    instance.must({ type: "LogCall", at: t0 + 25 * minute, agent, record })
    expect(instance.state.status).toBe("logged")
    expect(CallCenter.inboundCallRecordOf(instance.state)?.resolvedOnFirstContact).toBe(false)
  })

  it("the caller hangs up in the queue: abandoned, and counted as such in the KPIs", () => {
    const { process, instance } = arrived()
    instance.must({ type: "RequestAgent", at: t0 + 40 * second })
    instance.must({ type: "Abandon", at: t0 + 100 * second })
    expect(process.isFinished(instance.state)).toBe(true)
    const logged = CallCenter.inboundCallRecordOf(instance.state)!
    expect(logged).toMatchObject({ offeredAt: t0 + 40 * second, endedAt: t0 + 100 * second })
    expect(logged.answeredAt).toBeUndefined()
  })

  it("refuses steps out of the chart's order and a record with a missing box, naming it", () => {
    const { instance } = arrived()
    const early = instance.send({ type: "ConnectAgent", at: t0, agent })
    expect(Result.isFailure(early) && early.failure).toMatchObject({
      _tag: "InvalidTransition",
      instanceId: "SW-2001",
      state: "selfService",
      command: "ConnectAgent",
    })
    instance.must({ type: "RequestAgent", at: t0 + 40 * second })
    instance.must({ type: "ConnectAgent", at: t0 + 52 * second, agent })
    instance.must({ type: "EndCall", at: t0 + 6 * minute, agent, solved: true, sources: [] })
    const { receiverNumber: _, ...withoutNumber } = record
    const bad = instance.send({ type: "LogCall", at: t0 + 7 * minute, agent, record: withoutNumber } as never)
    expect(
      Result.isFailure(bad) && bad.failure._tag === "ValidationError" && bad.failure.issues[0]!.path,
    ).toEqual(["record", "receiverNumber"])
    expect(Result.isSuccess(CallCenter.parseInboundCallPolicy(CallCenter.defaultInboundCallPolicy))).toBe(
      true,
    )
  })
})
