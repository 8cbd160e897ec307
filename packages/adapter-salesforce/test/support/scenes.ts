import { make } from "@tixi/adapter-salesforce"
import {
  type FakePubSubOptions,
  type FakeSalesforce,
  startFakePubSub,
  startFakeSalesforceServer,
} from "@tixi/adapter-salesforce/fake"
import { type FieldSpec, Money } from "@tixi/core"
import { Effect } from "effect"
import { settingsFor } from "./fake-org-harness.ts"

/**
 * gRPC runs over HTTP/2 sockets, which msw would intercept, so tests of Change Data Capture serve
 * the fake org's REST API on a loopback HTTP server and its Pub/Sub API on a loopback gRPC server.
 */
export const servedOrgWithPubSub = async (
  install: ReadonlyArray<FieldSpec>,
  pubsubOptions: FakePubSubOptions = {},
) => {
  const served = await startFakeSalesforceServer()
  const adapter = await Effect.runPromise(make(settingsFor(served.fake)))
  await Effect.runPromise(adapter.install(install, { dryRun: false }))
  const pubsub = await startFakePubSub(served.fake, pubsubOptions)
  return {
    fake: served.fake as FakeSalesforce,
    adapter,
    pubsub,
    close: async () => {
      await pubsub.close()
      await served.close()
    },
  }
}

/** A datetime as the REST API writes it (`…T08:30:00.000+0000`), as epoch milliseconds. */
export const instantOf = (value: unknown) => Date.parse(String(value).replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))

/** The complaining customer, as tixi keeps it in the org (an Account keyed `Tixi_Key__c`). */
export const complaintCustomer = {
  externalKey: "CUST-0001",
  kind: "organization",
  name: "华东机电有限公司",
  fields: {},
} as const

/**
 * What a member of staff does in Salesforce in the complaint tests: gives the customer's Account a
 * phone, opens a complaint Case on it (a 投诉类型 given), and opens a printer jam, which is no
 * complaint. `later` moves the clock on between, as SystemModstamp keeps whole seconds.
 */
export const staffOpenComplaintCase = async (fake: FakeSalesforce, later: () => Promise<unknown>) => {
  const account = fake.org
    .records("Account")
    .find((row) => row.Tixi_Key__c === complaintCustomer.externalKey)!
  await later()
  fake.staff.update("Account", String(account.Id), { Phone: "021-6288 1234", BillingCity: "上海" })
  const caseId = fake.staff.create("Case", {
    Subject: "三台电机外壳破损",
    Description: "客户来电：到货的三台电机外壳破损，要求更换。",
    Priority: "High",
    Origin: "Phone",
    AccountId: account.Id,
    Tixi_Complaint_Type__c: "product",
  })
  const printer = fake.staff.create("Case", { Subject: "打印机卡纸", Priority: "Low" })
  return { account, caseId, printer }
}

/** The override runs as the org's Approval Processes, one per chain length the company's policy plans. */
export const creditOverrideBinding = {
  object: "Account",
  processes: [1, 2, 3].map((steps) => ({
    name: `Tixi_Credit_Override_${steps}`,
    steps: Array.from({ length: steps }, () => "any" as const),
  })),
  approversPerStep: 2,
  // The override's form names the customer: its Account is the record approved.
  recordKeyField: "customer",
}

const yuan = (amount: string) => Money.ofMajor(amount, "CNY")

/** A customer's position as the credit desk reads it (grade B, ¥200,000 limit), with the order to ship. */
export const creditPosition = (customerId: string, order: string) => ({
  customerId,
  grade: "B",
  limit: yuan("200000"),
  openReceivables: yuan("150000"),
  openOrders: yuan("40000"),
  oldestOverdueDays: 0,
  bouncedPayments: 0,
  bankruptcySigns: [],
  order: yuan(order),
})
