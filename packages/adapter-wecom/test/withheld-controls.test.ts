import {
  type AnyForm,
  type ApprovalSubmission,
  ConfidentialityLevel,
  defineForm,
  field,
  label,
  personId,
} from "@tixi/core"
import { Effect } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { make } from "../src/adapter.ts"
import type { WeComFake } from "../src/testing/wecom-fake.ts"
import { settingsFor, startCompanyFake } from "./support.ts"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

/** One field of every kind, each rendered to its own WeCom control type when the approvers may read it. */
const everyControl = defineForm({
  id: "credit.everyControl",
  title: label("每种控件", "Every control"),
  fields: {
    name: field.text({ label: label("客户姓名", "Customer name") }),
    notes: field.longText({ label: label("说明", "Notes") }),
    count: field.integer({ label: label("次数", "Count") }),
    ratio: field.decimal({ label: label("比率", "Ratio") }),
    limit: field.money({ label: label("信用额度", "Credit limit") }),
    share: field.percent({ label: label("占比", "Share") }),
    due: field.date({ label: label("到期日", "Due date") }),
    at: field.dateTime({ label: label("时间", "Time") }),
    secured: field.boolean({ label: label("有担保", "Secured") }),
    level: field.choice(ConfidentialityLevel, { label: label("等级", "Level") }),
    levels: field.multiChoice(ConfidentialityLevel, { label: label("多个等级", "Levels") }),
    owner: field.person({ label: label("负责人", "Owner") }),
    department: field.department({ label: label("部门", "Department") }),
    customer: field.customer({ label: label("客户", "Customer") }),
    phone: field.phone({ label: label("电话", "Telephone") }),
    lines: field.table({
      label: label("明细", "Lines"),
      columns: { amount: field.money({ label: label("金额", "Amount") }) },
    }),
  },
}) as unknown as AnyForm

const values = {
  name: "韩梅梅",
  notes: "逾期三次",
  count: 31,
  ratio: 0.77,
  limit: { minor: 98_765_00, currency: "CNY" },
  share: 43,
  due: "2026-12-31",
  at: Date.parse("2026-12-01T08:00:00Z"),
  secured: true,
  level: "secret",
  levels: ["internal", "secret"],
  owner: "finance-zhou",
  department: "finance",
  customer: "cust-7788",
  phone: "138 1111 2222",
  lines: [{ amount: { minor: 55_500, currency: "CNY" } }],
}

const submission = (key: string): ApprovalSubmission => ({
  key,
  requestType: "credit.every",
  businessKey: "EV-1",
  title: { "zh-CN": "每种控件", en: "Every control" },
  originator: personId("officer-wu"),
  formId: everyControl.id,
  values,
  steps: [{ mode: "any", approvers: [personId("manager-qian")] }],
})

/** What a request could reveal of each value, as WeCom's controls write it. */
const revealing = [
  "韩梅梅",
  "逾期三次",
  "31",
  "0.77",
  "98765",
  "43",
  "1798646400",
  "1796112000",
  "wc-finance-zhou",
  "cust-7788",
  "138 1111 2222",
  "555",
]

let fake: WeComFake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

describe("WeCom approval controls for approvers below a field's level", () => {
  it("installs every withheld field as an optional Text control and sends （保密） in each, whatever the field's kind", async () => {
    fake = await startCompanyFake()
    const clerks = await run(
      make(settingsFor(fake.url, { forms: [everyControl], approverAudience: { clearance: "public" } })),
    )
    await run(clerks.install({ dryRun: false }))
    const template = fake.templates()[0]!
    const fieldControls = template.controls.slice(0, Object.keys(everyControl.fields).length)
    expect(fieldControls.map((control) => [control.property.control, control.property.require])).toEqual(
      Object.keys(everyControl.fields).map(() => ["Text", 0]),
    )
    const record = await run(clerks.approvals.submit(submission("k-every")))
    const sent = fake.approvals().find((approval) => approval.spNo === record.id)!
    const fieldContents = sent.contents.filter((content) =>
      fieldControls.some((control) => control.property.id === content.id),
    )
    expect(fieldContents).toHaveLength(fieldControls.length)
    for (const content of fieldContents) expect(content.value).toEqual({ text: "（保密）" })
    const request = JSON.stringify(sent)
    for (const value of revealing) expect(request, value).not.toContain(value)
  })

  it("readers cleared for the form get each field in its own control type", async () => {
    fake = await startCompanyFake()
    const managers = await run(make(settingsFor(fake.url, { forms: [everyControl] })))
    await run(managers.install({ dryRun: false }))
    expect(fake.templates()[0]!.controls.map((control) => control.property.control)).toEqual([
      "Text",
      "Textarea",
      "Number",
      "Number",
      "Money",
      "Number",
      "Date",
      "Date",
      "Selector",
      "Selector",
      "Selector",
      "Contact",
      "Contact",
      "Text",
      "Text",
      "Table",
      "Text",
      "Text",
    ])
    const record = await run(managers.approvals.submit(submission("k-cleared")))
    const sent = fake.approvals().find((approval) => approval.spNo === record.id)!
    expect(JSON.stringify(sent)).toContain("98765.00")
  })

  it("a template installed for cleared readers refuses, before sending, a request whose required Money control the new approvers may not read", async () => {
    fake = await startCompanyFake()
    const managers = await run(make(settingsFor(fake.url, { forms: [everyControl] })))
    await run(managers.install({ dryRun: false }))
    const templateId = fake.templates()[0]!.id
    const clerks = await run(
      make(
        settingsFor(fake.url, {
          forms: [everyControl],
          templateIds: { [everyControl.id]: templateId },
          approverAudience: { clearance: "public" },
        }),
      ),
    )
    const before = fake.approvals().length
    const failure = await run(Effect.flip(clerks.approvals.submit(submission("k-stale"))))
    expect(failure.reason._tag).toBe("InvalidRequest")
    expect(failure.detail).toContain("run install")
    expect(fake.approvals()).toHaveLength(before)
    // Installing again turns the template's controls into Text controls; the same request then goes, masked.
    expect((await run(clerks.install({ dryRun: false })))[0]?.action).toBe("update")
    const record = await run(clerks.approvals.submit(submission("k-after-install")))
    const sent = fake.approvals().find((approval) => approval.spNo === record.id)!
    for (const value of revealing) expect(JSON.stringify(sent), value).not.toContain(value)
  })
})
