import { describe, expect, it } from "vitest"
import { checkDirectoryMapping, directoryMappingProblem } from "../src/index.ts"

describe("a company's directory mapping", () => {
  it("accepts the mapping every host reads the same way", () => {
    expect(
      directoryMappingProblem({
        roleNames: { supervisor: ["主管", "li@acme.example"] },
        postNames: { creditSupervisor: ["信用组"] },
        departmentPosts: { finance: ["creditOfficer", "financeManager"] },
      }),
    ).toBeUndefined()
    expect(directoryMappingProblem({})).toBeUndefined()
  })

  it("names the setting of a misspelt post or role, an empty name, or a department post that is no post", () => {
    expect(directoryMappingProblem({ postNames: { creditBoss: ["信用组"] } as never })).toMatchObject({
      field: "postNames.creditBoss",
    })
    expect(directoryMappingProblem({ roleNames: { boss: ["老板"] } as never })?.field).toBe("roleNames.boss")
    expect(directoryMappingProblem({ roleNames: { officer: "专员" as never } })?.field).toBe(
      "roleNames.officer",
    )
    expect(directoryMappingProblem({ postNames: { creditOfficer: ["信用专员", " "] } })?.field).toBe(
      "postNames.creditOfficer.1",
    )
    expect(directoryMappingProblem({ departmentPosts: { finance: ["accountant" as never] } })).toMatchObject({
      field: "departmentPosts.finance.0",
      message: expect.stringContaining('"accountant"'),
    })
  })

  it("throws naming the host and the setting for adapters whose settings check throws", () => {
    expect(() => checkDirectoryMapping("DingTalk", { postNames: { creditBoss: [] } as never })).toThrow(
      /^DingTalk postNames\.creditBoss is not a post of the catalogue/,
    )
    expect(() => checkDirectoryMapping("WeCom", {})).not.toThrow()
  })
})
