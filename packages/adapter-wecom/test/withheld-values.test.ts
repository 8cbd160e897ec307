import { approvalReferenceControls, withheldFromApprovers } from "@tixi/adapter-kit"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { renderContents } from "../src/forms/render-values.ts"
import type { RawControl } from "../src/operations/raw-schemas.ts"
import { remedyApprovalForm } from "./support.ts"

const control = (kind: string, id: string, title: string): RawControl =>
  ({ property: { control: kind, id, title: [{ text: title, lang: "zh_CN" }] } }) as unknown as RawControl

const controls = [
  control("Text", "Text-01", "受理编号"),
  control("Money", "Money-02", "补偿金额"),
  control("Text", "Text-03", approvalReferenceControls.businessKey.label["zh-CN"]),
  control("Text", "Text-04", approvalReferenceControls.reference.label["zh-CN"]),
]
const ids = { userIdOf: (person: string) => person, deptIdOf: () => 1 }
const values = { complaintNumber: "TS-20260105-0001", amount: { minor: 300_000, currency: "CNY" } }
const references = { businessKey: "TS-20260105-0001", requestType: "complaint.remedy", key: "k-1" }

describe("approval values for the approvers", () => {
  it("fills a text control the approvers may not read with （保密）, and sends the rest as they are", () => {
    const withheld = withheldFromApprovers(remedyApprovalForm, values, { clearance: "public" })
    expect([...withheld].sort()).toEqual(["amount", "complaintNumber"])
    const contents = Result.getOrThrow(
      renderContents(
        remedyApprovalForm,
        controls,
        values,
        references,
        "zh-CN",
        ids as never,
        new Set(["complaintNumber"]),
      ),
    )
    expect(contents.find((content) => content.id === "Text-01")?.value).toEqual({ text: "（保密）" })
    expect(contents.find((content) => content.id === "Money-02")?.value).toEqual({ new_money: "3000.00" })
  })

  it("the default approvers (秘密, every module) read the whole remedy form", () => {
    expect(withheldFromApprovers(remedyApprovalForm, values).size).toBe(0)
  })
})
