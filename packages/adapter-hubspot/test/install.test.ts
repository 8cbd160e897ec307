import { Complaints, type FieldSpec, label } from "@tixi/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { formatInstallReport, make, propertyNameOf } from "../src/index.ts"
import { fakeOptions, testFields, testStages, useFakePortal } from "./support/fake-portal.ts"

const fake = useFakePortal()

const writes = () =>
  fake.portal.requests.filter((request) => request.method !== "GET" && !request.path.endsWith("/batch/read"))
    .length

const adapterFor = (overrides: Parameters<typeof fakeOptions>[0] = {}) =>
  Effect.runPromise(make(fakeOptions({ fields: testFields, ...overrides })))

describe("install", () => {
  it("plans without writing in a dry run, applies the plan, and changes nothing the second time", async () => {
    fake.fresh()
    const adapter = await adapterFor()
    const plan = await Effect.runPromise(adapter.install({ dryRun: true }))
    expect(writes()).toBe(0)
    expect(plan.dryRun).toBe(true)
    const created = plan.changes.filter((change) => change.action === "create")
    // 8 groups, 8 keys, customer key and 2 owners, 1 customer field on 2 objects, 2 case fields, pipeline, 3 stages:
    // the credit limit (秘密) is not created for the default audience (内部).
    expect(created).toHaveLength(8 + 8 + 3 + 2 + 2 + 1 + 3)
    expect(created.some((change) => change.kind === "property" && change.name === "tixi_credit_limit")).toBe(
      false,
    )
    const text = formatInstallReport(plan)
    expect(text).toContain("Install plan (dry run, nothing written)")
    expect(text).toContain(
      '+ property  companies.tixi_customer_grade: creates enumeration property "客户等级", 3 options',
    )
    expect(text).toContain('+ stage     closed "已结案": CLOSED stage "已结案"')

    const applied = await Effect.runPromise(adapter.install({ dryRun: false }))
    expect(applied.pipelineId).toBeDefined()
    const grade = fake.portal.store.definitionsOf("companies").get("tixi_customer_grade")!
    expect(grade).toMatchObject({
      type: "enumeration",
      fieldType: "select",
      groupName: "tixi",
      label: "客户等级",
    })
    expect(grade.description).toBe("Customer grade")
    expect(grade.options.map((option) => [option.value, option.label, option.description])).toEqual([
      ["A", "A 级", "Grade A"],
      ["B", "B 级", "Grade B"],
      ["C", "C 级", "Grade C"],
    ])
    expect(fake.portal.store.definitionsOf("tickets").get("tixi_key")?.hasUniqueValue).toBe(true)
    expect(fake.portal.store.definitionsOf("tasks").get("tixi_key")?.hasUniqueValue).toBe(false)
    const pipeline = fake.portal.store.ticketPipelines().find((entry) => entry.id === applied.pipelineId)!
    expect(pipeline.stages.map((stage) => [stage.label, stage.metadata.ticketState])).toEqual([
      ["已登记", "OPEN"],
      ["调查中", "OPEN"],
      ["已结案", "CLOSED"],
    ])

    const before = writes()
    const again = await Effect.runPromise(adapter.install({ dryRun: false }))
    expect(writes()).toBe(before)
    expect(again.changes.every((change) => change.action === "unchanged")).toBe(true)
  })

  it("updates only what a changed policy changes: a new option, a relabelled one, a removed one hidden", async () => {
    fake.fresh()
    await Effect.runPromise((await adapterFor()).install({ dryRun: false }))
    const changedGrade: FieldSpec = {
      ...testFields[0]!,
      options: [
        { value: "A", label: label("A 级（重点）", "Grade A (key account)") },
        { value: "B", label: label("B 级", "Grade B") },
        { value: "D", label: label("D 级", "Grade D") },
      ],
    }
    const adapter = await adapterFor({ fields: [changedGrade, ...testFields.slice(1)] })
    const before = writes()
    const report = await Effect.runPromise(adapter.install({ dryRun: false }))
    const changed = report.changes.filter((change) => change.action !== "unchanged")
    expect(
      changed.map((change) =>
        change.kind === "property" ? `${change.objectType}.${change.name}` : change.kind,
      ),
    ).toEqual(["companies.tixi_customer_grade", "contacts.tixi_customer_grade"])
    expect(changed[0]!.kind === "property" && changed[0]!.detail).toBe(
      'adds option "D"; relabels options "A"; hides options "C" (kept for existing records)',
    )
    expect(writes() - before).toBe(2)
    const options = fake.portal.store.definitionsOf("contacts").get("tixi_customer_grade")!.options
    expect(options.map((option) => [option.value, option.label, option.hidden])).toEqual([
      ["A", "A 级（重点）", false],
      ["B", "B 级", false],
      ["D", "D 级", false],
      ["C", "C 级", true],
    ])
  })

  it("adds a stage a new policy introduces and restores a stage label an administrator changed", async () => {
    fake.fresh()
    await Effect.runPromise((await adapterFor()).install({ dryRun: false }))
    const pipeline = fake.portal.store.ticketPipelines().find((entry) => entry.label.startsWith("tixi"))!
    pipeline.stages[1]!.label = "Investigating"
    const stages = [
      ...testStages.slice(0, 2),
      { name: "awaiting_customer", label: label("待客户确认", "Awaiting customer"), state: "open" as const },
      testStages[2]!,
    ]
    const adapter = await adapterFor({ stages })
    const report = await Effect.runPromise(adapter.install({ dryRun: false }))
    const stageChanges = report.changes.filter(
      (change) => change.kind === "stage" && change.action !== "unchanged",
    )
    expect(
      stageChanges.map((change) =>
        change.kind === "stage" ? `${change.action} ${change.name}: ${change.detail}` : "",
      ),
    ).toEqual([
      'update investigating: label "Investigating" → "调查中"',
      'create awaiting_customer: adds OPEN stage "待客户确认"',
      "update closed: order 2 → 3",
    ])
    expect(pipeline.stages.filter((stage) => !stage.archived).map((stage) => stage.label)).toEqual([
      "已登记",
      "调查中",
      "已结案",
      "待客户确认",
    ])
  })

  it("refuses to touch a property of the portal's own that has tixi's name, and writes nothing", async () => {
    fake.fresh()
    const staffProperty = fake.portal.store.definitionsOf("companies")
    staffProperty.set("tixi_credit_limit", {
      ...staffProperty.get("annualrevenue")!,
      name: "tixi_credit_limit",
      label: "Our credit limit",
      hubspotDefined: false,
      groupName: "companyinformation",
    })
    const adapter = await adapterFor({ audience: { clearance: "secret", modules: ["credit"] } })
    const failure = await Effect.runPromise(Effect.flip(adapter.install({ dryRun: false })))
    expect(failure.reason._tag).toBe("Conflict")
    expect(failure.detail).toContain("never changes the portal's own properties")
    expect(writes()).toBe(0)
    expect(staffProperty.get("tixi_credit_limit")?.label).toBe("Our credit limit")
  })

  it("installs the complaint case by default: every complaint field as a ticket property, the flow as OPEN/CLOSED stages", async () => {
    fake.fresh()
    const { stages: _, fields: __, ...defaults } = fakeOptions()
    const adapter = await Effect.runPromise(make(defaults))
    const report = await Effect.runPromise(adapter.install({ dryRun: false }))
    const tickets = fake.portal.store.definitionsOf("tickets")
    for (const spec of Complaints.complaintCaseFields) {
      const property = tickets.get(propertyNameOf(spec.name))
      expect(property, spec.name).toMatchObject({ groupName: "tixi", label: spec.label["zh-CN"] })
      // HubSpot's yes/no properties carry their two options themselves.
      expect(property?.options.length ?? 0, spec.name).toBe(
        spec.type === "boolean" ? 2 : (spec.options?.length ?? 0),
      )
    }
    expect(tickets.get("tixi_complaint_resolution_due_at")).toMatchObject({ type: "datetime" })
    expect(tickets.get("tixi_complaint_escalation_level")).toMatchObject({ type: "number" })
    expect(tickets.get("tixi_complaint_category")?.options.map((option) => option.value)).toEqual([
      ...Complaints.ContentCategory.values,
    ])
    const pipeline = fake.portal.store.ticketPipelines().find((entry) => entry.id === report.pipelineId)!
    expect(pipeline.stages.map((stage) => [stage.label, stage.metadata.ticketState])).toEqual(
      Complaints.complaintStages.map((stage) => [stage.label["zh-CN"], stage.state.toUpperCase()]),
    )
    expect(
      pipeline.stages.filter((stage) => stage.metadata.ticketState === "CLOSED").map((stage) => stage.label),
    ).toEqual(["已结案", "不予受理"])
  })

  it("writes only what install created: a field never installed is an InvalidRequest naming it, and nothing is written", async () => {
    fake.fresh()
    const adapter = await adapterFor()
    await Effect.runPromise(adapter.install({ dryRun: false }))
    const before = writes()
    const draft = {
      externalKey: "TS-20260105-0001",
      subject: "货物破损",
      description: "",
      status: "open" as const,
      stage: "registered",
      priority: "high" as const,
      fields: { escalation_level: 1, complaint_urgency: "urgent", complaint_cause: null },
    }
    const failure = await Effect.runPromise(Effect.flip(adapter.hostCrm.upsertCase(draft)))
    expect(failure.reason._tag).toBe("InvalidRequest")
    const fields = (failure.reason._tag === "InvalidRequest" && failure.reason.fields) || []
    expect(fields.map((entry) => entry.field)).toEqual(["fields.complaint_urgency", "fields.complaint_cause"])
    expect(fields[0]?.message).toContain("run install")
    expect(failure.detail).toContain("tickets has no property tixi_complaint_urgency")
    expect(writes()).toBe(before)
    expect(fake.portal.store.definitionsOf("tickets").has("tixi_complaint_urgency")).toBe(false)
    expect(fake.portal.list("tickets")).toHaveLength(0)
    const customers = await Effect.runPromise(
      Effect.flip(
        adapter.hostCrm.upsertCustomers([
          { externalKey: "CUST-1", kind: "organization", name: "华东机电", fields: { credit_grade: "A" } },
        ]),
      ),
    )
    expect(customers.reason._tag === "InvalidRequest" && customers.reason.fields?.[0]?.field).toBe(
      "fields.credit_grade",
    )

    // Once an administrator installs the fields (here from another process), the same write goes through.
    const administrator = await adapterFor({ fields: [...testFields, ...Complaints.complaintCaseFields] })
    await Effect.runPromise(administrator.install({ dryRun: false }))
    const written = await Effect.runPromise(adapter.hostCrm.upsertCase(draft))
    expect(fake.portal.read("tickets", written.id)).toMatchObject({
      tixi_complaint_urgency: "urgent",
      tixi_escalation_level: "1",
    })
  })

  it("labels in English for an English portal and keeps Chinese in the description", async () => {
    fake.fresh()
    const adapter = await adapterFor({ language: "en" })
    const report = await Effect.runPromise(adapter.install({ dryRun: false }))
    const grade = fake.portal.store.definitionsOf("companies").get("tixi_customer_grade")!
    expect(grade.label).toBe("Customer grade")
    expect(grade.description).toBe("客户等级")
    expect(grade.options[0]).toMatchObject({ label: "Grade A", description: "A 级" })
    const pipeline = fake.portal.store.ticketPipelines().find((entry) => entry.id === report.pipelineId)!
    expect(pipeline.label).toBe("tixi complaints")
    expect(pipeline.stages.map((stage) => stage.label)).toEqual(["Registered", "Investigating", "Closed"])
    // A Chinese-configured adapter finds the same pipeline and stages by their English labels.
    const chinese = await adapterFor()
    const plan = await Effect.runPromise(chinese.install({ dryRun: true }))
    expect(
      plan.changes.filter((change) => change.kind === "pipeline").map((change) => change.action),
    ).toEqual(["unchanged"])
  })
})
