import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type ChangeFeed, hostPollingFeed } from "@tixi/adapter-kit"
import {
  isComplaintCase,
  make,
  type SalesforceAdapterService,
  salesforceChangeEventFeed,
} from "@tixi/adapter-salesforce"
import {
  type FakePubSubServer,
  type FakeRecord,
  type FakeSalesforceServer,
  startFakePubSub,
  startFakeSalesforceServer,
} from "@tixi/adapter-salesforce/fake"
import {
  Approvals,
  Complaints,
  chinaMainlandCalendar,
  HostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
} from "@tixi/core"
import {
  awaitIntakeDelivered,
  fireNextTimer,
  hostComplaints,
  ProcessRuntime,
  resolveConfig,
  runnerLayer,
} from "@tixi/runtime"
import { makeShiftedClock, deskOfficer as officer, ownSideHandling, sampleCompany } from "@tixi/testing"
import { Clock, Effect, Layer, ManagedRuntime, Result } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { settingsFor } from "./support/fake-org-harness.ts"
import { complaintCustomer, instantOf, staffOpenComplaintCase } from "./support/scenes.ts"

// The same complaint as complaint-intake.test.ts, now as `tixi serve` runs it: the org's changes
// come in through a change feed of the runtime's intake (polling SystemModstamp, or Change Data
// Capture over the Pub/Sub API), which keeps each batch with the feed's position in PGlite; the
// intake's delivery takes each change in through `hostComplaints`; the complaint runs on the
// embedded engine and writes its Case back through the adapter. Halfway, the runner stops and a
// new one starts on the same data folder, following on from the position kept.

const second = 1_000
const hour = 3_600_000

/** How the org's changes reach the runtime, and how the test knows the feed has read them all. */
interface FeedUnderTest {
  readonly title: string
  readonly name: string
  readonly feedOf: (adapter: SalesforceAdapterService, pubsub: FakePubSubServer) => ChangeFeed
  /** Whether the kept position covers every change the org has made so far. */
  readonly caughtUp: (context: {
    readonly served: FakeSalesforceServer
    readonly kept: () => Promise<{ readonly position: string | null; readonly updatedAt: number }>
    readonly now: () => number
  }) => Promise<void>
}

const polling: FeedUnderTest = {
  title: "polling SystemModstamp",
  name: "salesforce",
  feedOf: () => hostPollingFeed({ name: "salesforce", everyMillis: 50 }),
  // A poll's cursor cannot be compared with the org's changes: wait for a poll that began after
  // everything so far, i.e. the second batch kept after now.
  caughtUp: async ({ kept, now }) => {
    for (let round = 0; round < 2; round++) {
      const mark = now()
      const started = Date.now()
      while ((await kept()).updatedAt <= mark) {
        if (Date.now() - started > 10_000) throw new Error("the polling feed kept nothing")
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
  },
}

const changeDataCapture: FeedUnderTest = {
  title: "Change Data Capture over the Pub/Sub API",
  name: "salesforce-cdc",
  // The first run starts at the oldest event the org keeps, so no change made before the
  // subscription is up goes missing; later runs resume after the replay id kept.
  feedOf: (adapter, pubsub) =>
    salesforceChangeEventFeed(adapter, { endpoint: pubsub.endpoint, insecure: true, startAt: "earliest" }),
  caughtUp: async ({ served, kept }) => {
    const last = served.fake.org.changeEvents.at(-1)?.replayId ?? 0
    const started = Date.now()
    for (;;) {
      const { position } = await kept()
      if (position !== null && Number(BigInt(`0x${position}`)) >= last) return
      if (Date.now() - started > 10_000) throw new Error(`the feed did not reach replay id ${last}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  },
}

/** What the intake kept of one event. */
interface StoredEvent {
  readonly eventId: string
  readonly recordId: string
  readonly origin: string
  readonly outcome: string | null
}

describe.each([{ feed: polling }, { feed: changeDataCapture }])(
  "a complaint from a Salesforce Case to its closing on the durable runtime ($feed.title)",
  ({ feed }) => {
    const time = makeShiftedClock()
    const folder = mkdtempSync(join(tmpdir(), "tixi-sf-runtime-"))
    let served: FakeSalesforceServer
    let pubsub: FakePubSubServer
    let adapter: SalesforceAdapterService

    /** A runner as `tixi serve` builds it from its configuration, on the shifted clock. */
    const runnerOf = (signedIn: SalesforceAdapterService) => {
      const config = resolveConfig(
        {
          // Hosted anew by each runner, as each start of `tixi serve` loads its configuration.
          processes: [
            hostComplaints(Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }), {
              hostIntake: {
                complaintIdOf: (hostCase) => `TS-SF-${hostCase.id}`,
                takesIn: isComplaintCase,
                intakeActor: officer,
              },
            }),
          ],
          host: Layer.mergeAll(
            Layer.succeed(HostCrm, signedIn.hostCrm),
            Layer.succeed(Approvals, signedIn.approvals),
            InMemoryNotifier.layer(),
            inMemoryDirectoryLayer(sampleCompany),
          ),
          database: { kind: "pglite", folder },
          intake: { port: 0, feeds: [feed.feedOf(signedIn, pubsub)] },
        },
        {},
      )
      if (Result.isFailure(config)) throw config.failure
      return runnerLayer(config.success).pipe(Layer.provideMerge(Layer.succeed(Clock.Clock, time.clock)))
    }
    let runner: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof runnerOf>>, unknown>
    const run = <A, E>(effect: Effect.Effect<A, E, Layer.Success<ReturnType<typeof runnerOf>>>) =>
      runner.runPromise(effect)

    /** tixi starts: a new adapter signed in to the org, a new runner on the same data folder. */
    const startTixi = async () => {
      adapter = await Effect.runPromise(make(settingsFor(served.fake)))
      runner = ManagedRuntime.make(runnerOf(adapter))
      await run(Effect.void)
    }
    /** Time moves on between what staff do and what tixi does (SystemModstamp counts seconds). */
    const later = () => Effect.runPromise(time.advanceTo(time.now() + 5 * second))
    const staff = () => served.fake.staff

    const kept = async () => {
      const [row] = await run(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql<{ position: string | null; updated_at: bigint | number }>`
            SELECT position, updated_at FROM tixi_feed_positions WHERE name = ${feed.name}
          `,
        ),
      )
      return { position: row?.position ?? null, updatedAt: Number(row?.updated_at ?? 0) }
    }
    /** Waits until the feed has kept every change made so far, the intake has delivered them and their turns are done. */
    const settled = async () => {
      await feed.caughtUp({ served, kept, now: time.now })
      await run(awaitIntakeDelivered())
    }
    /** Every event the feed kept, oldest first, with what the intake made of it. */
    const stored = () =>
      run(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql<StoredEvent>`
            SELECT event_id AS "eventId", payload->>'recordId' AS "recordId",
              payload->>'origin' AS origin, outcome
            FROM tixi_intake_events WHERE source = ${feed.name}
            ORDER BY received_at, event_id
          `,
        ),
      )
    const outcomesOf = async (recordId: string) =>
      (await stored()).filter((event) => event.recordId === recordId).map((event) => event.outcome)
    /** How many events the feed has kept over all its batches (a batch kept twice counts twice). */
    const eventsKept = async () => {
      const [row] = await run(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql<{ events: number }>`SELECT events FROM tixi_feed_positions WHERE name = ${feed.name}`,
        ),
      )
      return Number(row?.events ?? 0)
    }
    const complaintView = () =>
      run(Effect.flatMap(ProcessRuntime, (runtime) => runtime.inspect("complaint", complaintId)))
    const complaint = async () => (await complaintView())!.state as Complaints.ComplaintState

    let caseId: string
    let complaintId: string
    const theCase = (): FakeRecord => served.fake.org.findById(caseId)!.record

    beforeAll(async () => {
      // Starts at the real time: the org checks JWT assertions against its own clock.
      served = await startFakeSalesforceServer({ now: time.now })
      pubsub = await startFakePubSub(served.fake)
      const installer = await Effect.runPromise(make(settingsFor(served.fake)))
      await Effect.runPromise(installer.install(Complaints.complaintCaseFields, { dryRun: false }))
      await Effect.runPromise(installer.hostCrm.upsertCustomers([complaintCustomer]))
      await startTixi()
    }, 60_000)
    afterAll(async () => {
      await runner?.dispose()
      await pubsub?.close()
      await served?.close()
      rmSync(folder, { recursive: true, force: true })
    })

    it("keeps the Case staff open as one change and registers one complaint on that Case", async () => {
      const opened = await staffOpenComplaintCase(served.fake, later)
      const { account, printer } = opened
      caseId = opened.caseId
      complaintId = `TS-SF-${caseId}`
      await later()
      await settled()

      // Only staff's changes are kept: tixi's install and its Account write are left out.
      const events = await stored()
      expect(events.every((event) => event.origin === "host")).toBe(true)
      expect(await outcomesOf(String(account.Id))).toEqual(["ignored (notACase) complaint"])
      expect(await outcomesOf(caseId)).toEqual([`registered complaint/${complaintId}`])
      expect(await outcomesOf(printer)).toEqual(["ignored (notTakenIn) complaint"])

      expect(await complaint()).toMatchObject({
        stage: "registered",
        hostRecordId: caseId,
        type: "product",
        urgency: "urgent",
      })
      expect(theCase()).toMatchObject({
        Tixi_Key__c: complaintId,
        Tixi_Stage__c: "registered",
        Status: "New",
        IsClosed: false,
        IsEscalated: false,
        Tixi_Complaint_Number__c: complaintId,
        Tixi_Complaint_Escalation_Level__c: 0,
        Tixi_Complaint_First_Response_Breached__c: false,
      })
      expect(instantOf(theCase().Tixi_Complaint_First_Response_Due_At__c)).toBe(
        (await complaint()).firstResponse!.schedule.dueAt,
      )
      // The Case writes come back (polled or as events) as tixi's own: nothing more is kept.
      await settled()
      expect(await stored()).toHaveLength(events.length)
    })

    it("escalates the Case when the first-response deadline passes on a durable timer", async () => {
      const before = (await stored()).length
      await run(
        Effect.gen(function* () {
          for (let step = 0; ((yield* Effect.promise(complaint)).escalationLevel ?? 0) < 1; step++) {
            if (step > 20) throw new Error("no escalation after 20 timers")
            if ((yield* fireNextTimer(time.advanceTo)) === undefined) throw new Error("no timer is waiting")
          }
        }),
      )
      const state = await complaint()
      expect(theCase()).toMatchObject({
        IsEscalated: true,
        IsClosed: false,
        Tixi_Complaint_Escalation_Level__c: state.escalationLevel,
        Tixi_Complaint_First_Response_Breached__c: true,
      })
      await settled()
      expect(await stored()).toHaveLength(before)
    })

    it("stops, and a new runner on the same data folder follows on from the kept position", async () => {
      const before = await stored()
      const position = await kept()
      const turns = (await complaintView())!.turns
      await runner.dispose()

      // While tixi is down, staff change what the complaint holds.
      await later()
      staff().update("Case", caseId, { Subject: "电机外壳破损，客户催促" })
      await later()
      await startTixi()
      expect((await kept()).position).toBe(position.position)
      await settled()

      // One change more, and only it: nothing read before the stop was kept again.
      const after = await stored()
      expect(after.slice(0, before.length)).toEqual(before)
      expect(after.slice(before.length)).toEqual([
        expect.objectContaining({
          recordId: caseId,
          origin: "host",
          outcome: `put back subject complaint/${complaintId}`,
        }),
      ])
      expect(await eventsKept()).toBe(after.length)
      expect(theCase().Subject).toBe("三台电机外壳破损")
      expect((await complaintView())!.turns).toBe(turns)
    })

    it("refuses closing the Case in Salesforce before the complaint is resolved, and puts the Case back", async () => {
      await later()
      staff().update("Case", caseId, { Status: "Closed" })
      expect(theCase()).toMatchObject({ IsClosed: true })
      await later()
      await settled()
      expect((await outcomesOf(caseId)).at(-1)).toMatch(
        new RegExp(`^refused Close \\(.+\\), case put back complaint/${complaintId}$`),
      )
      expect((await complaint()).stage).toBe("registered")
      expect(theCase()).toMatchObject({
        Status: "New",
        IsClosed: false,
        ClosedDate: null,
        Tixi_Stage__c: "registered",
      })
    })

    it("closes the Case when tixi closes the complaint", async () => {
      for (const command of ownSideHandling(officer)) {
        await run(time.advanceTo(time.now() + hour))
        const turn = await run(
          Effect.flatMap(ProcessRuntime, (runtime) =>
            runtime.dispatch("complaint", complaintId, command as never),
          ),
        )
        expect(turn.outcome === "refused" ? String(turn.refusal) : turn.outcome).not.toBe("refused")
      }
      await settled()
      expect((await complaint()).stage).toBe("closed")
      expect(theCase()).toMatchObject({
        Status: "Closed",
        IsClosed: true,
        IsEscalated: true,
        Tixi_Stage__c: "closed",
        Tixi_Complaint_Remedy_Kinds__c: "exchange",
      })
      expect(theCase().ClosedDate).not.toBeNull()
      // The closing's writes come back as tixi's own: none is kept, the complaint stays closed.
      const view = await complaintView()
      const kept = (await stored()).length
      await later()
      await settled()
      expect(await stored()).toHaveLength(kept)
      expect(await complaintView()).toMatchObject({ turns: view!.turns, state: { stage: "closed" } })
      expect(served.fake.org.records("Case")).toHaveLength(2)
      expect(await eventsKept()).toBe(kept)
    })
  },
)
