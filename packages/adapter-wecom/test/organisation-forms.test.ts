import { Organisation } from "@tixi/core"
import { describe, expect, it } from "vitest"
import { renderTemplate } from "../src/index.ts"

describe("the training sheets in WeCom", () => {
  // 培训签到表 and 培训效果评估表 open no approval, so they are not default approval forms; a
  // company that has trainees sign in or rate courses in WeCom installs them, and they must render.
  for (const locale of ["zh-CN", "en"] as const) {
    it(`render in ${locale}`, () => {
      for (const form of [Organisation.trainingAttendanceForm, Organisation.trainingEvaluationForm]) {
        expect(() => renderTemplate(form, locale), form.id).not.toThrow()
      }
    })
  }
})
