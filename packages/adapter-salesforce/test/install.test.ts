import { customFieldName, fieldMetadata } from "@tixi/adapter-salesforce"
import { type FieldSpec, label } from "@tixi/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { fakeOrgWithAdapter, useMsw } from "./support/fake-org-harness.ts"

useMsw()

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

const specs: ReadonlyArray<FieldSpec> = [
  {
    object: "customer",
    name: "credit_grade",
    label: label("信用等级", "Credit grade"),
    description: label("按信用评分表评定", "From the credit scoring table"),
    type: "choice",
    options: [
      { value: "AAA", label: label("特优", "Excellent") },
      { value: "AA", label: label("优", "Good") },
    ],
  },
  { object: "customer", name: "creditLimit", label: label("信用额度", "Credit limit"), type: "money" },
  { object: "case", name: "sla_due_at", label: label("承诺办理期限", "SLA due"), type: "dateTime" },
  { object: "case", name: "escalation_level", label: label("升级级别", "Escalation level"), type: "number" },
]

describe("installing tixi into an org", () => {
  it("names fields the Salesforce way and keeps long names unique", () => {
    expect(customFieldName("complaint_urgency")).toBe("Tixi_Complaint_Urgency__c")
    expect(customFieldName("creditLimit")).toBe("Tixi_Credit_Limit__c")
    const long = customFieldName("a_really_long_field_name_that_goes_on_and_on_forever")
    expect(long.length).toBeLessThanOrEqual(43)
    expect(long).not.toBe(customFieldName("a_really_long_field_name_that_goes_on_and_on_forever_too"))
  })

  it("labels in the configured language and puts the other in the help text", () => {
    const english = fieldMetadata(specs[0]!, "en")
    expect(english).toMatchObject({
      label: "Credit grade",
      type: "Picklist",
      inlineHelpText: "信用等级 · From the credit scoring table · 按信用评分表评定",
    })
    expect(english.valueSet?.valueSetDefinition.value).toEqual([
      { fullName: "AAA", label: "Excellent", default: false },
      { fullName: "AA", label: "Good", default: false },
    ])
    expect(fieldMetadata(specs[0]!, "zh-CN")).toMatchObject({
      label: "信用等级",
      inlineHelpText: "Credit grade · 按信用评分表评定 · From the credit scoring table",
    })
  })

  it("plans without writing, applies, and then has nothing to do", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ settings: { labelLanguage: "zh-CN" } })
    const plan = await run(adapter.install(specs, { dryRun: true }))
    expect(plan.base.every((step) => step.action === "create")).toBe(true)
    expect(plan.fields.map((step) => step.action)).toEqual(["create", "create", "create", "create"])
    expect(plan.fields[0]!.detail).toContain("Account: creates Picklist field Account.Tixi_Credit_Grade__c")
    expect(fake.org.customFields.size).toBe(0)
    await run(adapter.install(specs, { dryRun: false }))
    expect(fake.org.fieldOf("Account", "Tixi_Credit_Grade__c")).toMatchObject({
      label: "信用等级",
      type: "picklist",
    })
    expect(fake.org.fieldOf("Contact", "Tixi_Credit_Grade__c")).toBeDefined()
    expect(fake.org.fieldOf("Case", "Tixi_Sla_Due_At__c")?.type).toBe("datetime")
    expect(fake.org.fieldOf("Case", "Tixi_Key__c")).toMatchObject({ externalId: true, unique: true })
    expect(fake.org.fieldOf("Task", "Tixi_Key__c")).toBeDefined()
    expect(fake.org.fieldOf("Event", "Tixi_Kind__c")).toBeDefined()
    const again = await run(adapter.install(specs, { dryRun: false }))
    expect(again.base.every((step) => step.action === "unchanged")).toBe(true)
    expect(again.fields.map((step) => step.action)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
    ])
  })

  it("grants access to new fields through tixi's permission set", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({})
    await run(adapter.hostCrm.ensureFields([specs[2]!], { dryRun: false }))
    const permissionSet = fake.org.records("PermissionSet").find((row) => row.Name === "Tixi_Fields")
    expect(permissionSet).toBeDefined()
    const grants = fake.org.records("FieldPermissions").filter((row) => row.ParentId === permissionSet!.Id)
    expect(grants.map((row) => row.Field)).toEqual(["Case.Tixi_Sla_Due_At__c"])
    expect(grants[0]).toMatchObject({ PermissionsRead: true, PermissionsEdit: true })
  })

  it("adds picklist values and relabels without removing what staff use", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({ install: [specs[0]!] })
    const grown: FieldSpec = {
      ...specs[0]!,
      options: [
        { value: "AAA", label: label("特优", "Outstanding") },
        ...(specs[0]!.options ?? []).slice(1),
        { value: "A", label: label("良", "Fair") },
      ],
    }
    const [step] = await run(adapter.hostCrm.ensureFields([grown], { dryRun: false }))
    expect(step).toMatchObject({ action: "update" })
    expect(step!.detail).toContain("adds option A")
    expect(step!.detail).toContain("relabels AAA")
    expect(
      fake.org
        .fieldOf("Account", "Tixi_Credit_Grade__c")!
        .picklistValues!.map((value) => [value.value, value.label]),
    ).toEqual([
      ["AAA", "Outstanding"],
      ["AA", "Good"],
      ["A", "Fair"],
    ])
  })

  it("refuses a spec listed twice", async () => {
    const { adapter } = await fakeOrgWithAdapter({})
    const failure = await run(
      Effect.flip(adapter.hostCrm.ensureFields([specs[1]!, specs[1]!], { dryRun: true })),
    )
    expect(failure.reason._tag).toBe("Conflict")
  })

  it("maps tixi fields onto standard Case fields without touching them", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({
      settings: { fieldMap: { case: { complaint_origin: "Origin" } } },
      install: [],
    })
    const spec: FieldSpec = {
      object: "case",
      name: "complaint_origin",
      label: label("投诉来源", "Origin"),
      type: "text",
    }
    const [step] = await run(adapter.hostCrm.ensureFields([spec], { dryRun: false }))
    expect(step?.action).toBe("unchanged")
    const saved = await run(
      adapter.hostCrm.upsertCase({
        externalKey: "TS-1",
        subject: "s",
        description: "d",
        status: "open",
        stage: "registered",
        priority: "urgent",
        fields: { complaint_origin: "Phone" },
      }),
    )
    expect(fake.org.findById(saved.id)!.record.Origin).toBe("Phone")
    expect(saved.fields.complaint_origin).toBe("Phone")
  })
})
