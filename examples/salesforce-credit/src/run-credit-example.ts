import type { SalesforceAdapterService } from "@tixi/adapter-salesforce"
import { type ApprovalRecord, personId } from "@tixi/core"
import { Effect } from "effect"
import { creditFields } from "./credit-fields.ts"

/** A customer with the grade and limit the credit review gave it. */
export interface ReviewedCustomer {
  readonly key: string
  readonly name: string
  readonly grade: string
  /** Credit limit in yuan. */
  readonly limit: number
  /** Credit in use in yuan. */
  readonly exposure: number
}

/** Customers of the example and their review results. */
export const reviewedCustomers: ReadonlyArray<ReviewedCustomer> = [
  { key: "C-1001", name: "华东机电贸易有限公司", grade: "AA", limit: 500_000, exposure: 430_000 },
  { key: "C-1002", name: "南方五金制品厂", grade: "A", limit: 200_000, exposure: 60_000 },
  { key: "C-1003", name: "北辰物流有限公司", grade: "B", limit: 80_000, exposure: 79_000 },
  { key: "C-1004", name: "西岭建材经销部", grade: "C", limit: 20_000, exposure: 0 },
]

/** What the example did, for printing and for its test. */
export interface CreditExampleResult {
  readonly installed: ReadonlyArray<string>
  readonly graded: number
  readonly failed: number
  readonly override: ApprovalRecord
}

/**
 * The example's steps on any org: install the credit fields (dry run first, then for real), write
 * each customer's grade, limit and exposure (by tixi's key, so a rerun updates in place), and ask
 * for a credit-limit override above the limit as a Salesforce Approval Process (或签 by the
 * supervisor or the manager, then 会签 by the finance officer and the director).
 */
export const runCreditExample = (adapter: SalesforceAdapterService, log: (line: string) => void) =>
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
          credit_exposure: customer.exposure,
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
    const override = yield* adapter.approvals.submit({
      key: "credit-override/C-1001/2026-01",
      requestType: "credit.limitOverride",
      businessKey: "C-1001",
      title: {
        "zh-CN": "超信用额度发货审批：华东机电 ¥120,000",
        en: "Credit limit override: Huadong ¥120,000",
      },
      originator: personId("officer-wu"),
      formId: "credit.limitOverride",
      values: { customer: "C-1001", orderAmount: 120_000, exposureAfter: 550_000, limit: 500_000 },
      steps: [
        { mode: "any", approvers: [personId("supervisor-sun"), personId("manager-qian")] },
        { mode: "all", approvers: [personId("finance-zhou"), personId("director-li")] },
      ],
    })
    log(`approval ${override.id} for ${override.businessKey} is ${override.state}`)
    return {
      installed: plan.fields.map((step) => step.name),
      graded: outcome.succeeded.length,
      failed: outcome.failed.length,
      override,
    }
  })
