import { directoryMappingProblems } from "@tixi/adapter-kit"
import { describe, expect, it } from "vitest"

describe("directoryMappingProblems", () => {
  it("accepts a mapping of known roles and posts to host names", () => {
    expect(
      directoryMappingProblems(
        {
          roleNames: { officer: ["Service_Agent"] },
          postNames: { creditOfficer: ["Credit_Desk", "信用专员"] },
          departmentPosts: { "complaints-desk": ["complaintOfficer"] },
        },
        "directory",
      ),
    ).toEqual([])
  })

  it("names each misspelt role or post and each empty host name by its path", () => {
    const problems = directoryMappingProblems({
      roleNames: { officr: ["Agent"], supervisor: ["", "Lead"] } as never,
      postNames: { creditOfficer: "Credit_Desk" } as never,
      departmentPosts: { finance: ["creditOfficer", "cashier"] } as never,
    })
    expect(problems.map((problem) => problem.field)).toEqual([
      "roleNames.officr",
      "roleNames.supervisor.0",
      "postNames.creditOfficer",
      "departmentPosts.finance.1",
    ])
    expect(problems[3]?.message).toContain("cashier")
  })
})
