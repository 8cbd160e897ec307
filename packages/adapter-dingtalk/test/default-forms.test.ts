import { defaultApprovalForms } from "@tixi/adapter-kit"
import { describe, expect, it } from "vitest"
import { renderTemplate } from "../src/index.ts"

describe("the default approval forms in DingTalk", () => {
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
