import { approvalReferenceControls, makeIdMapping, parseReference, referenceValue } from "@tixi/adapter-kit"
import { describe, expect, it } from "vitest"

describe("makeIdMapping", () => {
  const ids = makeIdMapping(
    { people: { "manager-qian": "dt-manager-qian" }, departments: { "customer-service": 2 } },
    "DingTalk",
  )

  it("maps both ways, passing unmapped ids through", () => {
    expect(ids.userIdOf("manager-qian")).toBe("dt-manager-qian")
    expect(ids.personIdOf("dt-manager-qian")).toBe("manager-qian")
    expect(ids.userIdOf("someone")).toBe("someone")
    expect(ids.deptIdOf("customer-service")).toBe(2)
    expect(ids.departmentIdOf(2)).toBe("customer-service")
    expect(ids.deptIdOf("17")).toBe(17)
    expect(ids.departmentIdOf(17)).toBe("17")
  })

  it("refuses a department that is neither mapped nor numeric, naming it", () => {
    expect(() => ids.deptIdOf("quality")).toThrow(/quality is not mapped to a DingTalk department id/)
  })

  it("refuses a mapping that sends two people to one host user", () => {
    expect(() => makeIdMapping({ people: { a: "u", b: "u" } })).toThrow(/two people/)
  })
})

describe("approval reference controls", () => {
  it("carry the request type and the submission key, and read back", () => {
    const value = referenceValue("complaint.remedy", "complaint/TS-1/12/approval.submit")
    expect(parseReference(value)).toEqual({
      requestType: "complaint.remedy",
      key: "complaint/TS-1/12/approval.submit",
    })
    expect(parseReference("nospace")).toBeUndefined()
    expect(parseReference(undefined)).toBeUndefined()
    expect(approvalReferenceControls.reference.label["zh-CN"]).toBe("tixi 关联码")
  })
})
