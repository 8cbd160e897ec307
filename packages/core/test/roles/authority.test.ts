import {
  checkAuthority,
  defaultAuthorityPolicy,
  lowestAuthorisedRole,
  Money,
  nextUp,
  parseAuthorityPolicy,
  Role,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

describe("roles and authority", () => {
  it("labels every role in both languages", () => {
    expect(Role.label("generalManager", "zh-CN")).toBe("总经理")
    expect(Role.label("officer", "en")).toBe("Officer")
  })

  it("climbs the ladder one rung at a time and leaves finance off it", () => {
    expect(nextUp("officer")).toBe("supervisor")
    expect(nextUp("director")).toBe("generalManager")
    expect(nextUp("generalManager")).toBeUndefined()
    expect(nextUp("finance")).toBeUndefined()
  })

  it("lets a role decide within its limit and names who may decide above it", () => {
    const small = Money.ofMajor("500", "CNY")
    const large = Money.ofMajor("500.01", "CNY")
    expect(checkAuthority(defaultAuthorityPolicy, "complaint.remedy", "officer", small)).toEqual({
      within: true,
    })
    expect(checkAuthority(defaultAuthorityPolicy, "complaint.remedy", "officer", large)).toEqual({
      within: false,
      limitMinor: 50000,
      lowestAuthorised: "supervisor",
    })
    expect(
      lowestAuthorisedRole(defaultAuthorityPolicy, "complaint.remedy", Money.ofMajor("1000000", "CNY")),
    ).toBe("generalManager")
    expect(checkAuthority(defaultAuthorityPolicy, "complaint.remedy", "finance", small)).toEqual({
      within: false,
      limitMinor: null,
      lowestAuthorised: "officer",
    })
    expect(checkAuthority(defaultAuthorityPolicy, "unknown.decision", "generalManager", small).within).toBe(
      false,
    )
  })

  it("validates a policy and rejects limits that shrink up the ladder", () => {
    expect(Result.isSuccess(parseAuthorityPolicy(defaultAuthorityPolicy))).toBe(true)
    const bad = parseAuthorityPolicy({
      version: "v2",
      currency: "CNY",
      limits: { "complaint.remedy": { officer: 1000, supervisor: 500 } },
    })
    expect(Result.isFailure(bad) && bad.failure.issues[0]?.path).toEqual([
      "limits",
      "complaint.remedy",
      "supervisor",
    ])
    const unknownCurrency = parseAuthorityPolicy({ version: "v2", currency: "ABC", limits: {} })
    expect(Result.isFailure(unknownCurrency) && unknownCurrency.failure.issues[0]?.path).toEqual(["currency"])
  })
})
