import { defineForm, enumeration, field, label, Money, ValidationError } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const Kind = enumeration("test.kind", {
  product: label("商品", "Product"),
  service: label("服务", "Service"),
})

const form = defineForm({
  id: "test.form",
  title: label("测试表", "Test form"),
  fields: {
    name: field.text({ label: label("姓名", "Name"), maxLength: 10 }),
    kind: field.choice(Kind, { label: label("类型", "Kind") }),
    loss: field.money({ label: label("损失金额", "Loss"), currency: "CNY", required: false }),
    on: field.date({ label: label("日期", "Date"), required: false }),
    shares: field.table({
      label: label("责任归属", "Responsibility"),
      columns: {
        department: field.department({ label: label("部门", "Department") }),
        percent: field.percent({ label: label("比率%", "Share %") }),
      },
    }),
  },
  rules: (value) =>
    value.shares.reduce((total, row) => total + row.percent, 0) === 100
      ? []
      : [{ path: ["shares"], message: "shares must add up to 100 %" }],
})

describe("forms", () => {
  it("types and accepts a valid value", () => {
    const parsed = form.parse({
      name: " 王五 ",
      kind: "product",
      loss: Money.ofMajor("12.50", "CNY"),
      shares: [
        { department: "quality", percent: 60 },
        { department: "logistics", percent: 40 },
      ],
    })
    expect(Result.isSuccess(parsed)).toBe(true)
    const value = Result.getOrThrow(parsed)
    expect(value.name).toBe("王五")
    const kind: "product" | "service" = value.kind
    expect(kind).toBe("product")
    expect(value.on).toBeUndefined()
  })

  it("names every bad field with its path", () => {
    const parsed = form.parse({
      name: "",
      kind: "other",
      loss: { minor: 1, currency: "USD" },
      on: "2026-02-30",
      shares: [{ department: "bad id!", percent: 120 }],
      extra: true,
    })
    expect(Result.isFailure(parsed)).toBe(true)
    const error = (parsed as Result.Failure<never, ValidationError>).failure
    expect(error).toBeInstanceOf(ValidationError)
    expect(error._tag).toBe("ValidationError")
    const paths = error.issues.map((issue) => issue.path.join("."))
    expect(paths).toEqual(
      expect.arrayContaining([
        "name",
        "kind",
        "loss.currency",
        "on",
        "shares.0.department",
        "shares.0.percent",
        "",
      ]),
    )
    expect(error.message).toContain("test.form.name")
  })

  it("runs cross-field rules only on otherwise valid values", () => {
    const parsed = form.parse({
      name: "王五",
      kind: "service",
      shares: [{ department: "quality", percent: 60 }],
    })
    const error = (parsed as Result.Failure<never, ValidationError>).failure
    expect(error.issues).toEqual([{ path: ["shares"], message: "shares must add up to 100 %", code: "rule" }])
  })

  it("gives every field a label in both languages", () => {
    for (const definition of Object.values(form.fields)) {
      expect(definition.label["zh-CN"].length).toBeGreaterThan(0)
      expect(definition.label.en.length).toBeGreaterThan(0)
    }
  })

  it("resolves each table column's level: its own where it names one, else its table's, and the table takes the strictest", () => {
    const contacts = defineForm({
      id: "complaint.testContacts",
      title: label("联系人", "Contacts"),
      fields: {
        note: field.text({ label: label("备注", "Note") }),
        people: field.table({
          label: label("联系人", "People"),
          confidentiality: "public",
          columns: {
            role: field.text({ label: label("角色", "Role") }),
            phone: field.phone({ label: label("电话", "Telephone"), confidentiality: "secret" }),
          },
        }),
        plain: field.table({
          label: label("明细", "Lines"),
          columns: { item: field.text({ label: label("项目", "Item") }) },
        }),
      },
    })
    expect(contacts.fields.note.confidentiality).toBe("internal")
    expect(contacts.fields.people.columns.role.confidentiality).toBe("public")
    expect(contacts.fields.people.columns.phone.confidentiality).toBe("secret")
    expect(contacts.fields.people.confidentiality).toBe("secret")
    expect(contacts.fields.plain.columns.item.confidentiality).toBe("internal")
    expect(contacts.fields.plain.confidentiality).toBe("internal")
    expect(
      contacts.parse({ note: "n", people: [{ role: "r", phone: "13800138000" }], plain: [{ item: "i" }] })
        ._tag,
    ).toBe("Success")
  })
})
