import {
  Approval,
  type AuthorityPolicy,
  Complaints,
  checkAuthority,
  defaultAuthorityPolicy,
  Money,
  NotWithinAuthority,
  Organisation,
  parseAuthorityPolicy,
  Role,
} from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const cny = (yuan: number) => Money.ofMinor(yuan * 100, "CNY")
const rankOnly: AuthorityPolicy = { ...defaultAuthorityPolicy, posts: {} }

describe("authority per post", () => {
  it("a credit supervisor post decides a credit limit alone where a plain supervisor goes to approval", () => {
    const amount = cny(150_000)
    expect(
      checkAuthority(
        defaultAuthorityPolicy,
        "credit.limit",
        { role: "supervisor", post: "creditSupervisor" },
        amount,
      ),
    ).toEqual({ within: true })
    expect(checkAuthority(defaultAuthorityPolicy, "credit.limit", { role: "supervisor" }, amount)).toEqual({
      within: false,
      limitMinor: 100_000_00,
      lowestAuthorised: "manager",
    })
    // A supervisor in a post the policy does not name keeps the rank's limit, and the refusal names the post.
    expect(
      checkAuthority(
        defaultAuthorityPolicy,
        "credit.limit",
        { role: "supervisor", post: "complaintSupervisor" },
        amount,
      ),
    ).toEqual({
      within: false,
      limitMinor: 100_000_00,
      lowestAuthorised: "manager",
      post: "complaintSupervisor",
    })
    // Above the post's own limit it goes up like anyone else's.
    expect(
      checkAuthority(
        defaultAuthorityPolicy,
        "credit.limit",
        { role: "supervisor", post: "creditSupervisor" },
        cny(200_000.01),
      ),
    ).toEqual({
      within: false,
      limitMinor: 200_000_00,
      lowestAuthorised: "manager",
      post: "creditSupervisor",
    })
  })

  it("a credit post is refused a complaint remedy its rank may grant, and the refusal names the post", () => {
    const policy = Complaints.defaultComplaintPolicy
    const creditSupervisor = { role: "supervisor" as const, post: "creditSupervisor" as const }
    expect(Result.getOrThrow(Complaints.remedyApprovalRoute(policy, "supervisor", cny(100)))).toEqual({
      required: false,
    })
    const refused = Complaints.remedyApprovalRoute(policy, creditSupervisor, cny(100))
    const failure = Result.isFailure(refused) ? refused.failure : undefined
    expect(failure).toBeInstanceOf(NotWithinAuthority)
    expect(failure).toMatchObject({
      decision: "complaint.remedy",
      role: "supervisor",
      post: "creditSupervisor",
    })
    expect(failure?.message).toContain("creditSupervisor (supervisor)")
    const officer = Complaints.remedyApprovalRoute(
      policy,
      { role: "officer", post: "creditOfficer" },
      cny(100),
    )
    expect(Result.isFailure(officer) && officer.failure).toMatchObject({
      post: "creditOfficer",
      limitMinor: null,
    })
  })

  it("the complaint officer settles on the spot up to its own limit and sends the rest to approval", () => {
    const policy = Complaints.defaultComplaintPolicy
    const officer = { role: "officer" as const, post: "complaintOfficer" as const }
    expect(Result.getOrThrow(Complaints.remedyApprovalRoute(policy, officer, cny(500)))).toEqual({
      required: false,
    })
    expect(Result.getOrThrow(Complaints.remedyApprovalRoute(policy, officer, cny(8_000)))).toMatchObject({
      required: true,
      decidingRole: "manager",
    })
  })

  it("without per-post limits every actor is answered exactly as by its rank, whatever post it names", () => {
    const decisions = Object.keys(defaultAuthorityPolicy.limits)
    fc.assert(
      fc.property(
        fc.constantFrom(...Role.values),
        fc.option(fc.constantFrom(...Organisation.Post.values), { nil: undefined }),
        fc.constantFrom(...decisions, "unknown.decision"),
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.boolean(),
        (role, post, decision, minor, withoutPosts) => {
          const policy: AuthorityPolicy = withoutPosts
            ? { ...defaultAuthorityPolicy, posts: undefined }
            : rankOnly
          const amount = Money.ofMinor(minor, "CNY")
          const { post: named, ...byPost } = checkAuthority(policy, decision, { role, post }, amount) as {
            post?: string
            within: boolean
          }
          expect(byPost).toEqual(checkAuthority(policy, decision, role, amount))
          expect(named).toBe(byPost.within === false ? post : undefined)
          expect(checkAuthority(defaultAuthorityPolicy, decision, { role }, amount)).toEqual(
            checkAuthority(policy, decision, role, amount),
          )
        },
      ),
    )
  })

  it("the organisation chart answers from the same policy: a company's per-post row moves the post", () => {
    const policy: AuthorityPolicy = {
      ...defaultAuthorityPolicy,
      posts: { ...defaultAuthorityPolicy.posts, serviceSupervisor: { "complaint.remedy": 5_000_00 } },
    }
    const chart = Organisation.organisationOf(Organisation.largeEnterpriseOrganisation, policy)
    expect(chart.authorityOf("serviceSupervisor")).toEqual({ "complaint.remedy": 5_000_00 })
    expect(chart.checkAuthority("serviceSupervisor", "complaint.remedy", cny(4_000))).toEqual({
      within: true,
    })
    expect(
      checkAuthority(
        policy,
        "complaint.remedy",
        { role: "supervisor", post: "serviceSupervisor" },
        cny(4_000),
      ),
    ).toEqual({
      within: true,
    })
  })

  it("approval chain conditions read a post's authority when they name one", () => {
    const base = Approval.defaultApprovalPolicy
    const overrideChain = base.chains["credit.limitOverride"]
    const policy = {
      ...base,
      chains: {
        ...base.chains,
        "credit.limitOverride": {
          ...overrideChain,
          steps: [
            {
              ...overrideChain.steps[0]!,
              id: "creditSupervisor",
              approvers: [{ role: "supervisor" as const }],
            },
            {
              ...overrideChain.steps[0]!,
              when: {
                kind: "beyondAuthority" as const,
                decision: "credit.limitOverride",
                role: "supervisor" as const,
                post: "creditSupervisor",
              },
            },
          ],
        },
      },
    }
    const steps = (yuan: number) =>
      Result.getOrThrow(Approval.planChain(policy, "credit.limitOverride", { amount: cny(yuan) })).steps.map(
        (step) => step.id,
      )
    expect(steps(50_000)).toEqual(["creditSupervisor"])
    expect(steps(50_000.01)).toEqual(["creditSupervisor", "manager"])
    expect(Result.isSuccess(Approval.parseApprovalPolicy(policy))).toBe(true)
    const misspelt = structuredClone(policy) as unknown as {
      chains: Record<string, { steps: Array<{ when?: { post?: string } }> }>
    }
    misspelt.chains["credit.limitOverride"]!.steps[1]!.when!.post = "creditSupervisr"
    const refused = Approval.parseApprovalPolicy(misspelt)
    expect(Result.isFailure(refused) && refused.failure.issues.map((issue) => issue.path)).toEqual([
      ["chains", "credit.limitOverride", "steps", 1, "when", "post"],
    ])
  })
})

describe("parseAuthorityPolicy with per-post limits", () => {
  const withPosts = (posts: unknown) => parseAuthorityPolicy({ ...defaultAuthorityPolicy, posts })
  const paths = (result: ReturnType<typeof parseAuthorityPolicy>) =>
    Result.isFailure(result) ? result.failure.issues.map((issue) => issue.path) : []

  it("accepts the defaults, a policy without posts and a company's added post it is told of", () => {
    expect(Result.getOrThrow(parseAuthorityPolicy(defaultAuthorityPolicy)).posts).toEqual(
      defaultAuthorityPolicy.posts,
    )
    expect(Result.isSuccess(parseAuthorityPolicy(rankOnly))).toBe(true)
    const { posts: _, ...withoutPosts } = defaultAuthorityPolicy
    expect(Result.getOrThrow(parseAuthorityPolicy(withoutPosts)).posts).toBeUndefined()
    const added = { ...defaultAuthorityPolicy, posts: { hotlineLead: { "complaint.remedy": 1_000_00 } } }
    expect(Result.isSuccess(parseAuthorityPolicy(added, { addedPosts: ["hotlineLead"] }))).toBe(true)
  })

  it("names the field of an unknown post and of a negative, fractional or misspelt limit", () => {
    expect(paths(withPosts({ hotlineLead: { "complaint.remedy": 100 } }))).toEqual([["posts", "hotlineLead"]])
    expect(paths(withPosts({ creditSupervisor: { "credit.limit": -1 } }))).toEqual([
      ["posts", "creditSupervisor", "credit.limit"],
    ])
    expect(paths(withPosts({ creditSupervisor: { "credit.limit": 1.5 } }))).toEqual([
      ["posts", "creditSupervisor", "credit.limit"],
    ])
    expect(paths(withPosts({ creditSupervisor: { "credit.limit": "unlimted" } }))).toEqual([
      ["posts", "creditSupervisor", "credit.limit"],
    ])
    expect(paths(withPosts({ creditSupervisor: 5 }))).toEqual([["posts", "creditSupervisor"]])
  })

  it("keeps the rank rules: limits still may not shrink up the ladder", () => {
    const shrinking = parseAuthorityPolicy({
      ...defaultAuthorityPolicy,
      limits: { "credit.limit": { supervisor: 100, manager: 50 } },
    })
    expect(paths(shrinking)).toEqual([["limits", "credit.limit", "manager"]])
  })
})

describe("chartAuthorityPolicy", () => {
  it("gives the flows the chart's answer: merged posts act with their holder's row, overrides reach the flows", () => {
    const small = Organisation.organisationOf(Organisation.smallEnterpriseOrganisation)
    const policy = Organisation.chartAuthorityPolicy(small, defaultAuthorityPolicy)
    expect(policy.version).toBe(`${defaultAuthorityPolicy.version}+${small.version}`)
    // 中小型企业: the 信息主管 took the credit supervisor's duties, and its wider credit limit.
    const asCreditSupervisor = { role: "supervisor" as const, post: "creditSupervisor" as const }
    expect(checkAuthority(policy, "credit.limit", asCreditSupervisor, cny(150_000))).toEqual({ within: true })
    expect(checkAuthority(policy, "complaint.remedy", asCreditSupervisor, cny(2_000))).toEqual({
      within: true,
    })
    // Every post, merged or not, decides in the flows exactly up to the limit the chart gives it.
    for (const post of Organisation.Post.values) {
      const holder = { role: Organisation.postCatalogue[post].rank, post }
      for (const [decision, limit] of Object.entries(small.authorityOf(post))) {
        if (limit === "unlimited") continue
        const [at, above] = [Money.ofMinor(limit, "CNY"), Money.ofMinor(limit + 1, "CNY")]
        expect(checkAuthority(policy, decision, holder, at).within, `${post} ${decision}`).toBe(true)
        expect(checkAuthority(policy, decision, holder, above).within, `${post} ${decision}`).toBe(
          small.checkAuthority(post, decision, above).within,
        )
      }
    }
    const overridden = Organisation.organisationOf(
      Result.getOrThrow(
        Organisation.parseOrganisationPolicy({
          version: "acme-1",
          preset: "largeEnterprise",
          authority: { complaintOfficer: { "complaint.remedy": 800_00 } },
        }),
      ),
    )
    const officer = { role: "officer" as const, post: "complaintOfficer" as const }
    const route = Complaints.remedyApprovalRoute(
      {
        ...Complaints.defaultComplaintPolicy,
        authority: Organisation.chartAuthorityPolicy(overridden, defaultAuthorityPolicy),
      },
      officer,
      cny(700),
    )
    expect(Result.getOrThrow(route)).toEqual({ required: false })
  })
})
