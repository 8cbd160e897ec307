import type { SalesforceAdapterService, SalesforceSettings } from "@tixi/adapter-salesforce"
import {
  Approval,
  type ApprovalOutcomeEvent,
  type ApprovalRecord,
  Credit,
  decideApprovalCommand,
  type InMemoryRunnerOf,
  Money,
  makeInMemoryRunner,
  personId,
} from "@tixi/core"
import { Effect, Result } from "effect"
import { creditFields } from "./credit-fields.ts"

/** A customer with the grade and limit the credit review gave it, and what it owes and has on order. */
export interface ReviewedCustomer {
  readonly key: string
  readonly name: string
  readonly grade: Credit.CreditGrade
  /** Credit limit (赊销限额) in yuan. */
  readonly limit: number
  /** Receivables in yuan. */
  readonly receivables: number
  /** Orders not yet shipped in yuan. */
  readonly openOrders: number
}

/** Customers of the example and their review results. */
export const reviewedCustomers: ReadonlyArray<ReviewedCustomer> = [
  {
    key: "C-1001",
    name: "华东机电贸易有限公司",
    grade: "B",
    limit: 500_000,
    receivables: 380_000,
    openOrders: 50_000,
  },
  { key: "C-1002", name: "南方五金制品厂", grade: "A", limit: 200_000, receivables: 60_000, openOrders: 0 },
  { key: "C-1003", name: "北辰物流有限公司", grade: "C", limit: 80_000, receivables: 79_000, openOrders: 0 },
  { key: "C-1004", name: "西岭建材经销部", grade: "D", limit: 20_000, receivables: 0, openOrders: 0 },
]

/**
 * A credit-limit override runs as the org's Approval Processes, one per chain length the company's
 * approval policy plans (manager; then finance above ¥10,000 over; then the general manager above
 * ¥50,000 over), each step "approve or reject based on the first response". The override's form
 * names the customer, whose Account is the record approved.
 */
export const overrideBinding = {
  object: "Account",
  processes: [1, 2, 3].map((steps) => ({
    name: `Tixi_Credit_Override_${steps}`,
    steps: Array.from({ length: steps }, () => "any" as const),
  })),
  approversPerStep: 2,
  recordKeyField: "customer",
}

/** The adapter settings the override needs. */
export const approvalSettings: Pick<SalesforceSettings, "approvalProcesses" | "audience"> = {
  approvalProcesses: { "credit.limitOverride": overrideBinding },
  // The org's users here are the credit posts (field-level security keeps the credit fields to
  // them), so tixi may write the credit limit and score; the default audience (internal) would not.
  audience: { clearance: "secret", modules: ["credit"] },
}

/** The override process on the in-memory runner, routed by the company-wide approval policy. */
export const makeOverrideRunner = () =>
  makeInMemoryRunner(
    Credit.creditOverrideProcess(Credit.defaultCreditPolicy, {
      approvalPolicy: Approval.defaultApprovalPolicy,
    }),
  )
type OverrideRunner = InMemoryRunnerOf<ReturnType<typeof Credit.creditOverrideProcess>>

const yuan = (amount: number) => Money.ofMajor(String(amount), "CNY")

/** The order that goes past C-1001's limit: ¥120,000 on ¥430,000 used of ¥500,000, ¥50,000 over. */
export const heldOrder = {
  requestId: "OV-2026-0042",
  orderNumber: "SO-2026-0042",
  customer: "C-1001",
  amount: 120_000,
}

/** What the credit scene did, for printing and for the example's test. */
export interface CreditSceneResult {
  readonly installed: ReadonlyArray<string>
  readonly graded: number
  readonly failed: number
  /** The Salesforce approval the held order waits on. */
  readonly approval: ApprovalRecord
}

/**
 * The credit scene on any org: install the credit fields (plan first), write each customer's
 * grade, limit and exposure by tixi's key, then ask to release two orders past the limit through
 * the core's override process: one within the tolerance goes at once, the other opens the
 * Approval Process on the customer's Account (钱经理, then 周会计).
 */
export const creditScene = (
  adapter: SalesforceAdapterService,
  runner: OverrideRunner,
  log: (line: string) => void,
) =>
  Effect.gen(function* () {
    const plan = yield* adapter.install(creditFields, { dryRun: true })
    for (const step of plan.fields) log(`plan   ${step.action.padEnd(9)} ${step.name}: ${step.detail}`)
    yield* adapter.install(creditFields, { dryRun: false })
    const outcome = yield* adapter.hostCrm.upsertCustomers(
      reviewedCustomers.map((customer) => ({
        externalKey: customer.key,
        kind: "organization" as const,
        name: customer.name,
        fields: {
          credit_grade: customer.grade,
          credit_limit: customer.limit,
          credit_currency: "CNY",
          credit_exposure: customer.receivables + customer.openOrders,
        },
      })),
    )
    for (const { index, value } of outcome.succeeded) {
      const customer = reviewedCustomers[index]!
      log(
        `graded ${customer.key} ${customer.name} → ${customer.grade}, limit ¥${customer.limit.toLocaleString("en-US")} (Account ${value.id})`,
      )
    }
    for (const { index, error } of outcome.failed)
      log(`failed ${reviewedCustomers[index]!.key}: ${error.message}`)

    const request = (requestId: string, orderNumber: string, key: string, amount: number) => {
      const customer = reviewedCustomers.find((entry) => entry.key === key)!
      return runner.dispatch(requestId, {
        type: "RequestOverride",
        requestId,
        orderNumber,
        requestedBy: { personId: personId("officer-wu"), role: "officer" },
        reason: "旺季备货，客户承诺月底回款",
        position: {
          customerId: customer.key,
          grade: customer.grade,
          limit: yuan(customer.limit),
          openReceivables: yuan(customer.receivables),
          openOrders: yuan(customer.openOrders),
          oldestOverdueDays: 0,
          bouncedPayments: 0,
          bankruptcySigns: [],
          order: yuan(amount),
        },
      })
    }
    const small = yield* request("OV-2026-0041", "SO-2026-0041", "C-1002", 150_000)
    if (Result.isFailure(small)) return yield* Effect.die(small.failure)
    log(
      `order SO-2026-0041 (C-1002, ¥150,000): ${small.success.state.status}, ${small.success.state.check?.status}`,
    )
    const held = yield* request(
      heldOrder.requestId,
      heldOrder.orderNumber,
      heldOrder.customer,
      heldOrder.amount,
    )
    if (Result.isFailure(held)) return yield* Effect.die(held.failure)
    const state = held.success.state
    const approval = yield* adapter.approvals.findByKey(state.approval!.key)
    if (approval === undefined) return yield* Effect.die(new Error("the override approval was not opened"))
    log(
      `order ${heldOrder.orderNumber} (${heldOrder.customer}, ¥${heldOrder.amount.toLocaleString("en-US")}): ${state.status}; ` +
        `Salesforce approval ${approval.id} is ${approval.state}`,
    )
    return {
      installed: plan.fields.map((step) => step.name),
      graded: outcome.succeeded.length,
      failed: outcome.failed.length,
      approval,
    } satisfies CreditSceneResult
  })

/**
 * Polls the org for decided approvals since `cursor` and delivers each override's decision to its
 * request (by business key), printing what became of the order. Polling delivers at least once;
 * a decision delivered again changes nothing.
 */
export const takeDecisions = (
  adapter: SalesforceAdapterService,
  runner: OverrideRunner,
  cursor: string | undefined,
  log: (line: string) => void,
) =>
  Effect.gen(function* () {
    const polled = yield* adapter.pollApprovalOutcomes(cursor)
    let recorded = 0
    for (const event of polled.events.filter(isOverrideOutcome)) {
      const { at: _decidedAt, ...command } = decideApprovalCommand(event)
      const outcome = yield* runner.dispatch(event.businessKey, command)
      const events = Result.isSuccess(outcome) ? outcome.success.events.length : 0
      recorded += events
      const status = runner.instance(event.businessKey)?.state.status
      log(
        `approval ${event.approvalId} ${event.outcome} by ${event.decidedBy ?? "—"}` +
          `${event.comment ? ` (${event.comment})` : ""} → request ${event.businessKey} ${status}` +
          (events === 0 ? " (already recorded: nothing changes)" : ""),
      )
    }
    return { cursor: polled.cursor, recorded }
  })

const isOverrideOutcome = (event: ApprovalOutcomeEvent) => event.requestType === "credit.limitOverride"
