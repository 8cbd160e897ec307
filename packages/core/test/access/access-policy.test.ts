import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { customerAttributes, defaultAccessPolicy, parseAccessPolicy } from "../../src/access/index.ts"
import { creditAnalysisForm } from "../../src/credit/index.ts"

const catalogue = {
  forms: [creditAnalysisForm],
  attributes: customerAttributes.map((attribute) => attribute.name),
}

const issuesOf = (input: unknown) => {
  const parsed = parseAccessPolicy(input, catalogue)
  if (Result.isSuccess(parsed)) throw new Error("expected the policy to be refused")
  return parsed.failure.issues.map((issue) => issue.path.join("."))
}

describe("the access policy (信息保密制度)", () => {
  it("accepts the handbook defaults and a company's overrides", () => {
    expect(Result.isSuccess(parseAccessPolicy(defaultAccessPolicy, catalogue))).toBe(true)
    const parsed = parseAccessPolicy(
      {
        version: "acme-2",
        formFields: { "credit.analysis": { analyst: "internal" } },
        attributes: { credit_grade: "secret" },
        needToKnow: { grading: "internal" },
      },
      catalogue,
    )
    expect(Result.isSuccess(parsed) && parsed.success.needToKnow.grading).toBe("internal")
  })

  it("names the field of a level that is not one, and of a module that does not exist", () => {
    const paths = issuesOf({
      ...defaultAccessPolicy,
      attributes: { credit_grade: "top-secret" },
      needToKnow: { payroll: "secret" },
    })
    expect(paths).toContain("attributes.credit_grade")
    expect(paths.some((path) => path.startsWith("needToKnow"))).toBe(true)
  })

  it("refuses an override that names no known form, field or attribute, instead of ignoring it", () => {
    const paths = issuesOf({
      ...defaultAccessPolicy,
      formFields: { "credit.analysis": { analsyt: "internal" }, "credit.nothing": { a: "secret" } },
      attributes: { credit_limt: "internal" },
    })
    expect(paths).toEqual([
      "formFields.credit.analysis.analsyt",
      "formFields.credit.nothing",
      "attributes.credit_limt",
    ])
  })

  it("refuses a policy without a version", () => {
    expect(issuesOf({ ...defaultAccessPolicy, version: " " })).toEqual(["version"])
  })
})
