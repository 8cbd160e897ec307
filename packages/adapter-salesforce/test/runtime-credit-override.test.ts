import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { approvalOutcomeEventType } from "@tixi/adapter-kit"
import {
  approvalKeyField,
  make,
  type SalesforceAdapterService,
  salesforceApprovalOutcomeFeed,
} from "@tixi/adapter-salesforce"
import {
  defineBoundApprovalProcesses,
  type FakeRecord,
  type FakeSalesforceServer,
  startFakeSalesforceServer,
} from "@tixi/adapter-salesforce/fake"
import {
  Approval,
  Approvals,
  Credit,
  decideApprovalCommand,
  HostCrm,
  inMemoryDirectoryLayer,
  makeInMemoryNotifier,
  Notifier,
  personId,
} from "@tixi/core"
import {
  EngineControl,
  hostProcess,
  ProcessRuntime,
  resolveConfig,
  routeApprovalOutcomes,
  runnerLayer,
} from "@tixi/runtime"
import { makeShiftedClock, sampleCompany } from "@tixi/testing"
import { Clock, Effect, Layer, ManagedRuntime, Result } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { settingsFor } from "./support/fake-org-harness.ts"
import { creditOverrideBinding, creditPosition } from "./support/scenes.ts"

// The credit-limit override (超信用额度发货) of credit-override.test.ts, now as `tixi serve` runs it:
// the override process runs on the embedded engine over PGlite, its approval opens an Approval
// Process in the fake org, and the decisions approvers make there come back through the
// runtime's intake, by the feed that polls Salesforce's approval outcomes, to the request their
// business key names. Between two requests the runner stops and a new one follows on.

const hour = 3_600_000
const salesperson = { personId: personId("officer-wu"), role: "officer" } as const
const feedName = "salesforce-approvals"

/**
 * The override process as the runtime hosts it: an approval outcome for a credit-limit override
 * becomes the decision of the request its business key names.
 */
const hostedOverride = () =>
  hostProcess(
    Credit.creditOverrideProcess(Credit.defaultCreditPolicy, {
      approvalPolicy: Approval.defaultApprovalPolicy,
    }),
    {
      route: routeApprovalOutcomes((outcome) =>
        outcome.requestType === "credit.limitOverride" ? decideApprovalCommand(outcome) : undefined,
      ),
    },
  )

describe("a credit-limit override as a Salesforce approval, on the durable runtime", () => {
  const time = makeShiftedClock()
  const notifier = makeInMemoryNotifier()
  const folder = mkdtempSync(join(tmpdir(), "tixi-sf-override-"))
  let served: FakeSalesforceServer

  const runnerOf = (adapter: SalesforceAdapterService) => {
    const config = resolveConfig(
      {
        processes: [hostedOverride()],
        host: Layer.mergeAll(
          Layer.succeed(HostCrm, adapter.hostCrm),
          Layer.succeed(Approvals, adapter.approvals),
          Layer.succeed(Notifier, notifier.service),
          inMemoryDirectoryLayer(sampleCompany),
        ),
        database: { kind: "pglite", folder },
        intake: { port: 0, feeds: [salesforceApprovalOutcomeFeed(adapter, { everyMillis: 50 })] },
      },
      {},
    )
    if (Result.isFailure(config)) throw config.failure
    return runnerLayer(config.success).pipe(Layer.provideMerge(Layer.succeed(Clock.Clock, time.clock)))
  }
  let runner: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof runnerOf>>, unknown>
  const run = <A, E>(effect: Effect.Effect<A, E, Layer.Success<ReturnType<typeof runnerOf>>>) =>
    runner.runPromise(effect)
  /** A new adapter signed in to the org, bound to its Approval Processes. */
  const signIn = () =>
    Effect.runPromise(
      make(
        settingsFor(served.fake, { approvalProcesses: { "credit.limitOverride": creditOverrideBinding } }),
      ),
    )
  const startTixi = async () => {
    const adapter = await signIn()
    runner = ManagedRuntime.make(runnerOf(adapter))
    await run(Effect.void)
  }

  beforeAll(async () => {
    served = await startFakeSalesforceServer({ now: time.now })
    const installer = await signIn()
    await Effect.runPromise(installer.install([], { dryRun: false }))
    defineBoundApprovalProcesses(served.fake, creditOverrideBinding)
    await Effect.runPromise(
      installer.hostCrm.upsertCustomers(
        ["W01", "W02"].map((key) => ({
          externalKey: key,
          kind: "organization" as const,
          name: `华中批发 ${key}`,
          fields: {},
        })),
      ),
    )
    await startTixi()
  }, 60_000)
  afterAll(async () => {
    await runner?.dispose()
    await served?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  const request = (requestId: string, customerId: string) =>
    run(
      Effect.flatMap(ProcessRuntime, (runtime) =>
        runtime.dispatch(Credit.creditOverrideName, requestId, {
          type: "RequestOverride",
          requestId,
          orderNumber: `SO-${requestId}`,
          requestedBy: salesperson,
          reason: "旺季备货，客户承诺月底回款",
          position: creditPosition(customerId, "60000"),
        }),
      ),
    )
  const overrideOf = (requestId: string) =>
    run(Effect.flatMap(ProcessRuntime, (runtime) => runtime.inspect(Credit.creditOverrideName, requestId)))
  const statusOf = async (requestId: string) =>
    ((await overrideOf(requestId))?.state as { readonly status: string } | undefined)?.status
  const accountOf = (key: string): FakeRecord =>
    served.fake.org.records("Account").find((row) => row.Tixi_Key__c === key)!
  const instanceOf = (key: string): FakeRecord =>
    served.fake.org.records("ProcessInstance").find((row) => row.TargetObjectId === accountOf(key).Id)!
  /** What the intake kept of the feed's events, oldest first. */
  const stored = () =>
    run(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) => sql<{ eventId: string; type: string; outcome: string | null }>`
          SELECT event_id AS "eventId", type, outcome FROM tixi_intake_events
          WHERE source = ${feedName} ORDER BY received_at, event_id
        `,
      ),
    )
  /** Waits until the request's status is `status` and its turns are done. */
  const reaches = async (requestId: string, status: string) => {
    const started = Date.now()
    while ((await statusOf(requestId)) !== status) {
      if (Date.now() - started > 10_000) throw new Error(`${requestId} did not become ${status}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await run(Effect.flatMap(EngineControl, (engine) => engine.drain))
  }
  const notices = (requestId: string) =>
    notifier.control.delivered().filter((notice) => notice.caseKey === requestId)

  it("opens the Approval Process on the customer's Account; approved in Salesforce, the order is released", async () => {
    const requested = await request("OV-1", "W01")
    expect(requested.outcome).toBe("applied")
    expect(await statusOf("OV-1")).toBe("awaitingApproval")
    const instance = instanceOf("W01")
    expect(instance.Status).toBe("Pending")
    expect(accountOf("W01")[approvalKeyField]).toBe(
      ((await overrideOf("OV-1"))!.state as { approval: { key: string } }).approval.key,
    )

    await run(time.advanceTo(time.now() + hour))
    served.fake.staff.decide(String(instance.Id), "manager-qian@tixi.example", "Approve", "客户回款记录良好")
    await run(time.advanceTo(time.now() + hour))
    served.fake.staff.decide(String(instance.Id), "finance-zhou@tixi.example", "Approve", "同意，限本单")
    await reaches("OV-1", "approved")

    expect((await overrideOf("OV-1"))?.state).toMatchObject({ status: "approved", decidedBy: "finance-zhou" })
    expect(notices("OV-1")).toMatchObject([
      { recipients: ["officer-wu"], severity: "info", title: { "zh-CN": "超额发货已批准" } },
    ])
    // The decision is kept once, though every poll reads the last decision again.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await stored()).toEqual([
      {
        eventId: `${instance.Id}:approved`,
        type: approvalOutcomeEventType,
        outcome: `delivered ${Credit.creditOverrideName}/OV-1`,
      },
    ])
  })

  it("takes a rejection decided while tixi was down to the request once a new runner starts", async () => {
    await request("OV-2", "W02")
    expect(await statusOf("OV-2")).toBe("awaitingApproval")
    const turns = (await overrideOf("OV-2"))!.turns
    await runner.dispose()

    await Effect.runPromise(time.advanceTo(time.now() + hour))
    served.fake.staff.decide(
      String(instanceOf("W02").Id),
      "manager-qian@tixi.example",
      "Reject",
      "逾期未清，不予放行",
    )
    expect(instanceOf("W02").Status).toBe("Rejected")
    await startTixi()
    await reaches("OV-2", "rejected")

    expect((await overrideOf("OV-2"))?.state).toMatchObject({ status: "rejected", decidedBy: "manager-qian" })
    expect((await overrideOf("OV-2"))!.turns).toBe(turns + 1)
    expect(notices("OV-2")).toMatchObject([
      { severity: "warning", title: { en: "Credit override refused: the order stays on hold" } },
    ])
    // The new runner's first poll read OV-1's approval again: kept once, delivered once.
    expect((await stored()).map((event) => [event.eventId, event.outcome])).toEqual([
      [`${instanceOf("W01").Id}:approved`, `delivered ${Credit.creditOverrideName}/OV-1`],
      [`${instanceOf("W02").Id}:rejected`, `delivered ${Credit.creditOverrideName}/OV-2`],
    ])
    expect((await overrideOf("OV-1"))?.state).toMatchObject({ status: "approved" })
  })
})
