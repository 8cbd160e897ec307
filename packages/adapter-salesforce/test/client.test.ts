import { make, parseLimitInfo } from "@tixi/adapter-salesforce"
import { createFakeSalesforce } from "@tixi/adapter-salesforce/fake"
import { Effect, Redacted } from "effect"
import { HttpResponse, http } from "msw"
import { describe, expect, it } from "vitest"
import { fakeOrgWithAdapter, server, settingsFor, trackSoql, useMsw } from "./support/fake-org-harness.ts"

useMsw()

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(Effect.flip(effect))

describe("Salesforce client", () => {
  it("signs in again once after a 401, then carries on", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({})
    await run(adapter.hostCrm.findCase("TS-1"))
    fake.org.expireSessions()
    expect(await run(adapter.hostCrm.findCase("TS-1"))).toBeUndefined()
    expect(fake.org.sessions.size).toBe(1)
  })

  it("fails Unauthorized when a renewed session is rejected too", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({})
    await run(adapter.hostCrm.findCase("TS-1"))
    fake.org.forcedReplies.push(
      { status: 401, errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid" },
      { status: 401, errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid" },
    )
    const failure = await fail(adapter.hostCrm.findCase("TS-1"))
    expect(failure.reason._tag).toBe("Unauthorized")
    expect(failure.vendor?.code).toBe("INVALID_SESSION_ID")
  })

  it("fails Unauthorized at once with an access token it cannot renew", async () => {
    const fake = trackSoql(createFakeSalesforce())
    server.resetHandlers(...fake.handlers)
    const adapter = await run(
      make({
        credentials: {
          kind: "accessToken",
          accessToken: Redacted.make(fake.accessToken()),
          instanceUrl: fake.org.instanceUrl,
        },
      }),
    )
    expect(await run(adapter.hostCrm.findCase("x"))).toBeUndefined()
    fake.org.expireSessions()
    const failure = await fail(adapter.hostCrm.findCase("x"))
    expect(failure.reason._tag).toBe("Unauthorized")
    expect(failure.detail).toContain("cannot be renewed")
  })

  it("stops before the org's allocation runs into the reserve", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({
      org: { apiAllocation: { max: 1_000, used: 880 } },
      settings: { apiReserve: 100 },
    })
    await run(adapter.hostCrm.findCase("x"))
    const usedBefore = fake.org.apiUsed
    const updates = Array.from({ length: 30 * 200 }, () => ({ id: "001000000000000AAA", fields: {} }))
    const failure = await fail(adapter.writeCustomerFields(updates, "collections"))
    expect(failure.reason).toMatchObject({
      _tag: "RateLimited",
      recoverable: false,
      scope: "DAILY_API_REQUESTS",
    })
    expect(fake.org.callsByKind.get("composite")).toBeUndefined()
    expect(fake.org.apiUsed - usedBefore).toBeLessThanOrEqual(1)
    expect(await run(adapter.usage)).toEqual({ used: fake.org.apiUsed, max: 1_000 })
  })

  it("maps the daily REQUEST_LIMIT_EXCEEDED to a RateLimited that does not retry", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({})
    fake.org.apiUsed = fake.org.apiMax
    const failure = await fail(adapter.hostCrm.findCase("x"))
    expect(failure.reason).toMatchObject({ _tag: "RateLimited", recoverable: false })
    expect(failure.isRetryable).toBe(false)
  })

  it("retries the concurrent long-running request limit, which clears by itself", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({})
    await run(adapter.hostCrm.findCase("x"))
    fake.org.forcedReplies.push({
      status: 403,
      errorCode: "REQUEST_LIMIT_EXCEEDED",
      message: "ConcurrentPerOrgLongTxn Limit exceeded.",
    })
    const started = Date.now()
    expect(await run(adapter.hostCrm.findCase("x"))).toBeUndefined()
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900)
  }, 20_000)

  it("names itself in Sforce-Call-Options and pins the API version", async () => {
    const fake = trackSoql(createFakeSalesforce())
    const seen: Array<{ options: string | null; path: string }> = []
    server.resetHandlers(
      http.all(`${fake.org.instanceUrl}/*`, ({ request }) => {
        seen.push({
          options: request.headers.get("sforce-call-options"),
          path: new URL(request.url).pathname,
        })
      }),
      ...fake.handlers,
    )
    const adapter = await run(make(settingsFor(fake, { apiVersion: "64.0", callOptionsClient: "tixi-prod" })))
    await run(adapter.hostCrm.findCase("x"))
    expect(seen.every((entry) => entry.options === "client=tixi-prod")).toBe(true)
    expect(
      seen
        .filter((entry) => entry.path.startsWith("/services/data/"))
        .every((entry) => entry.path.startsWith("/services/data/v64.0/")),
    ).toBe(true)
  })

  it("reads Sforce-Limit-Info with or without per-app usage", () => {
    expect(parseLimitInfo("api-usage=10018/100000")).toEqual({ used: 10018, max: 100000 })
    expect(parseLimitInfo("api-usage=25/15000; per-app-api-usage=17/250(appName=tixi)")).toEqual({
      used: 25,
      max: 15000,
    })
    expect(parseLimitInfo("nonsense")).toBeUndefined()
    expect(parseLimitInfo(null)).toBeUndefined()
  })

  it("turns a network failure into a retryable Unavailable and retries reads", async () => {
    const { fake, adapter } = await fakeOrgWithAdapter({})
    await run(adapter.hostCrm.findCase("x"))
    let failures = 1
    server.use(
      http.get(`${fake.org.instanceUrl}/services/data/v66.0/query`, () => {
        if (failures-- > 0) return HttpResponse.error()
        return undefined
      }),
    )
    expect(await run(adapter.hostCrm.findCase("x"))).toBeUndefined()
  })
})
