import { defaultApprovalForms } from "@tixi/adapter-kit"
import { Information } from "@tixi/core"
import { describe, expect, it } from "vitest"
import { renderTemplate } from "../src/index.ts"

describe("the default approval forms in WeCom", () => {
  // Install renders every default form; one label the vendor refuses (DingTalk: over 20
  // characters) would fail the whole install in that locale.
  for (const locale of ["zh-CN", "en"] as const) {
    it(`render in ${locale}`, () => {
      for (const form of defaultApprovalForms) {
        expect(() => renderTemplate(form, locale), form.id).not.toThrow()
      }
    })
  }
})

describe("the forms of 信息保密管理流程 in WeCom", () => {
  // A company may open its own approvals on the register, circulation list or findings
  // (`forms: [...defaultApprovalForms, …]`); each renders like the forms the flow submits.
  for (const locale of ["zh-CN", "en"] as const) {
    it(`render in ${locale}`, () => {
      for (const form of Information.informationForms) {
        expect(() => renderTemplate(form, locale), form.id).not.toThrow()
      }
    })
  }
})
