import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Handbook, Organisation } from "@tixi/core"
import { describe, expect, it } from "vitest"
import { exportedForms as forms, moduleExport, processSources } from "../support/core-exports.ts"

const count = (book: string, kind: string) =>
  Handbook.catalogue.filter((entry) => entry.book === book && entry.kind === kind).length

describe("handbook catalogue", () => {
  it("has every item 004 prints: 28 flow charts, 74 forms, 19 posts", () => {
    expect(count("004", "flow")).toBe(28)
    expect(count("004", "form")).toBe(74)
    expect(count("004", "post")).toBe(19)
  })

  it("has the 68 process headings 002's table of contents shows", () => {
    expect(count("002", "process")).toBe(68)
  })

  it("has the roles, systems, tools and plans 000's table of contents names", () => {
    expect([
      count("000", "role"),
      count("000", "system"),
      count("000", "tool"),
      count("000", "plan"),
    ]).toEqual([20, 39, 62, 30])
    expect(Handbook.search(["RATER"]).map(Handbook.citationOf)).toEqual(["000 ch.10 10.5.6"])
  })

  it("has the roles, tools, systems and plans of 001, the 客服主管's handbook, the quadrant among them", () => {
    expect([
      count("001", "role"),
      count("001", "tool"),
      count("001", "system"),
      count("001", "plan"),
    ]).toEqual([6, 24, 13, 10])
    const quadrant = Handbook.search(["象限"]).filter((entry) => entry.book === "001")
    expect(quadrant.map(Handbook.citationOf)).toEqual(["001 ch.1 1.1.4"])
    expect(quadrant[0]).toMatchObject({
      status: "implemented",
      pointers: expect.arrayContaining([
        { kind: "model", module: "Organisation", export: "placeOnQuadrant" },
      ]),
    })
    const pay = Handbook.search(["薪酬"]).find((entry) => entry.book === "001")
    expect(pay).toMatchObject({ status: "delegated" })
  })

  it("gives a delegated entry its reason", () => {
    const payroll = Handbook.search(["薪酬"]).find((entry) => entry.book === "002")
    expect(payroll).toMatchObject({ status: "delegated" })
  })

  it("cites each section once", () => {
    const citations = Handbook.catalogue.map(Handbook.citationOf)
    expect(new Set(citations).size).toBe(citations.length)
  })

  it("resolves every pointer to a real export", () => {
    for (const entry of Handbook.catalogue) {
      if (entry.status !== "implemented" && entry.status !== "partial") continue
      expect(entry.pointers.length, Handbook.citationOf(entry)).toBeGreaterThan(0)
      for (const pointer of entry.pointers) {
        const where = `${Handbook.citationOf(entry)} ${JSON.stringify(pointer)}`
        if (pointer.kind === "form") expect(forms.has(pointer.id), where).toBe(true)
        else if (pointer.kind === "post")
          expect(Organisation.postCatalogue[pointer.id]?.post, where).toBe(pointer.id)
        else {
          expect(typeof moduleExport(pointer.module, pointer.export), where).not.toBe("undefined")
          if (pointer.kind === "process") expect(processSources, where).toContain(`"${pointer.name}"`)
        }
      }
    }
  })

  it("lists as implemented every 004 form a form's source cites", () => {
    const implemented = new Set(
      Handbook.catalogue
        .filter((entry) => entry.status === "implemented" && entry.kind === "form")
        .map((entry) => entry.title["zh-CN"]),
    )
    const cited = [...forms.values()].flatMap((form) =>
      form.source?.startsWith("004")
        ? [...form.source.matchAll(/([\p{Script=Han}]+(?:表[一二]?|单))/gu)].map((match) => match[1] ?? "")
        : [],
    )
    expect(cited.length).toBeGreaterThan(30)
    for (const title of cited) expect(implemented, title).toContain(title)
  })

  it("finds 客户投诉登记表 by a Chinese fragment and by an English word", () => {
    const byChinese = Handbook.search(["投诉登记"]).map((entry) => entry.title["zh-CN"])
    expect(byChinese).toEqual(["客户投诉登记表一", "客户投诉登记表二"])
    const byEnglish = Handbook.search(["Registration", "complaint"]).map((entry) => entry.title["zh-CN"])
    expect(byEnglish).toEqual(["客户投诉登记表一", "客户投诉登记表二"])
    expect(Handbook.search(["no such thing"])).toEqual([])
  })

  it("counts coverage per module that sums to the catalogue", () => {
    const rows = Handbook.coverage()
    expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(Handbook.catalogue.length)
    const complaintsForms = rows.find((row) => row.module === "complaints" && row.kind === "form")
    expect(complaintsForms).toMatchObject({ total: 13, implemented: 13 })
  })

  it("shows the generated coverage table in the README", () => {
    const readme = readFileSync(join(import.meta.dirname, "../../../../README.md"), "utf8")
    expect(readme).toContain(Handbook.coverageTable("zh-CN"))
  })
})
