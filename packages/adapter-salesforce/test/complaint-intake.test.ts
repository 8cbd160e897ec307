import {
  isComplaintCase,
  make,
  type PubSubSubscription,
  type SalesforceAdapterService,
} from "@tixi/adapter-salesforce"
import {
  type FakePubSubServer,
  type FakeRecord,
  type FakeSalesforceServer,
  startFakePubSub,
  startFakeSalesforceServer,
} from "@tixi/adapter-salesforce/fake"
import {
  Complaints,
  chinaMainlandCalendar,
  type HostChange,
  HostCrm,
  InMemoryApprovals,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
} from "@tixi/core"
import { makeShiftedClock, deskOfficer as officer, ownSideHandling, sampleCompany } from "@tixi/testing"
import { Clock, Effect, Layer, ManagedRuntime, Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { settingsFor, until } from "./support/fake-org-harness.ts"
import { complaintCustomer, instantOf, staffOpenComplaintCase } from "./support/scenes.ts"

// A complaint from the Case a member of staff opens in Salesforce to its closing, against the fake
// org over HTTP, once for each way changes come in: polling SystemModstamp (what `HostCrm`
// does by default) and Change Data Capture over the Pub/Sub API. The changes go through the core's
// complaint intake, the complaint process runs on the in-memory runner and writes its Case back
// through the adapter. Halfway, tixi restarts and follows on from the position it stored.

const second = 1_000
const hour = 3_600_000

/** The ports the complaint process and the intake run on: the org as HostCrm, the rest in memory. */
const portsOf = (adapter: SalesforceAdapterService, clock: Clock.Clock) =>
  Layer.mergeAll(
    Layer.succeed(HostCrm, adapter.hostCrm),
    InMemoryApprovals.layer(),
    InMemoryNotifier.layer(),
    inMemoryDirectoryLayer(sampleCompany),
    Layer.succeed(Clock.Clock, clock),
  )
type Ports = Layer.Success<ReturnType<typeof portsOf>>

/** What a feed needs of the test: the org, and the adapter and ports of tixi's current run. */
interface FeedContext {
  readonly served: () => FakeSalesforceServer
  readonly adapter: () => SalesforceAdapterService
  readonly run: <A, E>(effect: Effect.Effect<A, E, Ports>) => Promise<A>
}

/** How changes made in the org reach tixi. */
interface ChangeFeed {
  readonly name: string
  /** Starts following the changes made from now on. */
  readonly start: (context: FeedContext) => Promise<void>
  /** The changes reported since the last call, once everything written so far has come in. */
  readonly take: () => Promise<ReadonlyArray<HostChange>>
  /** After tixi restarted: follows on from the position stored durably. */
  readonly resume: () => Promise<void>
  readonly stop: () => Promise<void>
}

/** The default: `HostCrm.pollChanges`, its cursor kept between polls as an embedder stores it. */
const pollingFeed = (): ChangeFeed => {
  let context: FeedContext
  let storedCursor: string | undefined
  const poll = async () => {
    const page = await context.run(context.adapter().hostCrm.pollChanges(storedCursor, 2_000))
    storedCursor = page.cursor
    return page.changes
  }
  return {
    name: "polling SystemModstamp (the default)",
    start: async (given) => {
      context = given
      await poll()
    },
    take: poll,
    // The next poll, by the new adapter, starts from the stored cursor.
    resume: async () => {},
    stop: async () => {},
  }
}

/** Change Data Capture: a Pub/Sub API subscription, resumed from the last replay id stored. */
const changeDataCaptureFeed = (): ChangeFeed => {
  let context: FeedContext
  let pubsub: FakePubSubServer | undefined
  let subscription: PubSubSubscription | undefined
  let storedReplayId = ""
  const received: Array<HostChange> = []
  const position = (replayId: string) => Number(BigInt(`0x${replayId}`))
  const subscribe = async () => {
    subscription = await context.run(
      context.adapter().subscribeChangeEvents({
        topic: "/data/ChangeEvents",
        endpoint: pubsub!.endpoint,
        insecure: true,
        replayId: storedReplayId,
        onChanges: (result) => {
          received.push(...result.changes)
          if (result.lastReplayId !== undefined) storedReplayId = result.lastReplayId
        },
      }),
    )
  }
  const end = async () => {
    subscription?.close()
    await subscription?.done
  }
  return {
    name: "Change Data Capture over the Pub/Sub API",
    start: async (given) => {
      context = given
      const fake = context.served().fake
      pubsub = await startFakePubSub(fake)
      storedReplayId = (fake.org.changeEvents.at(-1)?.replayId ?? 0).toString(16).padStart(16, "0")
      await subscribe()
    },
    take: async () => {
      const last = context.served().fake.org.changeEvents.at(-1)?.replayId ?? 0
      await until(() => position(storedReplayId) >= last)
      return received.splice(0)
    },
    resume: async () => {
      await end()
      await subscribe()
    },
    stop: async () => {
      await end()
      await pubsub?.close()
    },
  }
}

const ofRecord = (outcomes: ReadonlyArray<Complaints.HostIntakeOutcome>, recordId: string) =>
  outcomes.filter((outcome) => outcome.change.recordId === recordId)

describe.each([{ feed: pollingFeed() }, { feed: changeDataCaptureFeed() }])(
  "a complaint from a Salesforce Case to its closing ($feed.name)",
  ({ feed }) => {
    const time = makeShiftedClock()
    const runner = makeInMemoryRunner(Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }))
    const intakeOf = () =>
      Complaints.makeComplaintHostIntake(runner, {
        // Numbered from the Case, so a retried intake of the same Case lands on the same complaint.
        complaintIdOf: (hostCase) => `TS-SF-${hostCase.id}`,
        takesIn: isComplaintCase,
        intakeActor: officer,
      })
    let served: FakeSalesforceServer
    let adapter: SalesforceAdapterService
    let runtime: ManagedRuntime.ManagedRuntime<Ports, never>
    let intake = intakeOf()
    const run = <A, E>(effect: Effect.Effect<A, E, Ports>) => runtime.runPromise(effect)

    /** tixi starts (again): a new adapter signed in to the org, new ports, a new intake. */
    const startTixi = async () => {
      await runtime?.dispose()
      adapter = await Effect.runPromise(make(settingsFor(served.fake)))
      runtime = ManagedRuntime.make(portsOf(adapter, time.clock))
      intake = intakeOf()
    }
    /** Time moves on between what staff do and what tixi does (SystemModstamp counts seconds). */
    const later = () => run(time.advanceTo(time.now() + 5 * second))
    const takeIn = async () => run(intake.handle(await feed.take()))
    const staff = () => served.fake.staff

    let caseId: string
    let complaintId: string
    const complaint = () => runner.instance(complaintId)!.state
    const theCase = (): FakeRecord => served.fake.org.findById(caseId)!.record

    /** tixi's writes come back (by poll or event) as tixi's, and none becomes a command. */
    const expectOnlyEchoes = async () => {
      await later()
      const outcomes = await takeIn()
      expect(ofRecord(outcomes, caseId).length).toBeGreaterThan(0)
      expect(
        outcomes.filter((outcome) => outcome.kind !== "ignored" || outcome.reason !== "tixiWrite"),
      ).toEqual([])
    }

    beforeAll(async () => {
      // Starts at the real time: the org checks JWT assertions against its own clock.
      served = await startFakeSalesforceServer({ now: time.now })
      await startTixi()
      await run(adapter.install(Complaints.complaintCaseFields, { dryRun: false }))
      await run(Effect.flatMap(HostCrm, (host) => host.upsertCustomers([complaintCustomer])))
      await feed.start({ served: () => served, adapter: () => adapter, run })
    })
    afterAll(async () => {
      await feed.stop()
      await runtime.dispose()
      await served.close()
    })

    it("turns the Case staff open into one complaint on that Case, and a printer jam into none", async () => {
      const opened = await staffOpenComplaintCase(served.fake, later)
      const { account, printer } = opened
      caseId = opened.caseId
      await later()
      const changes = await feed.take()
      const outcomes = await run(intake.handle(changes))
      expect(outcomes.map((outcome) => [outcome.change.recordId, outcome.kind])).toEqual([
        [account.Id, "ignored"],
        [caseId, "registered"],
        [printer, "ignored"],
      ])
      expect(outcomes[0]).toMatchObject({ reason: "notACase" })
      expect(outcomes[2]).toMatchObject({ reason: "notTakenIn" })
      complaintId = `TS-SF-${caseId}`
      expect(runner.instances().map((instance) => instance.instanceId)).toEqual([complaintId])
      expect(complaint()).toMatchObject({
        stage: "registered",
        hostRecordId: caseId,
        type: "product",
        urgency: "urgent",
      })
      expect(complaint().registration).toMatchObject({
        customerId: complaintCustomer.externalKey,
        customerName: complaintCustomer.name,
        phone: "021-6288 1234",
        subject: "三台电机外壳破损",
        channel: "phone",
      })

      // The Case staff opened is the complaint's case: keyed, staged, with its deadline.
      expect(served.fake.org.records("Case").map((row) => row.Id)).toEqual([caseId, printer])
      expect(theCase()).toMatchObject({
        Tixi_Key__c: complaintId,
        Tixi_Stage__c: "registered",
        Status: "New",
        IsClosed: false,
        IsEscalated: false,
        Tixi_Complaint_Number__c: complaintId,
        Tixi_Complaint_Urgency__c: "urgent",
        Tixi_Complaint_Escalation_Level__c: 0,
        Tixi_Complaint_First_Response_Breached__c: false,
      })
      expect(instantOf(theCase().Tixi_Complaint_First_Response_Due_At__c)).toBe(
        complaint().firstResponse!.schedule.dueAt,
      )
      expect(runner.deadLetters()).toEqual([])

      // The same report again (a redelivery, a retried batch, another run of tixi) changes nothing.
      const again = await run(intakeOf().handle(changes))
      expect(ofRecord(again, caseId)).toMatchObject([{ kind: "ignored", reason: "alreadyRegistered" }])
      expect(runner.instances()).toHaveLength(1)

      await expectOnlyEchoes()
    })

    it("shows the escalation on the Case when the first-response deadline passes, without an echo", async () => {
      for (let step = 0; complaint().escalationLevel < 1; step++) {
        expect(step).toBeLessThan(20)
        await run(runner.advanceTo(runner.nextDeadlineAt()!, time.advanceTo))
      }
      expect(theCase()).toMatchObject({
        Tixi_Complaint_Escalation_Level__c: complaint().escalationLevel,
        Tixi_Complaint_First_Response_Breached__c: true,
        IsEscalated: true,
        IsClosed: false,
      })
      await expectOnlyEchoes()
    })

    it("follows on after a restart from the position it stored: a staff edit made meanwhile is put back", async () => {
      await later()
      staff().update("Case", caseId, { Subject: "电机外壳破损，客户催促" })
      await startTixi()
      await feed.resume()
      await later()
      const outcomes = await takeIn()
      expect(outcomes).toMatchObject([{ kind: "restored", complaintId, overridden: ["subject"] }])
      expect(theCase().Subject).toBe("三台电机外壳破损")
      await expectOnlyEchoes()
    })

    it("refuses closing the Case in Salesforce before the complaint is resolved, and puts the Case back", async () => {
      await later()
      staff().update("Case", caseId, { Status: "Closed" })
      expect(theCase()).toMatchObject({ IsClosed: true })
      await later()
      const outcomes = await takeIn()
      expect(outcomes).toMatchObject([{ kind: "refused", command: "Close", complaintId, restored: true }])
      expect(complaint().stage).toBe("registered")
      expect(theCase()).toMatchObject({
        Status: "New",
        IsClosed: false,
        ClosedDate: null,
        Tixi_Stage__c: "registered",
      })
      await expectOnlyEchoes()
    })

    it("sets a closed Case status when tixi closes the complaint, each write one upsert by key", async () => {
      const requestsBefore = served.fake.api.requests.length
      const statsBefore = { ...runner.statistics().effectsPerformed }
      for (const command of ownSideHandling(officer)) {
        await run(time.advanceTo(time.now() + hour))
        const outcome = await run(runner.dispatch(complaintId, command))
        expect(Result.isSuccess(outcome) || outcome.failure.message).toBe(true)
      }
      expect(complaint().stage).toBe("closed")
      expect(runner.deadLetters()).toEqual([])
      expect(theCase()).toMatchObject({
        Status: "Closed",
        IsClosed: true,
        Tixi_Stage__c: "closed",
        IsEscalated: true,
        Tixi_Complaint_Cause__c: "occasional",
        Tixi_Complaint_Remedy_Kinds__c: "exchange",
      })
      expect(theCase().ClosedDate).not.toBeNull()
      // Salesforce keeps date-times to the second.
      expect(instantOf(theCase().Tixi_Complaint_Resolved_At__c)).toBe(
        Math.floor(complaint().resolvedAt! / 1000) * 1000,
      )

      // The Case was taken over once: the complaint's case writes go straight to the upsert by key
      // (then read the Case back), with no lookup of the key first.
      const handling = served.fake.api.requests.slice(requestsBefore)
      const performed = runner.statistics().effectsPerformed
      const upserts = (performed["host.case.upsert"] ?? 0) - (statsBefore["host.case.upsert"] ?? 0)
      expect(upserts).toBeGreaterThan(0)
      expect(
        handling.filter(
          (request) =>
            request.method === "PATCH" && request.path === `/sobjects/Case/Tixi_Key__c/${complaintId}`,
        ),
      ).toHaveLength(upserts)
      expect(
        handling.filter((request) => request.method === "GET" && request.path.startsWith(`/sobjects/Case/`)),
      ).toHaveLength(upserts)
      const caseLookups = handling.filter(
        (request) =>
          request.soql?.includes(`FROM Case WHERE Tixi_Key__c = '${complaintId}'`) &&
          !request.soql.startsWith("SELECT Id FROM"),
      )
      expect(caseLookups).toEqual([])

      await expectOnlyEchoes()
      expect(served.fake.org.records("Case")).toHaveLength(2)

      // Staff change what tixi does not follow: the Case is in step with the complaint, to the
      // second of its date-times, so nothing is written back.
      await later()
      staff().update("Case", caseId, { Origin: "Web" })
      await later()
      const outcomes = await takeIn()
      expect(outcomes).toMatchObject([{ kind: "ignored", complaintId }])
      expect(["inStep", "notFollowed"]).toContain(outcomes[0]?.kind === "ignored" && outcomes[0].reason)
      expect(theCase().Origin).toBe("Web")
    })
  },
)
