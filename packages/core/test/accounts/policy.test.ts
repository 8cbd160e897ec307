import { Accounts } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const policy = Accounts.defaultAccountsPolicy

describe("key-account policy", () => {
  it("accepts the defaults: the goals of 大客户专员考核表 add up to 100 %", () => {
    expect(Result.getOrThrow(Accounts.parseAccountsPolicy(policy))).toEqual(policy)
    expect(policy.officerKpis.map((goal) => goal.weight)).toEqual([10, 30, 20, 10, 20, 10])
    expect(policy.satisfaction.items).toHaveLength(12)
  })

  it("names duplicate goals, weights that do not add up and ceilings below their targets", () => {
    const result = Accounts.parseAccountsPolicy({
      ...policy,
      officerKpis: [
        ...policy.officerKpis.slice(0, 5),
        { kpi: "keyAccountChurn", weight: 10, target: 5, zeroAt: 5 },
      ],
      satisfaction: { ...policy.satisfaction, significantChange: 4 },
    })
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path.join("."))).toEqual([
        "officerKpis.5.kpi",
        "officerKpis.5.zeroAt",
        "satisfaction.significantChange",
      ])
    } else expect.unreachable()
  })

  it("key-account forms carry their source and bilingual labels", () => {
    for (const form of [
      Accounts.keyAccountAssessmentForm,
      Accounts.keyAccountFileForm,
      Accounts.officerScorecardForm,
      Accounts.revisitReportForm,
    ]) {
      expect(form.id).toMatch(/^accounts\./)
      expect(form.source).toMatch(/^004 ch\.4/)
      for (const field of Object.values(form.fields)) expect(field.label["zh-CN"].length).toBeGreaterThan(0)
    }
  })
})
