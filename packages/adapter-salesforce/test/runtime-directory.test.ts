import type { SalesforceAdapterService } from "@tixi/adapter-salesforce"
import type { FakeSalesforce } from "@tixi/adapter-salesforce/fake"
import {
  addDays,
  Directory,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  type PortFailure,
  utcDateOf,
} from "@tixi/core"
import { hostProcess, ProcessRuntime, pgliteLayer, runtimeLayer } from "@tixi/runtime"
import {
  sampleCompany,
  scriptedComplaintProcess,
  scriptedCustomer,
  scriptedRegistration,
} from "@tixi/testing"
import { Clock, Effect, Layer, ManagedRuntime, Random } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { companyOrg } from "./support/company-org.ts"
import { useMsw } from "./support/fake-org-harness.ts"

// The runtime resolves every command's actor through the Salesforce directory before it stores
// anything: the complaint process on the embedded engine over PGlite, its people from the fake org.

useMsw()

const hour = 3_600_000

/** The embedded runtime with the core's complaint process, people and posts from the org. */
const runtimeOver = (adapter: SalesforceAdapterService) =>
  runtimeLayer({ processes: [hostProcess(scriptedComplaintProcess())], engine: "embedded" }).pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        InMemoryHostCrm.layer({ customers: [scriptedCustomer] }),
        InMemoryApprovals.layer(),
        InMemoryNotifier.layer(),
        Layer.succeed(Directory, adapter.directory),
      ),
    ),
    Layer.provideMerge(pgliteLayer()),
  )

/** Accepting with a handling date two months out, beyond the service level: a supervisor's call. */
const acceptLate = (complaintId: string, actor: { personId: string; role: string; post?: string }) =>
  Effect.flatMap(Clock.currentTimeMillis, (now) =>
    Effect.flatMap(ProcessRuntime, (runtime) =>
      runtime.dispatch("complaint", complaintId, {
        type: "Accept",
        actor,
        promisedDate: addDays(utcDateOf(now), 60),
      }),
    ),
  )

describe("commands on the runtime act only in the posts the Salesforce directory gives", () => {
  let fake: FakeSalesforce
  let runner: ManagedRuntime.ManagedRuntime<ProcessRuntime, unknown>
  const run = <A, E>(effect: Effect.Effect<A, E, ProcessRuntime>) => runner.runPromise(effect)
  const turnsOf = (complaintId: string) =>
    run(
      Effect.map(
        Effect.flatMap(ProcessRuntime, (runtime) => runtime.inspect("complaint", complaintId)),
        (view) => view?.turns,
      ),
    )

  beforeAll(async () => {
    const org = await companyOrg(sampleCompany)
    fake = org.fake
    runner = ManagedRuntime.make(runtimeOver(org.adapter))
    await run(Effect.void)
  }, 60_000)
  afterAll(() => runner.dispose())

  it("refuses an officer claiming a post or rank the org does not give him, storing nothing", async () => {
    const registered = await run(
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.flatMap(ProcessRuntime, (runtime) =>
          runtime.dispatch("complaint", "SF-DIR-1", scriptedRegistration("SF-DIR-1", "approval", now - hour)),
        ),
      ),
    )
    expect(registered.outcome).toBe("applied")
    const claimsPost = await run(
      Effect.flip(
        acceptLate("SF-DIR-1", { personId: "officer-wu", role: "officer", post: "complaintSupervisor" }),
      ),
    )
    expect(claimsPost).toMatchObject({
      _tag: "PostNotHeld",
      personId: "officer-wu",
      claimed: "complaintSupervisor",
      held: ["complaintOfficer"],
    })
    const claimsRank = await run(
      Effect.flip(acceptLate("SF-DIR-1", { personId: "officer-wu", role: "director" })),
    )
    expect(claimsRank).toMatchObject({ _tag: "PostNotHeld", claimed: "director", held: ["officer"] })
    expect(await turnsOf("SF-DIR-1")).toBe(1)
  })

  it("fails a command closed while the org is down, and applies it when sent again", async () => {
    for (let attempt = 0; attempt < 4; attempt++)
      fake.org.forcedReplies.push({
        status: 503,
        errorCode: "SERVER_UNAVAILABLE",
        message: "Service Unavailable",
      })
    const supervisor = { personId: "supervisor-sun", role: "supervisor", post: "complaintSupervisor" }
    const outage = (await run(
      Effect.flip(acceptLate("SF-DIR-1", supervisor)).pipe(
        // Retries without jitter, so the test does not wait out the backoff.
        Effect.provideService(Random.Random, { nextIntUnsafe: () => 0, nextDoubleUnsafe: () => 0 }),
      ),
    )) as PortFailure
    expect(outage).toMatchObject({ _tag: "PortFailure", port: "Directory" })
    expect(outage.isRetryable).toBe(true)
    // Every attempt reached the org (four, the client's retries included), none was answered from a cache.
    expect(fake.org.forcedReplies).toHaveLength(0)
    expect(await turnsOf("SF-DIR-1")).toBe(1)
    const accepted = await run(acceptLate("SF-DIR-1", supervisor))
    expect(accepted.outcome).toBe("applied")
    expect(await turnsOf("SF-DIR-1")).toBe(2)
  })
})
