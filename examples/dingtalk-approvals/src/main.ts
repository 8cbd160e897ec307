/**
 * A customer hospitality meal (客户招待用餐) of ¥8,000, above the manager's authority, approved in
 * DingTalk: tixi installs the approval template from its form, plans the chain from the handbook
 * policy (manager → general manager → finance), submits it as one DingTalk instance with explicit
 * approvers, and the approvers' decisions come back through signed, encrypted HTTP callbacks.
 * Runs against a local DingTalk fake: `node --conditions=@tixi/source examples/dingtalk-approvals/src/main.ts`.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { DingTalk, type DingTalkApprovalEvent, isApprovalEvent, layer } from "@tixi/adapter-dingtalk"
import { startDingTalkFake } from "@tixi/adapter-dingtalk/testing"
import {
  Approval,
  type ApprovalOutcomeEvent,
  handle,
  InMemoryHostCrm,
  label,
  Money,
  performEffect,
  personId,
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

async function main() {
  const fake = await startDingTalkFake({
    appKey,
    appSecret,
    agentId: 4001,
    users: [
      { userid: "officer-wu", name: "吴专员", deptIds: [2], roles: ["专员"] },
      { userid: "manager-qian", name: "钱经理", deptIds: [2], roles: ["经理"] },
      { userid: "gm-zhao", name: "赵总", deptIds: [1], roles: ["总经理"] },
      { userid: "finance-zhou", name: "周会计", deptIds: [3], roles: ["财务"] },
    ],
    departments: [
      { deptId: 1, name: "总部" },
      { deptId: 2, name: "客服部", parentId: 1 },
      { deptId: 3, name: "财务部", parentId: 1 },
    ],
  })
  const dingtalkLayer = layer({
    appKey,
    appSecret,
    agentId: 4001,
    apiBaseUrl: fake.url,
    oapiBaseUrl: fake.url,
    forms: [Approval.hospitalityMealRequestForm as never],
    ids: { departments: { service: 2 } },
    callback: { ...callbackKeys, ownerKey: { kind: "appKey", value: appKey } },
  })
  const services = Layer.mergeAll(dingtalkLayer, InMemoryHostCrm.layer())
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
          for (const event of events) {
            const outcome = yield* dingtalk.toOutcome(event)
            if (outcome === undefined) continue
            outcomes.push(outcome)
            log(
              `callback: ${event.eventType} ${event.type} → outcome ${outcome.outcome} by ${outcome.decidedBy}`,
            )
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
