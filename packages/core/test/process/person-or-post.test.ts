import { type PersonId, personId, personOrPost, policyRefused } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

describe("personOrPost: whom an instance's task or notice goes to", () => {
  it("the recorded person when there is one", () => {
    expect(personOrPost(personId("P-7"), "supervisor")).toEqual({ person: "P-7" })
  })

  it("the post's holders while nobody is recorded (none yet, or the empty id of a new instance)", () => {
    expect(personOrPost(undefined, "supervisor")).toEqual({ role: "supervisor" })
    expect(personOrPost("" as PersonId, "manager")).toEqual({ role: "manager" })
  })
})

describe("policyRefused: a refusal under a company rule", () => {
  it("fails with a PolicyRefusal naming the rule and why", () => {
    const refused = policyRefused("loyalty.minimumResponses", "12 responses, the policy asks for 30")
    expect(Result.isFailure(refused) && refused.failure).toMatchObject({
      _tag: "PolicyRefusal",
      rule: "loyalty.minimumResponses",
      detail: "12 responses, the policy asks for 30",
    })
  })
})
