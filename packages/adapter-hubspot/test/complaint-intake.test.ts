import {
  Complaints,
  chinaMainlandCalendar,
  HostCrm,
  InMemoryApprovals,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
} from "@tixi/core"
import { makeShiftedClock, deskOfficer as officer, ownSideHandling, sampleCompany } from "@tixi/testing"
import { defaultFakeApp, FakeHubSpotPortal } from "@tixi/testing/hubspot"
import { Clock, Effect, Layer, ManagedRuntime, Result } from "effect"
import { http } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type HubSpotAdapter,
  isInTixiPipeline,
  make,
  type WebhookChange,
  type WebhookOutcome,
} from "../src/index.ts"
import {
  staffOpenComplaintTicket,
  tixiPipelineOf,
  writeComplaintCustomer,
} from "./support/complaint-ticket.ts"
import { fakeOptions } from "./support/fake-portal.ts"

// A complaint from the ticket a member of staff opens in HubSpot to its closing, against the fake
// portal over HTTP: the ticket arrives as a signed webhook, the core's intake registers it, the
// complaint process runs on the in-memory runner and writes its case back through the adapter.
// The adapter runs on its default settings, which install the complaint case.

const webhookUrl = "https://tixi.example.com/hubspot/webhooks"
const time = makeShiftedClock()
const portal = new FakeHubSpotPortal({ now: time.now })
const server = setupServer(http.all("https://api.hubapi.com/*", ({ request }) => portal.fetch(request)))

const runner = makeInMemoryRunner(Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }))
const intake = Complaints.makeComplaintHostIntake(runner, {
  // Numbered from the ticket, so a retried intake of the same ticket lands on the same complaint.
  complaintIdOf: (hostCase) => `TS-HS-${hostCase.id}`,
  takesIn: isInTixiPipeline,
  intakeActor: officer,
})

/** The ports the process and the intake run on: the portal as HostCrm, the rest in memory. */
const portsOf = (adapter: HubSpotAdapter) =>
  Layer.mergeAll(
    Layer.succeed(HostCrm, adapter.hostCrm),
    InMemoryApprovals.layer(),
    InMemoryNotifier.layer(),
    inMemoryDirectoryLayer(sampleCompany),
    Layer.succeed(Clock.Clock, time.clock),
  )

let adapter: HubSpotAdapter
let runtime: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof portsOf>>, never>
/** What the webhook endpoint answered HubSpot, and the changes it stored for the intake. */
const answered: Array<WebhookOutcome> = []
const stored: Array<WebhookChange> = []

beforeAll(async () => {
  server.listen({ onUnhandledFrame: "error" })
  const { stages: _, ...defaults } = fakeOptions()
  adapter = await Effect.runPromise(make({ ...defaults, webhookUrl }))
  runtime = ManagedRuntime.make(portsOf(adapter))
  await runtime.runPromise(adapter.install({ dryRun: false }))
  portal.webhooks.configure({
    app: defaultFakeApp,
    targetUrl: webhookUrl,
    signatureVersion: "v3",
    subscriptions: [
      { subscriptionType: "ticket.creation" },
      { subscriptionType: "ticket.deletion" },
      ...[
        "subject",
        "content",
        "hs_pipeline_stage",
        "hs_ticket_priority",
        "tixi_complaint_escalation_level",
      ].map((propertyName) => ({ subscriptionType: "ticket.propertyChange", propertyName })),
    ],
    // The endpoint: raw body and headers to the adapter as they arrived; the changes are stored
    // before HubSpot is answered, and the intake takes them from there.
    deliver: async (request) => {
      const rawBody = new Uint8Array(await request.arrayBuffer())
      const outcome = await runtime.runPromise(
        adapter.handleWebhook(
          { method: request.method, uri: request.url, rawBody, headers: request.headers },
          { deliver: (changes) => Effect.sync(() => stored.push(...changes)) },
        ),
      )
      answered.push(outcome)
      return new Response(null, { status: outcome.status })
    },
  })
})
afterAll(async () => {
  server.close()
  await runtime.dispose()
})

/** HubSpot delivers what is due; returns what the endpoint answered. */
const deliver = async () => {
  answered.length = 0
  await portal.webhooks.flush()
  return [...answered]
}
/** The intake takes the stored changes. */
const takeIn = () => runtime.runPromise(intake.handle(stored.splice(0)))
const echoesOf = (outcomes: ReadonlyArray<WebhookOutcome>) =>
  outcomes.reduce((sum, outcome) => sum + (outcome.status === 200 ? outcome.echoes : 0), 0)

const stageId = (label: string) => tixiPipelineOf(portal, adapter).stageId(label)

let ticketId: string
let complaintId: string
const complaint = () => runner.instance(complaintId)!.state
const ticket = () => portal.read("tickets", ticketId)!

describe("a complaint from a HubSpot ticket to its closing (fake portal, signed webhooks)", () => {
  it("turns the ticket staff open into one complaint, however often HubSpot delivers it", async () => {
    await runtime.runPromise(writeComplaintCustomer)
    const { opened, other } = staffOpenComplaintTicket(portal, adapter)
    ticketId = opened.id

    const first = await deliver()
    expect(first.map((outcome) => outcome.status)).toEqual([200, 200])
    expect(first[1]).toMatchObject({ changes: [] })
    expect(first[1]?.status === 200 && first[1].duplicates).toBeGreaterThan(0)
    const outcomes = await takeIn()
    expect(outcomes.map((outcome) => [outcome.change.recordId, outcome.kind])).toEqual([
      [opened.id, "registered"],
      [other.id, "ignored"],
    ])
    expect(outcomes[1]).toMatchObject({ reason: "notTakenIn" })
    complaintId = `TS-HS-${opened.id}`
    expect(runner.instances().map((instance) => instance.instanceId)).toEqual([complaintId])
    expect(complaint()).toMatchObject({ stage: "registered", hostRecordId: opened.id, urgency: "urgent" })
    expect(complaint().registration).toMatchObject({
      customerId: "CUST-0001",
      customerName: "华东机电有限公司",
      phone: "021-6288 1234",
      subject: "三台电机外壳破损",
    })

    // The ticket staff opened is the complaint's case: keyed, staged, with its deadline.
    expect(portal.list("tickets").map((record) => record.id)).toEqual([opened.id, other.id])
    expect(ticket()).toMatchObject({
      tixi_key: complaintId,
      tixi_customer_key: "CUST-0001",
      hs_pipeline_stage: stageId("已登记"),
      tixi_complaint_number: complaintId,
      tixi_complaint_urgency: "urgent",
      tixi_complaint_escalation_level: "0",
      tixi_complaint_first_response_due_at: new Date(complaint().firstResponse!.schedule.dueAt).toISOString(),
    })
    expect(runner.deadLetters()).toEqual([])

    // HubSpot reports tixi's writes too; the endpoint drops them, so none comes back as a command.
    const echoes = await deliver()
    expect(echoesOf(echoes)).toBeGreaterThan(0)
    expect(stored).toEqual([])
  })

  it("shows the escalation on the ticket when the first-response deadline passes, without an echo", async () => {
    for (let step = 0; complaint().escalationLevel < 1; step++) {
      expect(step).toBeLessThan(20)
      await runtime.runPromise(runner.advanceTo(runner.nextDeadlineAt()!, time.advanceTo))
    }
    expect(ticket()).toMatchObject({
      tixi_complaint_escalation_level: String(complaint().escalationLevel),
      tixi_complaint_first_response_breached: "true",
    })
    const echoes = await deliver()
    expect(echoesOf(echoes)).toBeGreaterThan(0)
    expect(stored).toEqual([])
  })

  it("refuses closing the ticket in HubSpot before the complaint is resolved, and puts the ticket back", async () => {
    portal.staff().update("tickets", ticketId, { hs_pipeline_stage: stageId("已结案") })
    await deliver()
    const outcomes = await takeIn()
    expect(outcomes).toMatchObject([{ kind: "refused", command: "Close", complaintId, restored: true }])
    expect(complaint().stage).toBe("registered")
    expect(ticket()).toMatchObject({ hs_pipeline_stage: stageId("已登记"), closed_date: "" })
    expect(echoesOf(await deliver())).toBeGreaterThan(0)
    expect(stored).toEqual([])
  })

  it("moves the ticket to the closed stage when tixi closes the complaint", async () => {
    const hour = 3_600_000
    const requestsBefore = portal.requests.length
    const statsBefore = { ...runner.statistics().effectsPerformed }
    for (const command of ownSideHandling(officer)) {
      await runtime.runPromise(time.advanceTo(time.now() + hour))
      const outcome = await runtime.runPromise(runner.dispatch(complaintId, command))
      expect(Result.isSuccess(outcome) || outcome.failure.message).toBe(true)
    }
    expect(complaint().stage).toBe("closed")
    // The ticket was taken over once; the complaint's later writes go straight to the upsert by key.
    const handling = portal.requests.slice(requestsBefore)
    // The ticket was taken over once: the complaint's case writes go straight to the upsert by key,
    // and tickets are read by key only to find the case of a task or activity.
    const performed = runner.statistics().effectsPerformed
    const since = (kind: keyof typeof performed) => (performed[kind] ?? 0) - (statsBefore[kind] ?? 0)
    const requests = (path: string) => handling.filter((request) => request.path === path).length
    expect(requests("/crm/v3/objects/tickets/batch/upsert")).toBe(since("host.case.upsert"))
    expect(requests("/crm/v3/objects/tickets/batch/read")).toBe(
      since("host.task.create") + since("host.activity.log"),
    )
    expect(ticket()).toMatchObject({
      hs_pipeline_stage: stageId("已结案"),
      tixi_complaint_cause: "occasional",
      tixi_complaint_remedy_kinds: "exchange",
      tixi_complaint_resolved_at: new Date(complaint().resolvedAt!).toISOString(),
    })
    expect(ticket().closed_date).not.toBe("")
    expect(runner.deadLetters()).toEqual([])

    // Every write of the closing came back as tixi's own: nothing for the intake.
    expect(echoesOf(await deliver())).toBeGreaterThan(0)
    expect(stored).toEqual([])
    expect(await takeIn()).toEqual([])
    expect(portal.list("tickets")).toHaveLength(2)
  })
})
