import { checkAuthority, defaultAuthorityPolicy, Handbook, Money, Organisation, Role } from "@tixi/core"
import { describe, expect, it } from "vitest"
import { exportedForms, moduleExport, processSources } from "../support/core-exports.ts"

const { Post, postCatalogue, departmentCatalogue, Department } = Organisation

const largeChart = Organisation.organisationOf(Organisation.largeEnterpriseOrganisation)
/** Today's table without its per-post rows: every post has its rank's authority. */
const rankOnlyPolicy = { ...defaultAuthorityPolicy, posts: {} }
const rankOnlyChart = Organisation.organisationOf(Organisation.largeEnterpriseOrganisation, rankOnlyPolicy)

describe("post catalogue", () => {
  it("describes every post with duties in both languages, a rank, a department and a source", () => {
    for (const post of Post.values) {
      const description = postCatalogue[post]
      expect(description.post, post).toBe(post)
      expect(description.duties.length, post).toBeGreaterThan(0)
      for (const duty of description.duties) {
        expect(duty["zh-CN"].length, post).toBeGreaterThan(0)
        expect(duty.en.length, post).toBeGreaterThan(0)
      }
      expect(Role.values, post).toContain(description.rank)
      expect(Department.values, post).toContain(description.department)
      expect(description.source, post).toMatch(/^00[024] /)
    }
  })

  it("quotes 004's duties as printed, in the book's order", () => {
    expect(postCatalogue.serviceManager.duties).toHaveLength(14)
    expect(postCatalogue.serviceManager.duties[1]?.["zh-CN"]).toBe(
      "负责制定客户服务标准及各项工作规范，并对实施人员进行指导、培训",
    )
    expect(postCatalogue.callCenterAgent.duties).toHaveLength(18)
    expect(postCatalogue.relationshipSupervisor.duties[7]?.["zh-CN"]).toBe("完成客户服务部经理交办的其他工作")
    expect(postCatalogue.complaintOfficer.duties[0]?.["zh-CN"]).toBe("负责对客户投诉案件进行登记、编号、整理")
  })

  it("gives every post a reporting line that ends at the general manager", () => {
    for (const post of Post.values) {
      const seen = new Set<string>()
      let current: Organisation.Post | undefined = post
      while (current !== undefined && !seen.has(current)) {
        seen.add(current)
        current = postCatalogue[current].reportsTo
      }
      expect(current, `${post} loops`).toBeUndefined()
      expect([...seen].at(-1), post).toBe("generalManager")
    }
  })

  it("resolves every form id to a real form and every process to a real export named as it names itself", () => {
    for (const description of Object.values(postCatalogue)) {
      for (const form of description.forms)
        expect(exportedForms.has(form), `${description.post} ${form}`).toBe(true)
      for (const part of description.processes) {
        const made = moduleExport(part.process.module, part.process.export)
        expect(made, `${description.post} ${part.process.export}`).toBeDefined()
        expect(processSources, `${description.post} ${part.process.name}`).toContain(`"${part.process.name}"`)
      }
    }
  })

  it("names only handbook modules as need-to-know and keeps credit analysis to credit, information and management posts", () => {
    const modules = Object.keys(Handbook.moduleLabels)
    for (const description of Object.values(postCatalogue))
      for (const module of description.needToKnow) expect(modules, description.post).toContain(module)
    const creditReaders = Post.values.filter((post) => postCatalogue[post].needToKnow.includes("credit"))
    expect(creditReaders).not.toContain("complaintOfficer")
    expect(creditReaders).toContain("creditOfficer")
    expect(postCatalogue.creditOfficer.clearance).toBe("secret")
  })

  it("lists the customer service department's ten duties and nine powers (004 ch.1 §3–§4)", () => {
    const department = departmentCatalogue.customerService
    expect(department.duties).toHaveLength(10)
    expect(department.powers).toHaveLength(9)
    expect(department.powers[1]?.["zh-CN"]).toBe("有权参与年度、季度、月度营销计划的制定，并提出意见和建议")
    for (const value of Department.values) expect(departmentCatalogue[value].duties.length).toBeGreaterThan(0)
  })

  it("gives every post its rank's row when the authority policy names no post, decided the same way as by rank", () => {
    for (const post of Post.values) {
      const rank = postCatalogue[post].rank
      const expected = Object.fromEntries(
        Object.entries(defaultAuthorityPolicy.limits).flatMap(([decision, limits]) =>
          limits[rank] === undefined ? [] : [[decision, limits[rank]]],
        ),
      )
      expect(Organisation.authorityOfRank(defaultAuthorityPolicy, rank), post).toEqual(expected)
      expect(rankOnlyChart.authorityOf(post), post).toEqual(expected)
      for (const [decision, limit] of Object.entries(expected)) {
        if (limit === "unlimited") continue
        // The rank-based check and the per-post check agree at the limit and one unit above it.
        for (const minor of [limit, limit + 1]) {
          const byRank = checkAuthority(rankOnlyPolicy, decision, rank, Money.ofMinor(minor, "CNY"))
          const byPost = rankOnlyChart.checkAuthority(post, decision, Money.ofMinor(minor, "CNY"))
          expect(byPost.within, `${post} ${decision} ${minor}`).toBe(byRank.within)
        }
      }
    }
    expect(Organisation.authorityOfRank(defaultAuthorityPolicy, "officer")).toEqual({
      "complaint.remedy": 500_00,
    })
  })

  it("gives the posts the authority policy names their own row, and every other post its rank's", () => {
    const named = defaultAuthorityPolicy.posts ?? {}
    expect(Object.keys(named).sort()).toEqual(["complaintOfficer", "creditOfficer", "creditSupervisor"])
    for (const post of Post.values) {
      const own = Object.hasOwn(named, post) ? named[post] : undefined
      const expected = own ?? Organisation.authorityOfRank(defaultAuthorityPolicy, postCatalogue[post].rank)
      expect(largeChart.authorityOf(post), post).toEqual(expected)
    }
    const cny = (yuan: number) => Money.ofMinor(yuan * 100, "CNY")
    // 客户信用主管 decides a 150,000 limit alone; the 客户投诉主管 (same rank) sends it up.
    expect(largeChart.checkAuthority("creditSupervisor", "credit.limit", cny(150_000))).toEqual({
      within: true,
    })
    expect(largeChart.checkAuthority("complaintSupervisor", "credit.limit", cny(150_000))).toMatchObject({
      within: false,
      limitMinor: 100_000_00,
    })
    // and settles no complaint remedy, which every other supervisor may up to 2,000.
    expect(largeChart.checkAuthority("creditSupervisor", "complaint.remedy", cny(100))).toEqual({
      within: false,
      limitMinor: null,
      lowestAuthorised: "serviceManager",
    })
  })

  it("is what the handbook catalogue's role descriptions point at, one post each", () => {
    const pointed = Handbook.catalogue.flatMap((entry) =>
      (entry.kind === "post" || entry.kind === "role") &&
      entry.status !== "planned" &&
      entry.status !== "delegated"
        ? entry.pointers.flatMap((pointer) =>
            pointer.kind === "post" ? [`${entry.book} ${pointer.id}`] : [],
          )
        : [],
    )
    expect(pointed).toHaveLength(40)
    expect(new Set(pointed).size).toBe(40)
    const described = new Set(pointed.map((entry) => entry.slice(4)))
    const unpointed = Post.values.filter((post) => !described.has(post))
    expect(unpointed).toEqual(["serviceDirector", "generalManager", "financeManager"])
    // A post's id finds its role descriptions (other entries may name it in a pointer too, e.g. the appraisal's).
    const roleDescriptions = Handbook.search(["complaintOfficer"]).filter(
      (entry) => entry.kind === "post" || entry.kind === "role",
    )
    expect(roleDescriptions.map(Handbook.citationOf)).toEqual(["004 ch.6 §2", "000 ch.6 6.2.2"])
  })
})
