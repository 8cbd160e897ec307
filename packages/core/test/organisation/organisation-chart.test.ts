import { defaultAuthorityPolicy, Money, Organisation } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { everySectionOrganisation, hotlineOfficer } from "./organisation-fixtures.ts"

const {
  organisationOf,
  parseOrganisationPolicy,
  largeEnterpriseOrganisation,
  smallEnterpriseOrganisation,
  Post,
} = Organisation

const issuesOf = (input: unknown) => {
  const parsed = parseOrganisationPolicy(input)
  if (Result.isSuccess(parsed)) throw new Error("expected the policy to be refused")
  return parsed.failure.issues.map((issue) => ({ path: issue.path.join("."), code: issue.code }))
}

const parsed = (input: unknown) => {
  const result = parseOrganisationPolicy(input)
  if (Result.isFailure(result)) throw result.failure
  return result.success
}

describe("organisation charts", () => {
  it("resolves the 大型企业 chart with every post on its own and lines ending at the general manager", () => {
    const chart = organisationOf(largeEnterpriseOrganisation)
    expect(chart.posts.map((post) => post.id).sort()).toEqual([...Post.values].sort())
    for (const post of chart.posts)
      expect(chart.reportingLine(post.id).at(-1)?.id, post.id).toBe("generalManager")
    expect(chart.reportingLine("callCenterAgent").map((post) => post.id)).toEqual([
      "callCenterAgent",
      "callCenterTeamLeader",
      "callCenterSupervisor",
      "serviceManager",
      "serviceDirector",
      "generalManager",
    ])
  })

  it("resolves the 中小型企业 chart with merged posts answered by the post that holds them", () => {
    const chart = organisationOf(smallEnterpriseOrganisation)
    const ids = chart.posts.map((post) => post.id)
    expect(ids).not.toContain("researchOfficer")
    expect(ids).not.toContain("serviceDirector")
    expect(chart.holderOf("researchOfficer")?.id).toBe("developmentOfficer")
    expect(chart.mayFill("researchOfficer", "credit.investigation")).toBe(true)
    expect(chart.mayFill("developmentOfficer", "quality.serviceQualitySurvey")).toBe(true)
    expect(chart.holderOf("informationSupervisor")?.clearance).toBe("confidential")
    expect(chart.actsIn("creditOfficer", "credit.evaluation")).toBe(true)
    expect(chart.reportingLine("callCenterAgent").map((post) => post.id)).toEqual([
      "callCenterAgent",
      "callCenterSupervisor",
      "serviceManager",
      "generalManager",
    ])
    for (const post of chart.posts)
      expect(chart.reportingLine(post.id).at(-1)?.id, post.id).toBe("generalManager")
  })

  it("merges duties, forms and the wider authority into the post that takes them", () => {
    const chart = organisationOf(smallEnterpriseOrganisation)
    const manager = chart.holderOf("serviceManager")
    expect(manager?.absorbs).toEqual(["serviceDirector"])
    expect(manager?.duties.length).toBe(
      Organisation.postCatalogue.serviceManager.duties.length +
        Organisation.postCatalogue.serviceDirector.duties.length,
    )
    expect(chart.authorityOf("serviceManager")["complaint.remedy"]).toBe(
      defaultAuthorityPolicy.limits["complaint.remedy"]?.director,
    )
    expect(chart.actsIn("serviceManager", "credit.override")).toBe(true)
  })

  it("keeps each post's authority at its rank's unless the policy overrides it for that post", () => {
    const chart = organisationOf(
      parsed({
        version: "acme-1",
        preset: "largeEnterprise",
        authority: { complaintOfficer: { "complaint.remedy": 800_00 } },
      }),
    )
    expect(chart.authorityOf("complaintOfficer")).toEqual({ "complaint.remedy": 800_00 })
    expect(chart.authorityOf("afterSalesOfficer")).toEqual({ "complaint.remedy": 500_00 })
    expect(chart.authorityOf("complaintSupervisor")["credit.limit"]).toBe(
      defaultAuthorityPolicy.limits["credit.limit"]?.supervisor,
    )
    expect(chart.authorityOf("nobody")).toEqual({})
  })

  it("sends a decision beyond a post's limit to the nearest post up its reporting line that may take it", () => {
    const chart = organisationOf(largeEnterpriseOrganisation)
    const cny = (yuan: number) => Money.ofMinor(yuan * 100, "CNY")
    expect(chart.checkAuthority("complaintOfficer", "complaint.remedy", cny(300))).toEqual({ within: true })
    expect(chart.checkAuthority("complaintOfficer", "complaint.remedy", cny(5_000))).toEqual({
      within: false,
      limitMinor: 500_00,
      lowestAuthorised: "serviceManager",
    })
    expect(chart.checkAuthority("creditOfficer", "credit.limit", cny(50_000))).toEqual({
      within: false,
      limitMinor: null,
      lowestAuthorised: "creditSupervisor",
    })
    expect(() =>
      chart.checkAuthority("complaintOfficer", "complaint.remedy", Money.ofMinor(1, "USD")),
    ).toThrow(TypeError)
  })

  it("renames, merges on top of the preset, adds a company's own post and overrides its authority", () => {
    const chart = organisationOf(parsed(everySectionOrganisation))
    expect(chart.version).toBe("acme-5")
    expect(chart.holderOf("complaintOfficer")?.label["zh-CN"]).toBe("客服专员")
    expect(chart.holderOf("creditOfficer")?.id).toBe("complaintOfficer")
    expect(chart.mayFill("complaintOfficer", "credit.analysis")).toBe(true)
    expect(chart.holderOf("complaintOfficer")?.clearance).toBe("secret")
    expect(chart.authorityOf("informationOfficer")).toEqual({ "complaint.remedy": 800_00 })
    expect(chart.postsInDepartment("callCenter").map((post) => post.id)).toContain("hotlineOfficer")
    expect(chart.reportingLine("hotlineOfficer").map((post) => post.id)).toEqual([
      "hotlineOfficer",
      "callCenterSupervisor",
      "serviceManager",
      "generalManager",
    ])
    expect(chart.authorityOf("hotlineOfficer")).toEqual({ "complaint.remedy": 500_00 })
    expect(chart.mayFill("hotlineOfficer", "callcenter.inboundCall")).toBe(true)
    expect(chart.mayFill("hotlineOfficer", "credit.analysis")).toBe(false)
  })

  it("lets a post that absorbs its own superior report where the superior reported", () => {
    const chart = organisationOf(
      parsed({
        version: "acme-3",
        preset: "largeEnterprise",
        merges: { complaintSupervisor: "complaintOfficer" },
      }),
    )
    expect(chart.holderOf("complaintOfficer")?.reportsTo).toBe("serviceManager")
  })
})

describe("bad organisation policies", () => {
  it("refuses an unknown post, naming the field", () => {
    expect(
      issuesOf({
        version: "x",
        preset: "largeEnterprise",
        labels: { janitor: { "zh-CN": "保洁", en: "Janitor" } },
      }),
    ).toEqual([{ path: "labels.janitor", code: "unknown_post" }])
    expect(
      issuesOf({
        version: "x",
        preset: "largeEnterprise",
        added: { hotlineOfficer: { ...hotlineOfficer, reportsTo: "nobody" } },
      }),
    ).toEqual([{ path: "added.hotlineOfficer.reportsTo", code: "unknown_post" }])
  })

  it("refuses a merge into a missing post or a loop of merges", () => {
    expect(
      issuesOf({ version: "x", preset: "largeEnterprise", merges: { researchOfficer: "ghost" } }),
    ).toEqual([{ path: "merges.researchOfficer", code: "missing_post" }])
    expect(
      issuesOf({
        version: "x",
        preset: "largeEnterprise",
        merges: { researchOfficer: "complaintOfficer", complaintOfficer: "researchOfficer" },
      }),
    ).toContainEqual({ path: "merges.researchOfficer", code: "cycle" })
  })

  it("follows a merge into a merged post on to the post that holds it", () => {
    const chart = organisationOf(
      parsed({
        version: "acme-4",
        preset: "smallEnterprise",
        merges: { complaintOfficer: "researchOfficer" },
      }),
    )
    expect(chart.holderOf("afterSalesOfficer")?.id).toBe("developmentOfficer")
    expect(chart.mayFill("complaintOfficer", "complaint.registration")).toBe(true)
    expect(chart.holderOf("developmentOfficer")?.absorbs).toEqual(
      expect.arrayContaining(["researchOfficer", "afterSalesOfficer", "qualityOfficer", "complaintOfficer"]),
    )
  })

  it("refuses a reporting line that loops", () => {
    const issues = issuesOf({
      version: "x",
      preset: "largeEnterprise",
      added: {
        deskA: { ...hotlineOfficer, label: { "zh-CN": "甲", en: "A" }, reportsTo: "deskB" },
        deskB: { ...hotlineOfficer, label: { "zh-CN": "乙", en: "B" }, reportsTo: "deskA" },
      },
    })
    expect(issues).toContainEqual({ path: "added.deskA.reportsTo", code: "cycle" })
    expect(
      issuesOf({ version: "x", preset: "largeEnterprise", merges: { serviceManager: "complaintOfficer" } }),
    ).toContainEqual({ path: "merges", code: "cycle" })
  })

  it("refuses two posts with the same name and an added post that reuses a handbook id", () => {
    expect(
      issuesOf({
        version: "x",
        preset: "largeEnterprise",
        labels: { complaintOfficer: { "zh-CN": "客户投诉主管", en: "Complaint officer" } },
      }),
    ).toContainEqual({ path: "labels.complaintOfficer.zh-CN", code: "duplicate" })
    expect(
      issuesOf({
        version: "x",
        preset: "largeEnterprise",
        labels: { afterSalesSupervisor: { "zh-CN": "客户投诉专员", en: "Desk" } },
      }),
    ).toEqual([{ path: "labels.afterSalesSupervisor.zh-CN", code: "duplicate" }])
    expect(
      issuesOf({ version: "x", preset: "largeEnterprise", added: { complaintOfficer: hotlineOfficer } }),
    ).toEqual([{ path: "added.complaintOfficer", code: "duplicate" }])
  })

  it("refuses malformed input and authority set on a merged post", () => {
    expect(issuesOf({ version: "", preset: "medium" }).map((issue) => issue.path)).toEqual([
      "version",
      "preset",
    ])
    expect(
      issuesOf({
        version: "x",
        preset: "smallEnterprise",
        authority: { researchOfficer: { "complaint.remedy": 1 } },
      }),
    ).toEqual([{ path: "authority.researchOfficer", code: "rule" }])
  })
})
