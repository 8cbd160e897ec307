import {
  Directory,
  departmentId,
  Organisation,
  type PortFailure,
  type PostNotHeld,
  personId,
  resolveActor,
  type UnknownActor,
} from "@tixi/core"
import { rateLimitBody } from "@tixi/testing/hubspot"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { createHubSpotAdapter, type HubSpotOptions, layer, make } from "../src/index.ts"
import { fakeOptions, useFakePortal } from "./support/fake-portal.ts"

const fake = useFakePortal()

/** Runs a program against the HubSpot directory of the current fake portal. */
const withDirectory = <A, E>(
  program: Effect.Effect<A, E, Directory>,
  overrides: Partial<HubSpotOptions> = {},
): Promise<A> => Effect.runPromise(Effect.provide(program, layer(fakeOptions(overrides))))

/** The failure a program must end in. */
const failureOf = <E>(
  program: Effect.Effect<unknown, E, Directory>,
  overrides: Partial<HubSpotOptions> = {},
) => withDirectory(Effect.flip(program), overrides)

const ownerRequests = () =>
  fake.portal.requests.filter((request) => request.path.startsWith("/crm/v3/owners"))

describe("HubSpot directory: owners are people", () => {
  it("lists more than 100 owners across pages, archived owners as inactive", async () => {
    const portal = fake.fresh()
    const desk = portal.users.addTeam("投诉组")
    for (let index = 0; index < 250; index++)
      portal.users.addOwner({ email: `agent${index}@acme.example`, teamIds: [desk.id] })
    const gone = portal.users.addOwner({ email: "gone@acme.example", teamIds: [desk.id] })
    portal.users.removeUser(gone.id)
    portal.users.addOwner({ email: "queue@acme.example", type: "QUEUE" })

    const [everyone, active, again] = await withDirectory(
      Effect.gen(function* () {
        const directory = yield* Directory
        const everyone = yield* directory.people({ activeOnly: false })
        return [everyone, yield* directory.people({}), yield* directory.people({})] as const
      }),
    )
    // 250 active in pages of 100, 100 and 50, then the archived listing; a queue is no person.
    expect(everyone).toHaveLength(251)
    expect(active).toHaveLength(250)
    expect(again).toEqual(active)
    expect(everyone.find((person) => person.accounts.hubspot === gone.id)?.active).toBe(false)
    expect(active.some((person) => person.accounts.hubspot === gone.id)).toBe(false)
    // The second and third listings reuse the first: four requests in all.
    expect(ownerRequests().map((request) => request.status)).toEqual([200, 200, 200, 200])
  })

  it("reads an archived owner as an inactive person, whom no command may act as", async () => {
    const portal = fake.fresh()
    const former = portal.users.addOwner({ email: "former@acme.example", lastName: "王", firstName: "前" })
    portal.users.removeUser(former.id)
    const person = await withDirectory(
      Effect.flatMap(Directory, (directory) => directory.person(personId(former.id))),
    )
    expect(person).toMatchObject({ name: "王前", active: false, accounts: { hubspot: former.id } })
    const refusal = await failureOf(resolveActor({ personId: personId(former.id), role: "officer" }))
    expect(refusal).toMatchObject({ _tag: "UnknownActor", reason: "inactive in the directory" })
  })

  it("fails NotFound on the Directory port for an owner HubSpot does not have", async () => {
    fake.fresh()
    const missing = (await failureOf(
      Effect.flatMap(Directory, (directory) => directory.person(personId("99999999"))),
    )) as PortFailure
    expect(missing).toMatchObject({ port: "Directory", reason: { _tag: "NotFound" } })
    // Asked among the active owners, then among the archived.
    expect(ownerRequests().map((request) => request.status)).toEqual([404, 404])
    const notAnOwnerId = (await failureOf(
      Effect.flatMap(Directory, (directory) => directory.person(personId("someone-else"))),
    )) as PortFailure
    expect(notAnOwnerId.reason._tag).toBe("NotFound")
    expect(ownerRequests()).toHaveLength(2)
  })

  it("maps tixi people to owner ids through settings.ids, both ways", async () => {
    const portal = fake.fresh()
    const owner = portal.users.addOwner({ email: "qian@acme.example" })
    const person = await withDirectory(
      Effect.flatMap(Directory, (directory) => directory.person(personId("manager-qian"))),
      { ids: { people: { "manager-qian": owner.id } } },
    )
    expect(person.id).toBe("manager-qian")
    expect(person.accounts).toEqual({ hubspot: owner.id })
  })
})

describe("HubSpot directory: posts and roles come from the company's mapping", () => {
  it("gives a team's posts by its name, renamed posts by the company's names, and an owner's by email", async () => {
    const portal = fake.fresh()
    const complaints = portal.users.addTeam(Organisation.Post.label("complaintOfficer", "zh-CN"))
    const credit = portal.users.addTeam("信用组")
    const wu = portal.users.addOwner({ email: "wu@acme.example", teamIds: [complaints.id] })
    const li = portal.users.addOwner({ email: "li@acme.example", teamIds: [credit.id, complaints.id] })
    const [wuPerson, liPerson] = await withDirectory(
      Effect.gen(function* () {
        const directory = yield* Directory
        return [yield* directory.person(personId(wu.id)), yield* directory.person(personId(li.id))] as const
      }),
      {
        postNames: { creditSupervisor: ["信用组"] },
        roleNames: {
          supervisor: ["li@acme.example"],
          officer: [Organisation.Post.label("complaintOfficer", "zh-CN")],
        },
      },
    )
    // Without configuration a team named after the post's Chinese label gives it.
    expect(wuPerson.posts).toEqual(["complaintOfficer"])
    expect(wuPerson.roles).toEqual(["officer"])
    expect(liPerson.posts).toEqual(["complaintOfficer", "creditSupervisor"])
    expect(liPerson.roles).toEqual(["officer", "supervisor"])
    // The primary team is the department; HubSpot has no manager.
    expect(liPerson.departmentId).toBe(credit.id)
    expect(liPerson.managerId).toBeUndefined()
  })

  it("refuses a command claiming a post the HubSpot directory does not give the person", async () => {
    const portal = fake.fresh()
    const complaints = portal.users.addTeam("投诉组")
    const wu = portal.users.addOwner({ email: "wu@acme.example", teamIds: [complaints.id] })
    const options = { postNames: { complaintOfficer: ["投诉组"] }, roleNames: { officer: ["投诉组"] } }
    const refusal = (await failureOf(
      resolveActor({ personId: personId(wu.id), role: "officer", post: "creditSupervisor" }),
      options,
    )) as PostNotHeld | UnknownActor | PortFailure
    expect(refusal).toMatchObject({
      _tag: "PostNotHeld",
      personId: wu.id,
      claimed: "creditSupervisor",
      held: ["complaintOfficer"],
    })
    const resolved = await withDirectory(
      resolveActor({ personId: personId(wu.id), role: "officer", post: "complaintOfficer" }),
      options,
    )
    expect(resolved).toEqual({ personId: wu.id, role: "officer", post: "complaintOfficer" })
  })

  it("refuses a mapping that names no post or role, naming the setting", async () => {
    const bad = async (overrides: Partial<HubSpotOptions>) =>
      (await Effect.runPromise(Effect.flip(make(fakeOptions(overrides))))).reason
    expect(await bad({ postNames: { creditBoss: ["信用组"] } as never })).toMatchObject({
      _tag: "InvalidRequest",
      fields: [{ field: "postNames.creditBoss" }],
    })
    expect(await bad({ roleNames: { officer: [""] } })).toMatchObject({
      fields: [{ field: "roleNames.officer.0" }],
    })
    expect(await bad({ departmentPosts: { finance: ["accountant" as never] } })).toMatchObject({
      fields: [{ field: "departmentPosts.finance.0" }],
    })
    expect(await bad({ teamParents: { finance: "finance" } })).toMatchObject({
      fields: [{ field: "teamParents.finance" }],
    })
    expect(await bad({ ids: { people: { a: "1", b: "1" } } })).toMatchObject({ fields: [{ field: "ids" }] })
  })
})

describe("HubSpot directory: teams are departments", () => {
  it("lists every team, empty ones too, with the parents the company configures and no head", async () => {
    const portal = fake.fresh()
    const service = portal.users.addTeam("客服部")
    const desk = portal.users.addTeam("投诉组")
    portal.users.addOwner({ email: "sun@acme.example", teamIds: [desk.id] })
    portal.users.addOwner({ email: "qian@acme.example", teamIds: [service.id] })
    const options = {
      ids: { departments: { "customer-service": Number(service.id), "complaints-desk": Number(desk.id) } },
      teamParents: { "complaints-desk": "customer-service" },
    }
    const [departments, desked, within] = await withDirectory(
      Effect.gen(function* () {
        const directory = yield* Directory
        return [
          yield* directory.departments(),
          yield* directory.department(departmentId("complaints-desk")),
          yield* directory.people({ departmentId: departmentId("customer-service") }),
        ] as const
      }),
      options,
    )
    expect(departments).toEqual([
      { id: "customer-service", name: "客服部", parentId: undefined, headId: undefined },
      { id: "complaints-desk", name: "投诉组", parentId: "customer-service", headId: undefined },
    ])
    expect(desked.parentId).toBe("customer-service")
    expect(within.map((person) => person.accounts.hubspot)).toHaveLength(2)
    const missing = (await failureOf(
      Effect.flatMap(Directory, (directory) => directory.department(departmentId("404"))),
      options,
    )) as PortFailure
    expect(missing).toMatchObject({ port: "Directory", reason: { _tag: "NotFound", resource: "team" } })
  })
})

describe("HubSpot directory: outages fail closed", () => {
  it("a 429 is a retryable failure of the Directory port, and resolving an actor fails with it", async () => {
    const portal = fake.fresh()
    const owner = portal.users.addOwner({ email: "wu@acme.example" })
    portal.failNext({ path: /^\/crm\/v3\/owners/, status: 429, body: rateLimitBody("TEN_SECONDLY_ROLLING") })
    const failure = (await failureOf(resolveActor({ personId: personId(owner.id), role: "officer" }), {
      maxAttempts: 1,
    })) as PortFailure
    expect(failure).toMatchObject({ _tag: "PortFailure", port: "Directory", reason: { _tag: "RateLimited" } })
    expect(failure.isRetryable).toBe(true)
  })

  it("a 503 is a retryable failure; the gateway's own retries get past a passing one", async () => {
    const portal = fake.fresh()
    const owner = portal.users.addOwner({ email: "wu@acme.example" })
    portal.failNext({ path: /^\/crm\/v3\/owners/, status: 503, times: 2 })
    const failure = (await failureOf(
      Effect.flatMap(Directory, (directory) => directory.people({})),
      { maxAttempts: 1 },
    )) as PortFailure
    expect(failure).toMatchObject({ port: "Directory", reason: { _tag: "Unavailable" } })
    expect(failure.isRetryable).toBe(true)
    const person = await withDirectory(
      Effect.flatMap(Directory, (directory) => directory.person(personId(owner.id))),
      { maxAttempts: 3 },
    )
    expect(person.accounts.hubspot).toBe(owner.id)
  })

  it("a token HubSpot refuses (401) is Unauthorized, not retried", async () => {
    fake.fresh()
    const failure = (await failureOf(
      Effect.flatMap(Directory, (directory) => directory.people({})),
      {
        accessToken: "pat-na1-wrong",
      },
    )) as PortFailure
    expect(failure).toMatchObject({ port: "Directory", reason: { _tag: "Unauthorized" } })
    expect(failure.isRetryable).toBe(false)
    expect(ownerRequests().map((request) => request.status)).toEqual([401])
  })
})

describe("HubSpot directory without Effect", () => {
  it("answers the directory with promises from createHubSpotAdapter", async () => {
    const portal = fake.fresh()
    const owner = portal.users.addOwner({ email: "wu@acme.example", firstName: "Wu", lastName: "Lei" })
    const adapter = createHubSpotAdapter(fakeOptions({ language: "en" }))
    expect(await adapter.directory.person(personId(owner.id))).toMatchObject({ name: "Wu Lei", locale: "en" })
    expect((await adapter.directory.people({})).map((person) => person.id)).toEqual([owner.id])
  })
})
