import {
  type FieldSpec,
  HostCrm,
  type HostRecordId,
  hostRecordId,
  isUnkeyedCaseKey,
  label,
  PortFailure,
} from "@tixi/core"
import { Effect, type Layer } from "effect"
import { describe, expect } from "vitest"
import { conformanceCase, failureOf, type SuiteOptions } from "./suite.ts"

/** What a host implementation gives the suite: a fresh host per case, and optional staff actions. */
export interface HostCrmHarness<Extra = never> {
  /**
   * A fresh, empty host for each case. Hosts that reject unknown custom fields (Salesforce,
   * HubSpot) get the case name, to install the fields the case writes except the ones
   * `fields.ensure` creates.
   */
  readonly layer: (caseName: HostCrmCase) => Layer.Layer<HostCrm | Extra, unknown>
  /**
   * Acting as staff in the host's own screens: opens a case there (a ticket created by an agent
   * in HubSpot, a Case in Salesforce). Without it the staff-origin cases are skipped.
   */
  readonly staffOpensCase?: (subject: string) => Effect.Effect<HostRecordId, unknown, HostCrm | Extra>
}

/** The cases of the HostCrm conformance suite. */
export type HostCrmCase =
  | "customers.upsert creates once per externalKey"
  | "customers.find and get"
  | "customers.get of an unknown id fails NotFound"
  | "customers.list pages through every customer once"
  | "customers.list rejects a bad limit"
  | "customers.updateFields reports partial failures per record"
  | "cases.upsert creates once and updates in place"
  | "cases.get and find"
  | "cases.upsert adopts a case staff opened"
  | "cases.upsert refuses a field that was never installed"
  | "tasks.create is idempotent and complete is repeatable"
  | "tasks.complete of an unknown task fails NotFound"
  | "activities.log is idempotent"
  | "fields.ensure plans, applies and is idempotent"
  | "changes.poll reports tixi's writes as tixi-origin"
  | "changes.poll reports staff changes as host-origin"

const customerDraft = (key: string, name = `客户 ${key}`) => ({
  externalKey: key,
  kind: "organization" as const,
  name,
  fields: { tixi_grade: "A" },
})

const caseDraft = (key: string, customerKey?: string) => ({
  externalKey: key,
  subject: `投诉 ${key}`,
  description: "包装破损，客户要求换货",
  ...(customerKey === undefined ? {} : { customerKey }),
  status: "open" as const,
  stage: "registered",
  priority: "high" as const,
  fields: { complaint_urgency: "urgent" },
})

/**
 * The custom fields the suite's cases write. Real hosts refuse values for fields that were never
 * installed, so every case except the installer's own installs these first through the port.
 */
export const hostCrmSuiteFields: ReadonlyArray<FieldSpec> = [
  { object: "customer", name: "tixi_grade", label: label("客户等级", "Customer grade"), type: "text" },
  {
    object: "case",
    name: "complaint_urgency",
    label: label("处理紧急程度", "Urgency"),
    type: "choice",
    options: [
      { value: "critical", label: label("特急", "Critical") },
      { value: "urgent", label: label("急", "Urgent") },
      { value: "normal", label: label("普通", "Normal") },
    ],
  },
  { object: "case", name: "complaint_cause", label: label("原因", "Cause"), type: "text" },
]

const fieldSpecs: ReadonlyArray<FieldSpec> = [
  {
    object: "case",
    name: "complaint_urgency",
    label: label("处理紧急程度", "Urgency"),
    type: "choice",
    options: [
      { value: "critical", label: label("特急", "Critical") },
      { value: "urgent", label: label("急", "Urgent") },
      { value: "normal", label: label("普通", "Normal") },
    ],
  },
  { object: "customer", name: "customer_grade", label: label("客户等级", "Customer grade"), type: "text" },
]

/**
 * The HostCrm conformance suite (DESIGN "Tests"): the in-memory host and every CRM adapter run
 * it, so tixi's processes behave the same on each. Each case runs on a fresh host.
 */
export function hostCrmSuite<Extra = never>(
  name: string,
  harness: HostCrmHarness<Extra>,
  options: SuiteOptions<HostCrmCase> = {},
): void {
  const staffSkip: SuiteOptions<HostCrmCase>["skip"] = harness.staffOpensCase
    ? {}
    : {
        "changes.poll reports staff changes as host-origin": "the harness cannot act as staff on this host",
        "cases.upsert adopts a case staff opened": "the harness cannot act as staff on this host",
      }
  const settings: SuiteOptions<HostCrmCase> = { ...options, skip: { ...staffSkip, ...options.skip } }
  const installer: HostCrmCase = "fields.ensure plans, applies and is idempotent"
  const test = (caseName: HostCrmCase, program: () => Effect.Effect<void, unknown, HostCrm | Extra>) =>
    conformanceCase(caseName, settings, harness.layer, () =>
      caseName === installer
        ? program()
        : Effect.flatMap(HostCrm, (host) =>
            Effect.flatMap(host.ensureFields(hostCrmSuiteFields, { dryRun: false }), () => program()),
          ),
    )

  describe(`HostCrm conformance: ${name}`, () => {
    test("customers.upsert creates once per externalKey", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const first = yield* host.upsertCustomers([customerDraft("c-1"), customerDraft("c-2")])
        expect(first.failed).toEqual([])
        expect(first.succeeded.map((entry) => entry.index)).toEqual([0, 1])
        const again = yield* host.upsertCustomers([customerDraft("c-1", "客户一（更名）")])
        expect(again.succeeded[0]?.value.id).toBe(first.succeeded[0]?.value.id)
        const found = yield* host.findCustomer("c-1")
        expect(found?.name).toBe("客户一（更名）")
        const page = yield* host.listCustomers({ limit: 100 })
        expect(page.items.filter((customer) => customer.externalKey === "c-1")).toHaveLength(1)
      }))

    test("customers.find and get", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        expect(yield* host.findCustomer("nobody")).toBeUndefined()
        const outcome = yield* host.upsertCustomers([customerDraft("c-3")])
        const id = outcome.succeeded[0]!.value.id
        const customer = yield* host.getCustomer(id)
        expect(customer.externalKey).toBe("c-3")
        expect(customer.kind).toBe("organization")
        expect(customer.fields.tixi_grade).toBe("A")
      }))

    test("customers.get of an unknown id fails NotFound", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const failure = yield* failureOf(host.getCustomer(hostRecordId("999999999")))
        expect(failure).toBeInstanceOf(PortFailure)
        expect(failure.reason._tag).toBe("NotFound")
        expect(failure.isRetryable).toBe(false)
      }))

    test("customers.list pages through every customer once", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const keys = Array.from({ length: 23 }, (_, index) => `list-${String(index).padStart(2, "0")}`)
        const outcome = yield* host.upsertCustomers(keys.map((key) => customerDraft(key)))
        expect(outcome.failed).toEqual([])
        const seen: Array<string> = []
        let cursor: string | undefined
        let pages = 0
        do {
          const page = yield* host.listCustomers({ limit: 5, ...(cursor === undefined ? {} : { cursor }) })
          for (const customer of page.items) seen.push(customer.externalKey ?? customer.id)
          cursor = page.next
          pages += 1
        } while (cursor !== undefined && pages < 100)
        expect(seen.filter((key) => key.startsWith("list-")).sort()).toEqual(keys)
        expect(new Set(seen).size).toBe(seen.length)
        expect(pages).toBeGreaterThanOrEqual(5)
      }))

    test("customers.list rejects a bad limit", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const failure = yield* failureOf(host.listCustomers({ limit: 0 }))
        expect(failure.reason._tag).toBe("InvalidRequest")
      }))

    test("customers.updateFields reports partial failures per record", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const outcome = yield* host.upsertCustomers([customerDraft("u-1"), customerDraft("u-2")])
        const [first, second] = outcome.succeeded.map((entry) => entry.value.id)
        const update = yield* host.updateCustomerFields([
          { id: first!, fields: { tixi_grade: "B" } },
          { id: hostRecordId("999999998"), fields: { tixi_grade: "C" } },
          { id: second!, fields: { tixi_grade: "C" } },
        ])
        expect(update.succeeded.map((entry) => entry.index)).toEqual([0, 2])
        expect(update.failed.map((entry) => entry.index)).toEqual([1])
        expect(update.failed[0]?.error.reason._tag).toBe("NotFound")
        expect((yield* host.getCustomer(first!)).fields.tixi_grade).toBe("B")
        expect((yield* host.getCustomer(second!)).fields.tixi_grade).toBe("C")
      }))

    test("cases.upsert creates once and updates in place", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        yield* host.upsertCustomers([customerDraft("cust-case")])
        const created = yield* host.upsertCase(caseDraft("TS-20260105-0001", "cust-case"))
        expect(created.status).toBe("open")
        expect(created.customerKey).toBe("cust-case")
        const updated = yield* host.upsertCase({
          ...caseDraft("TS-20260105-0001", "cust-case"),
          stage: "closed",
          status: "closed",
          fields: { complaint_cause: "negligence" },
        })
        expect(updated.id).toBe(created.id)
        expect(updated.status).toBe("closed")
        expect(updated.stage).toBe("closed")
        expect(updated.fields.complaint_urgency).toBe("urgent")
        expect(updated.fields.complaint_cause).toBe("negligence")
      }))

    test("cases.get and find", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        expect(yield* host.findCase("TS-none")).toBeUndefined()
        const created = yield* host.upsertCase(caseDraft("TS-20260105-0002"))
        const found = yield* host.findCase("TS-20260105-0002")
        expect(found?.id).toBe(created.id)
        const fetched = yield* host.getCase(created.id)
        expect(fetched.subject).toBe("投诉 TS-20260105-0002")
        const failure = yield* failureOf(host.getCase(hostRecordId("999999997")))
        expect(failure.reason._tag).toBe("NotFound")
      }))

    test("cases.upsert adopts a case staff opened", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const id = yield* harness.staffOpensCase!("客户来电：发票抬头开错")
        const opened = yield* host.getCase(id)
        expect(isUnkeyedCaseKey(opened.externalKey)).toBe(true)
        const draft = { ...caseDraft("TS-20260105-0006"), adoptRecordId: id }
        const adopted = yield* host.upsertCase(draft)
        expect(adopted.id).toBe(id)
        expect(adopted.externalKey).toBe("TS-20260105-0006")
        expect(adopted.subject).toBe("投诉 TS-20260105-0006")
        const again = yield* host.upsertCase({ ...draft, stage: "closed", status: "closed" })
        expect(again.id).toBe(id)
        expect(again.status).toBe("closed")
        expect((yield* host.findCase("TS-20260105-0006"))?.id).toBe(id)
        // A case tixi has keyed is never taken over under another key.
        const failure = yield* failureOf(
          host.upsertCase({ ...caseDraft("TS-20260105-0009"), adoptRecordId: id }),
        )
        expect(failure.reason._tag).toBe("Conflict")
        expect(yield* host.findCase("TS-20260105-0009")).toBeUndefined()
        expect((yield* host.getCase(id)).externalKey).toBe("TS-20260105-0006")
      }))

    test("cases.upsert refuses a field that was never installed", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const draft = caseDraft("TS-20260105-0011")
        const failure = yield* failureOf(
          host.upsertCase({ ...draft, fields: { ...draft.fields, complaint_never_installed: "x" } }),
        )
        expect(failure.reason._tag).toBe("InvalidRequest")
        const named = failure.reason._tag === "InvalidRequest" ? (failure.reason.fields ?? []) : []
        expect(named.map((entry) => entry.field.split(".").at(-1))).toEqual(["complaint_never_installed"])
        // Refused before anything was written: no case, and no field made up on the host.
        expect(yield* host.findCase("TS-20260105-0011")).toBeUndefined()
        expect(yield* host.upsertCase(draft)).toMatchObject({ externalKey: "TS-20260105-0011" })
      }))

    test("tasks.create is idempotent and complete is repeatable", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        yield* host.upsertCase(caseDraft("TS-20260105-0003"))
        const draft = {
          externalKey: "complaint/TS-20260105-0003/4/host.task.create",
          subject: "调查投诉原因",
          body: "查明原因和责任方",
          caseKey: "TS-20260105-0003",
          dueAt: 1_767_600_000_000,
        }
        const first = yield* host.createTask(draft)
        const second = yield* host.createTask(draft)
        expect(second.id).toBe(first.id)
        expect(first.status).toBe("open")
        const done = yield* host.completeTask(draft.externalKey)
        expect(done.status).toBe("done")
        const doneAgain = yield* host.completeTask(draft.externalKey)
        expect(doneAgain.id).toBe(first.id)
        expect(doneAgain.status).toBe("done")
      }))

    test("tasks.complete of an unknown task fails NotFound", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const failure = yield* failureOf(host.completeTask("no-such-task"))
        expect(failure.reason._tag).toBe("NotFound")
      }))

    test("activities.log is idempotent", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        yield* host.upsertCase(caseDraft("TS-20260105-0004"))
        const draft = {
          externalKey: "complaint/TS-20260105-0004/9/host.activity.log",
          kind: "call" as const,
          subject: "回访",
          body: "客户对处理结果满意",
          occurredAt: 1_767_700_000_000,
          caseKey: "TS-20260105-0004",
        }
        const first = yield* host.logActivity(draft)
        const second = yield* host.logActivity(draft)
        expect(second.id).toBe(first.id)
        expect(first.kind).toBe("call")
      }))

    test("fields.ensure plans, applies and is idempotent", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const plan = yield* host.ensureFields(fieldSpecs, { dryRun: true })
        expect(plan.map((step) => step.action)).toEqual(["create", "create"])
        const stillPlanned = yield* host.ensureFields(fieldSpecs, { dryRun: true })
        expect(stillPlanned.map((step) => step.action)).toEqual(["create", "create"])
        const applied = yield* host.ensureFields(fieldSpecs, { dryRun: false })
        expect(applied.map((step) => step.action)).toEqual(["create", "create"])
        const again = yield* host.ensureFields(fieldSpecs, { dryRun: false })
        expect(again.map((step) => step.action)).toEqual(["unchanged", "unchanged"])
        const withOption: ReadonlyArray<FieldSpec> = [
          {
            ...fieldSpecs[0]!,
            options: [...(fieldSpecs[0]!.options ?? []), { value: "low", label: label("低", "Low") }],
          },
        ]
        const changed = yield* host.ensureFields(withOption, { dryRun: false })
        expect(changed[0]?.action).toBe("update")
        expect(changed[0]?.detail).toContain("low")
      }))

    test("changes.poll reports tixi's writes as tixi-origin", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const start = yield* host.pollChanges(undefined, 1000)
        let cursor = start.cursor
        yield* host.upsertCase(caseDraft("TS-20260105-0005"))
        const seen = []
        for (let round = 0; round < 20; round++) {
          const page = yield* host.pollChanges(cursor, 100)
          seen.push(...page.changes)
          cursor = page.cursor
          if (seen.some((change) => change.externalKey === "TS-20260105-0005")) break
        }
        const mine = seen.filter((change) => change.externalKey === "TS-20260105-0005")
        expect(mine.length).toBeGreaterThan(0)
        expect(mine.every((change) => change.origin === "tixi")).toBe(true)
        const after = yield* host.pollChanges(cursor, 100)
        expect(after.changes.filter((change) => change.externalKey === "TS-20260105-0005")).toEqual([])
      }))

    test("changes.poll reports staff changes as host-origin", () =>
      Effect.gen(function* () {
        const host = yield* HostCrm
        const start = yield* host.pollChanges(undefined, 1000)
        const id = yield* harness.staffOpensCase!("客户来电投诉送货延迟")
        let cursor = start.cursor
        const seen = []
        for (let round = 0; round < 20; round++) {
          const page = yield* host.pollChanges(cursor, 100)
          seen.push(...page.changes)
          cursor = page.cursor
          if (seen.some((change) => change.recordId === id)) break
        }
        const opened = seen.find((change) => change.recordId === id)
        expect(opened?.origin).toBe("host")
        expect(opened?.object).toBe("case")
        expect(opened?.changeType).toBe("created")
      }))
  })
}
