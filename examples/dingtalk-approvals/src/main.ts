/**
 * Approvals in DingTalk, in two scenes. First a customer hospitality meal (客户招待用餐) of ¥8,000,
 * above the manager's authority: tixi installs the approval templates from its forms, plans the
 * chain from the handbook policy (manager → general manager → finance), submits it as one DingTalk
 * instance with explicit approvers, and the approvers' decisions come back through signed,
 * encrypted HTTP callbacks. Then a complaint (客户投诉处理流程): the officer proposes a ¥12,000
 * refund, above what even the manager may grant, so the complaint opens a DingTalk approval on
 * 客户投诉处理表 (director, then finance countersigns); the decision comes back by callback (twice,
 * as DingTalk retries) and the complaint decides once, goes to the customer, executes and closes.
 * Runs against a local DingTalk fake: `node --conditions=@tixi/source examples/dingtalk-approvals/src/main.ts`.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { DingTalk, type DingTalkApprovalEvent, isApprovalEvent, layer } from "@tixi/adapter-dingtalk"
import { type DingTalkFake, startDingTalkFake } from "@tixi/adapter-dingtalk/testing"
import {
  Approval,
  type ApprovalOutcomeEvent,
  Complaints,
  chinaMainlandCalendar,
  handle,
  InMemoryHostCrm,
  label,
  Money,
  makeInMemoryRunner,
  type PortFailure,
  performEffect,
  personId,
  type Unstamped,
} from "@tixi/core"
import { Effect, Layer, Result } from "effect"

const appKey = "dingexampleapp01"
const appSecret = "example-secret"
const callbackKeys = { token: "tixiexample", aesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" }

const log = (line: string) => console.log(line)

const program = Effect.gen(function* () {
  const dingtalk = yield* DingTalk

  // 1. Install: the plan first, then apply.
  for (const step of yield* dingtalk.install({ dryRun: true }))
    log(`plan: ${step.action} template ${step.name}`)
  const installed = yield* dingtalk.install({ dryRun: false })
  log(`installed ${installed.length} template(s)`)

  // 2. Plan and resolve the chain from the handbook policy and the DingTalk address book.
  const amount = Money.ofMinor(8_000_00, "CNY")
  const planned = Approval.planChain(Approval.defaultApprovalPolicy, "hospitality.meal", { amount })
  if (Result.isFailure(planned)) return yield* Effect.die(planned.failure)
  const steps = yield* Approval.resolveChain(planned.success)
  log(`chain: ${steps.map((step) => `${step.label["zh-CN"]} (${step.approvers.join(", ")})`).join(" → ")}`)

  // 3. The approval process submits the request; its effect opens the DingTalk instance.
  const values = {
    applicant: "officer-wu",
    department: "service",
    customerName: "华东贸易有限公司",
    venue: "金陵饭店",
    mealDate: "2026-03-02",
    customerAttendees: "王总、李经理",
    ownAttendees: "钱经理、吴专员",
    budgetMeal: { minor: 7_000_00, currency: "CNY" },
    budgetGifts: { minor: 1_000_00, currency: "CNY" },
    budgetTotal: { minor: 8_000_00, currency: "CNY" },
    purpose: "年度合作洽谈",
  }
  let state = Approval.approvalProcess.initialState
  const apply = (command: Approval.ApprovalCommand) =>
    Effect.gen(function* () {
      const result = handle(Approval.approvalProcess, state, command)
      if (Result.isFailure(result)) return yield* Effect.die(result.failure)
      for (const [index, event] of result.success.events.entries()) {
        const after = Approval.approvalProcess.evolve(state, event)
        for (const effect of Approval.approvalProcess.effects(after, event, {
          instanceId: "MEAL-2026-0001",
          sequence: index,
        })) {
          const outcome = yield* performEffect(effect)
          log(`effect: ${outcome.kind}${outcome.reference ? ` → ${outcome.reference}` : ""}`)
        }
        state = after
      }
    })
  yield* apply({
    type: "submit",
    at: Date.now(),
    requestId: "MEAL-2026-0001",
    request: {
      requestType: "hospitality.meal",
      businessKey: "MEAL-2026-0001",
      title: label("客户招待用餐申请：华东贸易", "Hospitality meal: East China Trading"),
      requester: personId("officer-wu"),
      formId: planned.success.formId,
      values,
    },
    policyVersion: planned.success.policyVersion,
    driver: planned.success.driver,
    steps,
  })
  return { apply, state: () => state }
})

/** The customer who complains, as the CRM (here the in-memory host) holds it. */
const customer = {
  externalKey: "CUST-0007",
  kind: "organization",
  name: "华东贸易有限公司",
  fields: {},
} as const
const officer = { personId: personId("officer-wu"), role: "officer" } as const

/**
 * 客户投诉处理流程 on the in-memory runner: DingTalk is the approvals host, the address book and
 * the notifier. `decisions` hands back the outcomes of the callbacks DingTalk pushed.
 */
const complaintScene = (
  fake: DingTalkFake,
  decisions: () => Effect.Effect<ReadonlyArray<ApprovalOutcomeEvent>, PortFailure>,
) =>
  Effect.gen(function* () {
    // No approval policy of the company's: the complaints policy builds the chain on 客户投诉处理表.
    const complaints = makeInMemoryRunner(Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }))
    const host = yield* InMemoryHostCrm
    const step = (command: Unstamped<Complaints.ComplaintCommand>) =>
      Effect.gen(function* () {
        const decided = yield* complaints.dispatch("TS-2026-0042", command)
        if (Result.isFailure(decided)) return yield* Effect.die(decided.failure)
        return decided.success.state
      })
    yield* step({
      type: "Register",
      complaintId: "TS-2026-0042",
      actor: officer,
      registration: {
        customerId: customer.externalKey,
        customerName: customer.name,
        customerKind: "organization",
        phone: "025-8432 1000",
        type: "product",
        channel: "phone",
        urgency: "urgent",
        subject: "整批除湿机运行噪音超标",
        description: "第三批 30 台除湿机中 12 台运行噪音超过 60 分贝。",
        demand: "退还 12 台货款",
        product: "工业除湿机 DH-60",
      },
    })
    yield* step({ type: "Accept", actor: officer })
    yield* step({ type: "Classify", actor: officer, category: "quality", departmentId: "service" })
    yield* step({
      type: "RecordInvestigation",
      actor: officer,
      cause: "serious",
      ownSide: true,
      responsibility: [{ departmentId: "service", sharePercent: 100 }],
      severity: "serious",
      findings: "风机轴承批次不良",
    })
    // ¥12,000 is above the officer's ¥500 and the manager's ¥10,000: the director decides, and
    // from ¥10,000 finance countersigns.
    const proposed = yield* step({
      type: "ProposeRemedy",
      actor: officer,
      remedies: [{ kind: "refund", amount: Money.ofMajor("12000", "CNY") }],
      note: "退还 12 台不良品货款",
    })
    log(`complaint TS-2026-0042: remedy ¥12,000 proposed, ${proposed.stage}`)
    // tixi's business-reference control names the complaint on the DingTalk instance.
    const instance = fake
      .instances()
      .find((entry) =>
        entry.values.some((value) => value.name === "业务单号" && value.value === "TS-2026-0042"),
      )!
    log(
      `DingTalk instance ${instance.id} on 客户投诉处理表: ${instance.nodes.map((node) => `${node.actionType}[${node.userIds.join(",")}]`).join(" → ")}`,
    )

    fake.decide(instance.id, "director-li", "agree", "同意退款")
    fake.decide(instance.id, "finance-zhou", "agree", "已核对货款")
    log("director-li and finance-zhou approved in DingTalk")
    yield* Effect.promise(() => fake.settle())

    // Each outcome becomes the complaint's DecideRemedyApproval. DingTalk delivers at least once: a
    // server that restarts between taking a push and answering it gets the push again, its memory
    // of event ids gone; the complaint takes the same decision twice without effect.
    for (const outcome of yield* decisions()) {
      const command = Complaints.remedyApprovalCommand(outcome)
      if (command === undefined) continue
      const { at: _decidedAt, ...unstamped } = command
      for (const delivery of ["delivered", "delivered again"]) {
        const state = yield* step(unstamped)
        log(`${delivery}: ${outcome.outcome} by ${outcome.decidedBy} → complaint ${state.stage}`)
      }
    }
    const decidedOnce = complaints
      .instance("TS-2026-0042")!
      .events.filter((event) => event.type === "RemedyApprovalDecided").length
    log(`the complaint recorded ${decidedOnce} approval decision(s)`)

    yield* step({ type: "RecordCustomerResponse", actor: officer, accepted: true, note: "客户同意退款方案" })
    yield* step({ type: "RecordExecution", actor: officer })
    const closed = yield* step({ type: "Close", actor: officer, summary: "已退还 12 台货款 12,000 元" })
    const ticket = host.cases().find((entry) => entry.externalKey === "TS-2026-0042")!
    log(
      `complaint TS-2026-0042 is ${closed.stage}; case in the CRM: ${ticket.stage}, approval ${ticket.fields.complaint_approval_status}`,
    )
    // Every effect (the case, tasks, the approval, work notices) reached its host.
    const { deadLetters, effectsPerformed } = complaints.statistics()
    if (deadLetters > 0) throw new Error(`${deadLetters} effect(s) of the complaint failed`)
    log(`approvals opened for the complaint: ${effectsPerformed["approval.submit"] ?? 0}`)
  })

async function main() {
  const fake = await startDingTalkFake({
    appKey,
    appSecret,
    agentId: 4001,
    users: [
      { userid: "officer-wu", name: "吴专员", deptIds: [2], roles: ["专员"] },
      { userid: "manager-qian", name: "钱经理", deptIds: [2], roles: ["经理"] },
      { userid: "director-li", name: "李总监", deptIds: [2], roles: ["总监"] },
      { userid: "gm-zhao", name: "赵总", deptIds: [1], roles: ["总经理"] },
      { userid: "finance-zhou", name: "周会计", deptIds: [3], roles: ["财务"] },
    ],
    departments: [
      { deptId: 1, name: "总部" },
      { deptId: 2, name: "客服部", parentId: 1 },
      { deptId: 3, name: "财务部", parentId: 1 },
    ],
  })
  // No `forms`: the adapter installs its defaults, the meal's request form and 客户投诉处理表 among them.
  const dingtalkLayer = layer({
    appKey,
    appSecret,
    agentId: 4001,
    apiBaseUrl: fake.url,
    oapiBaseUrl: fake.url,
    ids: { departments: { service: 2, finance: 3 } },
    callback: { ...callbackKeys, ownerKey: { kind: "appKey", value: appKey } },
  })
  const services = Layer.mergeAll(dingtalkLayer, InMemoryHostCrm.layer({ customers: [customer] }))
  const outcomes: Array<ApprovalOutcomeEvent> = []
  const events: Array<DingTalkApprovalEvent> = []

  try {
    await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          const dingtalk = yield* DingTalk
          // The callback endpoint: verify and decrypt on the raw body, answer at once, handle after.
          const server = createServer((request, response) => {
            const chunks: Array<Buffer> = []
            request.on("data", (chunk: Buffer) => chunks.push(chunk))
            request.on("end", () => {
              const url = new URL(request.url ?? "/", "http://localhost")
              const result = dingtalk.handleCallback({
                query: url.searchParams,
                body: Buffer.concat(chunks).toString("utf8"),
              })
              response
                .writeHead(result.reply.status, { "content-type": result.reply.contentType })
                .end(result.reply.body)
              if (result.accepted) events.push(...result.events.filter(isApprovalEvent))
              else log(`callback refused: ${result.reason._tag}`)
            })
          })
          yield* Effect.promise(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)))
          const port = (server.address() as AddressInfo).port
          fake.setCallback({
            url: `http://127.0.0.1:${port}/dingtalk`,
            ...callbackKeys,
            ownerKey: appKey,
            retryDelaysMillis: [200, 400],
          })
          /** The outcomes of the approval events received since the last call. */
          const takeOutcomes = Effect.gen(function* () {
            const taken: Array<ApprovalOutcomeEvent> = []
            for (const event of events.splice(0)) {
              const outcome = yield* dingtalk.toOutcome(event)
              if (outcome === undefined) continue
              log(
                `callback: ${event.eventType} ${event.type} → outcome ${outcome.outcome} by ${outcome.decidedBy}`,
              )
              taken.push(outcome)
            }
            return taken
          })

          const flow = yield* program
          const instance = fake.instances()[0]!
          log(
            `DingTalk instance ${instance.id}: ${instance.nodes.map((node) => `${node.actionType}[${node.userIds.join(",")}]`).join(" → ")}`,
          )

          // 4. The approvers tap 同意 in DingTalk, one after the other.
          for (const [userid, remark] of [
            ["manager-qian", "同意，注意控制预算"],
            ["gm-zhao", "同意"],
            ["finance-zhou", "预算已核"],
          ] as const) {
            fake.decide(instance.id, userid, "agree", remark)
            log(`${userid} approved in DingTalk`)
          }
          yield* Effect.promise(() => fake.settle())

          // 5. The callbacks become tixi's outcome, which the process records.
          for (const outcome of yield* takeOutcomes) {
            outcomes.push(outcome)
            yield* flow.apply({
              type: "hostOutcome",
              at: outcome.at,
              key: outcome.key,
              approvalId: outcome.approvalId,
              outcome: outcome.outcome,
              ...(outcome.decidedBy === undefined ? {} : { decidedBy: outcome.decidedBy }),
              ...(outcome.comment === undefined ? {} : { comment: outcome.comment }),
            })
          }
          log(`hospitality meal MEAL-2026-0001 is ${flow.state().status}`)

          // 6. A complaint whose remedy is above the officer's authority.
          yield* complaintScene(fake, () => takeOutcomes)
          for (const notice of fake.notices()) log(`work notice to ${notice.userid}: ${notice.title}`)
          yield* Effect.promise(() => new Promise<void>((resolve) => server.close(() => resolve())))
        }),
        services,
      ),
    )
  } finally {
    await fake.close()
  }
  if (outcomes.length !== 1) throw new Error(`expected one outcome, got ${outcomes.length}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
