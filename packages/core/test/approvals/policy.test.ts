import { Approval } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const { defaultApprovalPolicy, parseApprovalPolicy, RequestType } = Approval

const issuesOf = (input: unknown) => {
  const parsed = parseApprovalPolicy(input)
  return Result.isFailure(parsed) ? parsed.failure.issues.map((issue) => issue.path.join(".")) : []
}

describe("approval policy", () => {
  it("the handbook defaults validate and cover every request type", () => {
    const parsed = parseApprovalPolicy(defaultApprovalPolicy)
    expect(Result.isSuccess(parsed)).toBe(true)
    for (const type of RequestType.values)
      expect(defaultApprovalPolicy.chains[type].steps.length).toBeGreaterThan(0)
  })

  it("every request type has labels in both languages", () => {
    for (const type of RequestType.values) {
      expect(RequestType.label(type, "zh-CN")).toMatch(/[\u4e00-\u9fff]/)
      expect(RequestType.label(type, "en").length).toBeGreaterThan(3)
    }
  })

  it("names the field of each problem", () => {
    const chains = { ...defaultApprovalPolicy.chains }
    const meal = chains["hospitality.meal"]
    const broken = {
      ...defaultApprovalPolicy,
      chains: {
        ...chains,
        "hospitality.meal": {
          ...meal,
          steps: [{ ...meal.steps[0]!, deadline: { hours: 4, onExpiry: "remind" } }, { ...meal.steps[0]! }],
        },
      },
      delegations: [{ from: "manager-qian", to: "manager-qian" }],
    }
    expect(issuesOf(broken)).toEqual([
      "chains.hospitality.meal.steps.0.deadline",
      "chains.hospitality.meal.steps.1.id",
      "delegations.0.to",
    ])
  })

  it("escalation must say who takes over, and only steps escalate", () => {
    const override = defaultApprovalPolicy.chains["credit.limitOverride"]
    const broken = {
      ...defaultApprovalPolicy,
      chains: {
        ...defaultApprovalPolicy.chains,
        "credit.limitOverride": {
          ...override,
          steps: [{ ...override.steps[0]!, deadline: { hours: 4, onExpiry: "escalate" } }],
          deadline: { hours: 24, onExpiry: "escalate" },
        },
      },
    }
    expect(issuesOf(broken)).toEqual([
      "chains.credit.limitOverride.steps.0.deadline.escalateTo",
      "chains.credit.limitOverride.deadline.onExpiry",
    ])
  })

  it("refuses a missing chain, an unknown post, a step without approvers and authority in another currency", () => {
    const { "archives.lending": _dropped, ...fewer } = defaultApprovalPolicy.chains
    expect(issuesOf({ ...defaultApprovalPolicy, chains: fewer })).toContain("chains.archives.lending")
    const gift = defaultApprovalPolicy.chains["relationship.gift"]
    const unknownPost = {
      ...defaultApprovalPolicy,
      chains: {
        ...defaultApprovalPolicy.chains,
        "relationship.gift": { ...gift, steps: [{ ...gift.steps[1]!, approvers: [{ post: "butler" }] }] },
      },
    }
    expect(issuesOf(unknownPost)).toEqual(["chains.relationship.gift.steps.0.approvers"])
    const empty = {
      ...defaultApprovalPolicy,
      chains: {
        ...defaultApprovalPolicy.chains,
        "relationship.gift": { ...gift, steps: [{ ...gift.steps[0]!, approvers: [] }] },
      },
    }
    expect(issuesOf(empty)).toEqual(["chains.relationship.gift.steps.0.approvers"])
    const otherCurrency = {
      ...defaultApprovalPolicy,
      authority: { ...defaultApprovalPolicy.authority, currency: "USD" },
    }
    expect(issuesOf(otherCurrency)).toEqual(["authority.currency"])
  })
})
