import {
  commandShape,
  type DepartmentId,
  departmentId,
  departmentIdSchema,
  parseProcessCommand,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const handOver = commandShape("HandOver", { departmentId: departmentIdSchema })

describe("departmentIdSchema", () => {
  it("accepts a department id as the branded DepartmentId the state keeps", () => {
    const parsed = parseProcessCommand("test.command", handOver, {
      type: "HandOver",
      at: 0,
      departmentId: "finance",
    })
    const kept: DepartmentId | undefined = Result.isSuccess(parsed) ? parsed.success.departmentId : undefined
    expect(kept).toBe(departmentId("finance"))
  })

  it.each(["", "财务部", "finance dept", "-finance"])(
    "refuses %j with a ValidationError naming the departmentId field",
    (value) => {
      const parsed = parseProcessCommand("test.command", handOver, {
        type: "HandOver",
        at: 0,
        departmentId: value,
      })
      expect(Result.isFailure(parsed) && parsed.failure.issues).toEqual([
        { path: ["departmentId"], message: "must be an id", code: "invalid_format" },
      ])
    },
  )
})
