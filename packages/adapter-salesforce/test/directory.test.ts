import { createSalesforceAdapter, type SalesforceAdapterService } from "@tixi/adapter-salesforce"
import { type Actor, Directory, departmentId, type PortFailure, personId, resolveActor } from "@tixi/core"
import { sampleCompany } from "@tixi/testing"
import { Effect, Fiber, Random } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { companyOrg } from "./support/company-org.ts"
import { useMsw } from "./support/fake-org-harness.ts"

useMsw()

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(Effect.flip(effect))

/** Retries without waiting for jitter, so a test of what retries exhaust does not sleep for seconds. */
const noJitter = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.provideService(effect, Random.Random, { nextIntUnsafe: () => 0, nextDoubleUnsafe: () => 0 })

/** What the runtime asks the directory before it runs any command (`withDirectoryActors`). */
const resolvedBy = (adapter: SalesforceAdapterService, claimed: Actor) =>
  Effect.provideService(resolveActor(claimed), Directory, adapter.directory)

describe("Salesforce directory: users, roles and permission sets", () => {
  it("reads every user, role and assignment across the query's pages (nextRecordsUrl)", async () => {
    const { fake, adapter } = await companyOrg(sampleCompany, { org: { queryBatchSize: 3 } })
    const everyone = await run(adapter.directory.people({ activeOnly: false }))
    // The company's eight people and the integration user (a standard user without a role).
    expect(everyone).toHaveLength(sampleCompany.people.length + 1)
    expect(everyone.map((person) => person.id)).toEqual(
      expect.arrayContaining(sampleCompany.people.map((person) => person.id)),
    )
    const pages = fake.api.requests.filter((request) => /^\/query\/01g/.test(request.path))
    // 9 users in pages of 3, 6 roles in pages of 3, 8 assignments in pages of 3: 2 + 1 + 2 more pages.
    expect(pages).toHaveLength(5)
    const zheng = everyone.find((person) => person.id === "officer-zheng")!
    expect(zheng).toMatchObject({ roles: ["officer"], posts: ["complaintOfficer"], locale: "en" })
    expect(zheng.managerId).toBe("supervisor-sun")
    expect(zheng.accounts.salesforce).toMatch(/^005/)
  })

  it("lists an inactive user only when asked, and refuses a command from them", async () => {
    const { adapter } = await companyOrg(sampleCompany)
    const active = await run(adapter.directory.people({ role: "officer" }))
    expect(active.map((person) => person.id)).toEqual(["officer-wu", "officer-zheng"])
    const all = await run(adapter.directory.people({ role: "officer", activeOnly: false }))
    expect(all.map((person) => person.id)).toEqual(["officer-former", "officer-wu", "officer-zheng"])
    expect((await run(adapter.directory.person(personId("officer-former")))).active).toBe(false)
    const refusal = await fail(resolvedBy(adapter, { personId: personId("officer-former"), role: "officer" }))
    expect(refusal).toMatchObject({ _tag: "UnknownActor", reason: "inactive in the directory" })
  })

  it("does not take portal, community or guest users for staff", async () => {
    const { fake, adapter } = await companyOrg(sampleCompany, {
      setup: (org) => {
        org.org.addUser("partner@reseller.example", {
          Name: "渠道伙伴",
          UserType: "PowerPartner",
          Title: "客户投诉专员",
        })
      },
    })
    const partnerId = fake.org.usersByName.get("partner@reseller.example")!
    const failure = await fail(adapter.directory.person(personId(partnerId)))
    expect(failure.reason._tag).toBe("NotFound")
    const everyone = await run(adapter.directory.people({ activeOnly: false }))
    expect(everyone.some((person) => person.accounts.salesforce === partnerId)).toBe(false)
  })

  it("makes the role hierarchy the departments, with a head only where one user holds the role", async () => {
    const { adapter } = await companyOrg(sampleCompany)
    const departments = await run(adapter.directory.departments())
    const byId = new Map(departments.map((department) => [department.id, department]))
    expect([...byId.keys()].sort()).toEqual(
      sampleCompany.departments.map((department) => department.id).sort(),
    )
    expect(byId.get(departmentId("complaints-desk"))).toMatchObject({
      name: "投诉组",
      parentId: "customer-service",
      // Sun, Wu and Zheng all hold the complaints desk's role: no head is guessed.
      headId: undefined,
    })
    expect(byId.get(departmentId("customer-service"))).toMatchObject({
      parentId: "head-office",
      headId: "manager-qian",
    })
    expect(byId.get(departmentId("head-office"))?.parentId).toBeUndefined()
    expect((await run(adapter.directory.department(departmentId("finance")))).headId).toBe("finance-zhou")
    const unknown = await fail(adapter.directory.department(departmentId("marketing")))
    expect(unknown.reason._tag).toBe("NotFound")
    const desk = await run(adapter.directory.people({ departmentId: departmentId("complaints-desk") }))
    expect(desk.map((person) => person.id)).toEqual(["officer-wu", "officer-zheng", "supervisor-sun"])
  })

  it("takes departments from the User's Department field when the company's mapping says so", async () => {
    const { adapter } = await companyOrg(sampleCompany, {
      directory: { departmentsFrom: "departmentField", departments: { "after-sales": "售后服务部" } },
      setup: (fake) => {
        for (const username of ["officer-wu@tixi.example", "officer-zheng@tixi.example"])
          fake.org.updateSystemRecord("User", fake.org.usersByName.get(username)!, {
            Department: "售后服务部",
          })
        fake.org.updateSystemRecord("User", fake.org.usersByName.get("finance-zhou@tixi.example")!, {
          Department: "财务部",
        })
      },
    })
    const departments = await run(adapter.directory.departments())
    expect(departments.map((department) => department.name).sort()).toEqual(["售后服务部", "财务部"])
    expect(departments.map((department) => department.id)).toContain("after-sales")
    // An unmapped Department text that cannot be an id gets a stable one derived from it.
    expect(departments.find((department) => department.name === "财务部")?.id).toMatch(
      /^salesforce-department:[0-9a-f]{16}$/,
    )
    expect(departments.every((department) => department.parentId === undefined)).toBe(true)
    expect(departments.every((department) => department.headId === undefined)).toBe(true)
    const afterSales = await run(adapter.directory.people({ departmentId: departmentId("after-sales") }))
    expect(afterSales.map((person) => person.id)).toEqual(["officer-wu", "officer-zheng"])
    expect((await run(adapter.directory.person(personId("officer-wu")))).departmentId).toBe("after-sales")
  })

  it("gives a post for a permission set assigned on purpose, never for a profile's own set", async () => {
    const { fake, adapter } = await companyOrg(sampleCompany, {
      directory: { postNames: { creditOfficer: ["Credit_Desk", "Credit_Profile"] } },
      setup: (org) => {
        const assign = (username: string, permissionSet: string) =>
          org.org.insertSystemRecord("PermissionSetAssignment", {
            AssigneeId: org.org.usersByName.get(username)!,
            PermissionSetId: permissionSet,
          })
        assign(
          "officer-wu@tixi.example",
          org.org.insertSystemRecord("PermissionSet", { Name: "Credit_Desk", IsOwnedByProfile: false }),
        )
        assign(
          "officer-zheng@tixi.example",
          org.org.insertSystemRecord("PermissionSet", { Name: "Credit_Profile", IsOwnedByProfile: true }),
        )
      },
    })
    expect((await run(adapter.directory.person(personId("officer-wu")))).posts).toEqual([
      "complaintOfficer",
      "creditOfficer",
    ])
    expect((await run(adapter.directory.person(personId("officer-zheng")))).posts).toEqual([
      "complaintOfficer",
    ])
    const listed = await run(adapter.directory.people({ role: "officer" }))
    expect(listed.map((person) => person.posts)).toEqual([
      ["complaintOfficer", "creditOfficer"],
      ["complaintOfficer"],
    ])
    expect(
      fake.api.requests
        .flatMap((request) => (request.soql?.includes("PermissionSetAssignment") ? [request.soql] : []))
        .every((soql) => soql.includes("PermissionSet.IsOwnedByProfile = false")),
    ).toBe(true)
  })

  it("fails NotFound for a person it cannot map to a user, or the org does not have", async () => {
    const { fake, adapter } = await companyOrg(sampleCompany)
    const before = fake.api.requests.length
    const unmapped = await fail(adapter.directory.person(personId("nobody-here")))
    expect(unmapped).toMatchObject({ port: "Directory", reason: { _tag: "NotFound", resource: "User" } })
    // An id that cannot be a User Id is not worth a call.
    expect(fake.api.requests.length).toBe(before)
    const missing = await fail(adapter.directory.person(personId("005000000000999AAA")))
    expect(missing.reason._tag).toBe("NotFound")
    const refusal = await fail(resolvedBy(adapter, { personId: personId("nobody-here"), role: "officer" }))
    expect(refusal).toMatchObject({ _tag: "UnknownActor", reason: "not in the directory" })
  })

  it("fails closed with a retryable failure while the org is unavailable", async () => {
    const { fake, adapter } = await companyOrg(sampleCompany)
    await run(adapter.directory.person(personId("officer-wu")))
    for (let attempt = 0; attempt < 4; attempt++)
      fake.org.forcedReplies.push({
        status: 503,
        errorCode: "SERVER_UNAVAILABLE",
        message: "Service Unavailable",
      })
    const failure = (await fail(
      noJitter(resolvedBy(adapter, { personId: personId("officer-wu"), role: "officer" })),
    )) as PortFailure
    expect(failure).toMatchObject({ _tag: "PortFailure", port: "Directory", operation: "person" })
    expect(failure.isRetryable).toBe(true)
  })

  it("fails closed with a retryable failure at the concurrent request limit, and not at the daily one", async () => {
    const { fake, adapter } = await companyOrg(sampleCompany)
    await run(adapter.directory.person(personId("officer-wu")))
    for (let attempt = 0; attempt < 4; attempt++)
      fake.org.forcedReplies.push({
        status: 403,
        errorCode: "REQUEST_LIMIT_EXCEEDED",
        message: "ConcurrentPerOrgLongTxn Limit exceeded.",
      })
    // The client waits the limit's 5 s between attempts; the test clock moves them along.
    const concurrent = await run(
      Effect.gen(function* () {
        const fiber = yield* Effect.forkChild(Effect.flip(adapter.directory.person(personId("officer-wu"))))
        while (fiber.pollUnsafe() === undefined) {
          yield* TestClock.withLive(Effect.sleep(10))
          yield* TestClock.adjust(5_000)
        }
        return yield* Fiber.join(fiber)
      }).pipe(Effect.provide(TestClock.layer())),
    )
    expect(concurrent.reason).toMatchObject({ _tag: "RateLimited", recoverable: true })
    expect(concurrent.isRetryable).toBe(true)
    expect(fake.org.forcedReplies).toHaveLength(0)
    // The rolling 24-hour allocation does not come back within a command's horizon (the adapter's one
    // error table): the command still fails closed, and says retrying now will not help.
    fake.org.apiUsed = fake.org.apiMax
    const daily = await fail(adapter.directory.person(personId("officer-wu")))
    expect(daily.reason).toMatchObject({ _tag: "RateLimited", recoverable: false })
    expect(daily.isRetryable).toBe(false)
  })

  it("refuses a command claiming a post the Salesforce directory does not give the person", async () => {
    const { fake, adapter } = await companyOrg(sampleCompany, {
      directory: { postNames: { creditOfficer: ["Credit_Desk"] } },
    })
    const claim = { personId: personId("officer-wu"), role: "officer", post: "creditOfficer" } as const
    const refusal = await fail(resolvedBy(adapter, claim))
    expect(refusal).toMatchObject({
      _tag: "PostNotHeld",
      personId: "officer-wu",
      claimed: "creditOfficer",
      held: ["complaintOfficer"],
    })
    // The administrator assigns the permission set: the next command acts in the post.
    fake.org.insertSystemRecord("PermissionSetAssignment", {
      AssigneeId: fake.org.usersByName.get("officer-wu@tixi.example")!,
      PermissionSetId: fake.org.insertSystemRecord("PermissionSet", {
        Name: "Credit_Desk",
        IsOwnedByProfile: false,
      }),
    })
    expect(await run(resolvedBy(adapter, claim))).toEqual(claim)
    const claimsDirector = await fail(
      resolvedBy(adapter, { personId: personId("officer-wu"), role: "director" }),
    )
    expect(claimsDirector).toMatchObject({ _tag: "PostNotHeld", claimed: "director", held: ["officer"] })
  })

  it("answers callers without Effect through the plain factory", async () => {
    const { settings } = await companyOrg(sampleCompany)
    const salesforce = createSalesforceAdapter(settings)
    const manager = await salesforce.directory.person(personId("manager-qian"))
    expect(manager).toMatchObject({
      roles: ["manager"],
      posts: ["serviceManager"],
      departmentId: "customer-service",
    })
  })

  it("refuses a mapping that names no post or role, naming the setting", async () => {
    const { fake } = await companyOrg(sampleCompany)
    const { make } = await import("@tixi/adapter-salesforce")
    const { settingsFor } = await import("./support/fake-org-harness.ts")
    const failure = await fail(
      make(
        settingsFor(fake, {
          directory: {
            postNames: { complaintOfficr: ["投诉受理员"] } as never,
            roleNames: { officer: [""] },
            departmentPosts: { finance: ["creditOfficer", "cashier" as never] },
            departmentsFrom: "profiles" as never,
          },
        }),
      ),
    )
    expect(failure.issues.map((issue) => issue.path.join("."))).toEqual([
      "directory.roleNames.officer.0",
      "directory.postNames.complaintOfficr",
      "directory.departmentPosts.finance.1",
      "directory.departmentsFrom",
    ])
  })
})
