import { createHash, createHmac } from "node:crypto"
import { defaultFakeApp, FakeHubSpotPortal, searchLimits } from "@tixi/testing/hubspot"
import { describe, expect, it } from "vitest"

const auth = { authorization: `Bearer ${defaultFakeApp.accessToken}`, "content-type": "application/json" }

function call(portal: FakeHubSpotPortal, method: string, path: string, body?: unknown) {
  return portal.fetch(
    new Request(`https://api.hubapi.com${path}`, {
      method,
      headers: auth,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  )
}

describe("the fake HubSpot portal enforces HubSpot's limits", () => {
  it("refuses a batch of more than 100 inputs", async () => {
    const portal = new FakeHubSpotPortal()
    const inputs = Array.from({ length: 101 }, (_, index) => ({ properties: { name: `c${index}` } }))
    const response = await call(portal, "POST", "/crm/v3/objects/companies/batch/create", { inputs })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ status: "error", category: "VALIDATION_ERROR" })
    const ok = await call(portal, "POST", "/crm/v3/objects/companies/batch/create", {
      inputs: inputs.slice(0, 100),
    })
    expect(ok.status).toBe(201)
  })

  it("refuses a batch read of more than 50 inputs when it asks for property histories", async () => {
    const portal = new FakeHubSpotPortal()
    const inputs = Array.from({ length: 51 }, (_, index) => ({ id: String(index + 1) }))
    const read = (count: number, propertiesWithHistory: Array<string>) =>
      call(portal, "POST", "/crm/v3/objects/companies/batch/read", {
        inputs: inputs.slice(0, count),
        properties: ["name"],
        propertiesWithHistory,
      })
    const refused = await read(51, ["name"])
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({
      status: "error",
      category: "VALIDATION_ERROR",
      message: "The maximum number of inputs supported in a batch request for property histories is 50",
    })
    expect((await read(50, ["name"])).status).not.toBe(400)
    // Without histories the batch limit is HubSpot's usual 100.
    expect((await read(51, [])).status).not.toBe(400)
  })

  it("answers the 11th request in a rolling 10 s window with HubSpot's 429 body and headers", async () => {
    let now = 1_767_600_000_000
    const portal = new FakeHubSpotPortal({ burstLimit: 10, now: () => now })
    for (let index = 0; index < 10; index++) {
      const response = await call(portal, "GET", "/crm/v3/objects/companies?limit=1")
      expect(response.status).toBe(200)
      expect(response.headers.get("X-HubSpot-RateLimit-Remaining")).toBe(String(9 - index))
      now += 500
    }
    const refused = await call(portal, "GET", "/crm/v3/objects/companies?limit=1")
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({
      status: "error",
      message: "You have reached your ten_secondly_rolling limit.",
      errorType: "RATE_LIMIT",
      policyName: "TEN_SECONDLY_ROLLING",
    })
    expect(refused.headers.get("X-HubSpot-RateLimit-Max")).toBe("10")
    // Rolling, not fixed: the first request leaves the window 10 s after it was counted.
    now = 1_767_600_000_000 + 10_000
    expect((await call(portal, "GET", "/crm/v3/objects/companies?limit=1")).status).toBe(200)
  })

  it("stops at the daily limit with policy DAILY and resets at midnight in the account's time zone", async () => {
    // 23:59 in Shanghai is 15:59 UTC.
    let now = Date.UTC(2026, 0, 5, 15, 59)
    const portal = new FakeHubSpotPortal({ dailyLimit: 2, timeZone: "Asia/Shanghai", now: () => now })
    await call(portal, "GET", "/crm/v3/objects/companies?limit=1")
    const last = await call(portal, "GET", "/crm/v3/objects/companies?limit=1")
    expect(last.headers.get("X-HubSpot-RateLimit-Daily-Remaining")).toBe("0")
    const refused = await call(portal, "GET", "/crm/v3/objects/companies?limit=1")
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({
      policyName: "DAILY",
      message: "You have reached your daily limit.",
    })
    now = Date.UTC(2026, 0, 5, 16, 0)
    expect((await call(portal, "GET", "/crm/v3/objects/companies?limit=1")).status).toBe(200)
  })

  it("answers 207 for the ids that do not exist and writes the others", async () => {
    const portal = new FakeHubSpotPortal()
    const company = portal.staff().create("companies", { name: "甲" })
    const response = await call(portal, "POST", "/crm/v3/objects/companies/batch/update", {
      inputs: [
        { id: company.id, properties: { name: "乙" } },
        { id: "1", properties: { name: "丙" } },
      ],
    })
    expect(response.status).toBe(207)
    const body = (await response.json()) as {
      numErrors: number
      errors: Array<{ category: string; context: { ids: Array<string> } }>
    }
    expect(body.numErrors).toBe(1)
    expect(body.errors[0]).toMatchObject({ category: "OBJECT_NOT_FOUND", context: { ids: ["1"] } })
    expect(portal.read("companies", company.id)?.name).toBe("乙")
  })

  it("rejects a whole batch for one invalid value and writes nothing", async () => {
    const portal = new FakeHubSpotPortal()
    const [first, second] = [
      portal.staff().create("companies", { name: "A" }),
      portal.staff().create("companies", { name: "B" }),
    ]
    const response = await call(portal, "POST", "/crm/v3/objects/companies/batch/update", {
      inputs: [
        { id: first.id, properties: { name: "A2" } },
        { id: second.id, properties: { annualrevenue: "lots" } },
      ],
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { message: string; category: string }
    expect(body.category).toBe("VALIDATION_ERROR")
    expect(body.message).toContain("Property values were not valid")
    expect(portal.read("companies", first.id)?.name).toBe("A")
  })

  it("caps search at 200 a page, 10,000 results and 5 groups of 6 filters", async () => {
    const portal = new FakeHubSpotPortal({ enforceRateLimits: false })
    for (let index = 0; index < 10_050; index++) portal.staff().create("companies", { name: `c${index}` })
    const search = (body: unknown) => call(portal, "POST", "/crm/v3/objects/companies/search", body)
    expect((await search({ limit: 201 })).status).toBe(400)
    const page = (await (await search({ limit: 200, after: "9800" })).json()) as {
      total: number
      results: Array<unknown>
      paging?: unknown
    }
    expect(page.total).toBe(10_050)
    expect(page.results).toHaveLength(200)
    const beyond = await search({ limit: 200, after: "9900" })
    expect(beyond.status).toBe(400)
    expect(((await beyond.json()) as { message: string }).message).toContain("10000")
    const filter = { propertyName: "name", operator: "HAS_PROPERTY" }
    expect(
      (await search({ filterGroups: Array.from({ length: 6 }, () => ({ filters: [filter] })) })).status,
    ).toBe(400)
    expect(
      (await search({ filterGroups: [{ filters: Array.from({ length: 7 }, () => filter) }] })).status,
    ).toBe(400)
    expect(searchLimits).toMatchObject({
      pageSize: 200,
      totalResults: 10_000,
      filterGroups: 5,
      filtersPerGroup: 6,
      filters: 18,
    })
  })

  it("limits search to 5 requests a second per account, without rate-limit headers", async () => {
    const now = 1_767_600_000_000
    const portal = new FakeHubSpotPortal({ now: () => now })
    for (let index = 0; index < 5; index++) {
      const response = await call(portal, "POST", "/crm/v3/objects/companies/search", { limit: 1 })
      expect(response.headers.get("X-HubSpot-RateLimit-Remaining")).toBeNull()
    }
    const refused = await call(portal, "POST", "/crm/v3/objects/companies/search", { limit: 1 })
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({
      policyName: "SECONDLY",
      message: "You have reached your secondly limit.",
    })
  })

  it("keeps unique values unique and records who wrote each value", async () => {
    const portal = new FakeHubSpotPortal()
    const created = await call(portal, "POST", "/crm/v3/objects/contacts", {
      properties: { email: "a@example.cn" },
    })
    expect(created.status).toBe(201)
    const duplicate = await call(portal, "POST", "/crm/v3/objects/contacts", {
      properties: { email: "a@example.cn" },
    })
    expect(duplicate.status).toBe(409)
    const { id } = (await created.json()) as { id: string }
    portal.staff(42).update("contacts", id, { firstname: "王" })
    const read = await call(
      portal,
      "GET",
      `/crm/v3/objects/contacts/${id}?propertiesWithHistory=email,firstname`,
    )
    const body = (await read.json()) as {
      propertiesWithHistory: Record<string, Array<{ sourceType: string; sourceId: string }>>
    }
    expect(body.propertiesWithHistory.email![0]).toMatchObject({
      sourceType: "INTEGRATION",
      sourceId: String(defaultFakeApp.appId),
    })
    expect(body.propertiesWithHistory.firstname![0]).toMatchObject({
      sourceType: "CRM_UI",
      sourceId: "userId:42",
    })
  })

  it("signs webhook deliveries v1, v2 and v3 as HubSpot does", async () => {
    for (const version of ["v1", "v2", "v3"] as const) {
      const portal = new FakeHubSpotPortal()
      const received: Array<Request> = []
      portal.webhooks.configure({
        app: defaultFakeApp,
        targetUrl: "https://hooks.example.com/hubspot",
        signatureVersion: version,
        subscriptions: [{ subscriptionType: "company.creation" }],
        deliver: async (request) => {
          received.push(request)
          return new Response(null, { status: 204 })
        },
      })
      portal.staff().create("companies", { name: "甲" })
      await portal.webhooks.flush()
      const request = received[0]!
      const body = await request.text()
      const secret = defaultFakeApp.clientSecret
      if (version === "v3") {
        const timestamp = request.headers.get("X-HubSpot-Request-Timestamp")!
        const expected = createHmac("sha256", secret)
          .update(`POST${request.url}${body}${timestamp}`)
          .digest("base64")
        expect(request.headers.get("X-HubSpot-Signature-v3")).toBe(expected)
      } else {
        const source = version === "v1" ? `${secret}${body}` : `${secret}POST${request.url}${body}`
        expect(request.headers.get("X-HubSpot-Signature")).toBe(
          createHash("sha256").update(source).digest("hex"),
        )
        expect(request.headers.get("X-HubSpot-Signature-Version")).toBe(version)
      }
      expect(JSON.parse(body)[0]).toMatchObject({
        subscriptionType: "company.creation",
        changeSource: "CRM_UI",
        attemptNumber: 0,
      })
    }
  })

  it("reports an association change with fromObjectId and toObjectId, and no objectId", async () => {
    const portal = new FakeHubSpotPortal()
    const bodies: Array<Array<Record<string, unknown>>> = []
    portal.webhooks.configure({
      app: defaultFakeApp,
      targetUrl: "https://hooks.example.com/hubspot",
      signatureVersion: "v3",
      subscriptions: [{ subscriptionType: "company.associationChange" }],
      deliver: async (request) => {
        bodies.push((await request.json()) as Array<Record<string, unknown>>)
        return new Response(null, { status: 204 })
      },
    })
    const staff = portal.staff()
    const company = staff.create("companies", { name: "甲" })
    const contact = staff.create("contacts", { email: "wang@example.cn" })
    staff.associate("companies", company.id, "contacts", contact.id)
    await portal.webhooks.flush()
    const event = bodies.flat()[0]!
    expect(event).toMatchObject({
      subscriptionType: "company.associationChange",
      associationType: "COMPANY_TO_CONTACT",
      fromObjectId: Number(company.id),
      toObjectId: Number(contact.id),
      associationRemoved: false,
    })
    expect(event).not.toHaveProperty("objectId")
  })

  it("retries a failed delivery up to 10 times, then gives up", async () => {
    let now = 1_767_600_000_000
    const portal = new FakeHubSpotPortal({ now: () => now })
    portal.webhooks.configure({
      app: defaultFakeApp,
      targetUrl: "https://hooks.example.com/hubspot",
      signatureVersion: "v3",
      subscriptions: [{ subscriptionType: "ticket.creation" }],
      deliver: async () => new Response(null, { status: 500 }),
    })
    const pipeline = portal.store.ticketPipelines()[0]!
    portal.staff().create("tickets", {
      subject: "s",
      hs_pipeline: pipeline.id,
      hs_pipeline_stage: pipeline.stages[0]!.id,
    })
    for (let round = 0; round < 40 && portal.webhooks.queued > 0; round++) {
      await portal.webhooks.flush()
      now += 3 * 3_600_000
    }
    const attempts = portal.webhooks.deliveries.map((delivery) => JSON.parse(delivery.body)[0].attemptNumber)
    expect(attempts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(portal.webhooks.abandoned).toHaveLength(1)
  })
})

/** An owners or teams reply, as the vendor's JSON (typed loosely: the tests check its shape). */
// biome-ignore lint/suspicious/noExplicitAny: the reply's shape is what the test asserts
const ownerJson = async (reply: Promise<Response>): Promise<any> => (await reply).json()

describe("the fake HubSpot portal serves owners and teams as HubSpot does", () => {
  it("pages owners with limit and paging.next.after, active and archived apart", async () => {
    const portal = new FakeHubSpotPortal()
    const team = portal.users.addTeam("投诉组")
    for (let index = 0; index < 3; index++)
      portal.users.addOwner({ email: `o${index}@acme.example`, teamIds: [team.id] })
    portal.users.removeUser(portal.users.owners[2]!.id)
    const first = await ownerJson(call(portal, "GET", "/crm/v3/owners/?limit=1"))
    expect(first.results).toHaveLength(1)
    expect(first.results[0]).toMatchObject({
      email: "o0@acme.example",
      type: "PERSON",
      archived: false,
      teams: [{ id: team.id, name: "投诉组", primary: true }],
    })
    expect(typeof first.results[0].userId).toBe("number")
    const second = await ownerJson(
      call(portal, "GET", `/crm/v3/owners/?limit=1&after=${first.paging.next.after}`),
    )
    expect(second.results.map((owner: { email: string }) => owner.email)).toEqual(["o1@acme.example"])
    expect(second.paging).toBeUndefined()
    const archived = await ownerJson(call(portal, "GET", "/crm/v3/owners/?archived=true"))
    // A removed user's owner is archived and keeps its user id only as userIdIncludingInactive.
    expect(archived.results).toHaveLength(1)
    expect(archived.results[0].userId).toBeUndefined()
    expect(typeof archived.results[0].userIdIncludingInactive).toBe("number")
  })

  it("reads one owner by id, 404 among the active for an archived one, and lists teams with their users", async () => {
    const portal = new FakeHubSpotPortal()
    const desk = portal.users.addTeam("投诉组")
    const credit = portal.users.addTeam("信用组")
    const li = portal.users.addOwner({ email: "li@acme.example", teamIds: [credit.id, desk.id] })
    expect((await call(portal, "GET", `/crm/v3/owners/${li.id}`)).status).toBe(200)
    portal.users.removeUser(li.id)
    const gone = await call(portal, "GET", `/crm/v3/owners/${li.id}`)
    expect(gone.status).toBe(404)
    expect(await gone.json()).toMatchObject({ status: "error", category: "OBJECT_NOT_FOUND" })
    expect((await call(portal, "GET", `/crm/v3/owners/${li.id}?archived=true`)).status).toBe(200)
    const active = portal.users.addOwner({ email: "wu@acme.example", teamIds: [credit.id, desk.id] })
    const teams = await ownerJson(call(portal, "GET", "/settings/v3/users/teams"))
    expect(teams.results).toEqual([
      { id: desk.id, name: "投诉组", userIds: [], secondaryUserIds: [String(active.userId)] },
      { id: credit.id, name: "信用组", userIds: [String(active.userId)], secondaryUserIds: [] },
    ])
    const anonymous = await portal.fetch(new Request("https://api.hubapi.com/crm/v3/owners/"))
    expect(anonymous.status).toBe(401)
  })
})
