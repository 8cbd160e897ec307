import {
  Complaints,
  chinaMainlandCalendar,
  HostCrm,
  InMemoryApprovals,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
} from "@tixi/core"
import {
  awaitIntakeDelivered,
  fireNextTimer,
  hostComplaints,
  IntakeServer,
  intakeServerLayer,
  ProcessRuntime,
  pgliteLayer,
  runtimeLayer,
} from "@tixi/runtime"
import { makeShiftedClock, deskOfficer as officer, ownSideHandling, sampleCompany } from "@tixi/testing"
import { defaultFakeApp, FakeHubSpotPortal } from "@tixi/testing/hubspot"
import { Clock, Effect, Layer, ManagedRuntime } from "effect"
import { SqlClient } from "effect/sql"
import { http, passthrough } from "msw"
import { setupServer } from "msw/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type HubSpotAdapter, hubSpotIntakeSource, isInTixiPipeline, make } from "../src/index.ts"
import {
  staffOpenComplaintTicket,
  tixiPipelineOf,
  writeComplaintCustomer,
} from "./support/complaint-ticket.ts"
import { fakeOptions } from "./support/fake-portal.ts"

// The same complaint as complaint-intake.test.ts, now as `tixi serve` runs it: HubSpot's signed
// webhooks reach the runtime's intake server, which stores them before answering; the intake's
// delivery reads each changed ticket and takes it in through `hostComplaints`; the complaint runs
// on the embedded engine over PGlite and writes its case back through the adapter.

const webhookUrl = "https://tixi.example.com/hooks/hubspot"
const time = makeShiftedClock()
const portal = new FakeHubSpotPortal({ now: time.now })
const server = setupServer(
  http.all("https://api.hubapi.com/*", ({ request }) => portal.fetch(request)),
  // The runtime's own intake server, on this machine.
  http.all("http://127.0.0.1:*", () => passthrough()),
)

const complaintsHosted = hostComplaints(Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }), {
  hostIntake: {
    complaintIdOf: (hostCase) => `TS-HS-${hostCase.id}`,
    takesIn: isInTixiPipeline,
    intakeActor: officer,
  },
})

/** The runner: intake, embedded engine, PGlite in memory, the portal as HostCrm, the clock shifted. */
const runnerOf = (adapter: HubSpotAdapter) =>
  intakeServerLayer({
    port: 0,
    sources: [
      hubSpotIntakeSource({
        clientSecret: defaultFakeApp.clientSecret,
        webhookUrl,
        appId: defaultFakeApp.appId,
      }),
    ],
  }).pipe(
    Layer.provideMerge(runtimeLayer({ processes: [complaintsHosted], pumpIntervalMillis: 200 })),
    Layer.provideMerge(
      Layer.mergeAll(
        Layer.succeed(HostCrm, adapter.hostCrm),
        InMemoryApprovals.layer(),
        InMemoryNotifier.layer(),
        inMemoryDirectoryLayer(sampleCompany),
      ),
    ),
    Layer.provideMerge(pgliteLayer()),
    Layer.provideMerge(Layer.succeed(Clock.Clock, time.clock)),
  )

let adapter: HubSpotAdapter
let runner: ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof runnerOf>>, unknown>
/** What the intake server answered HubSpot. */
const answers: Array<{ status: number; body: unknown }> = []

beforeAll(async () => {
  server.listen({ onUnhandledFrame: "error" })
  const { stages: _, ...defaults } = fakeOptions()
  adapter = await Effect.runPromise(make({ ...defaults, webhookUrl }))
  runner = ManagedRuntime.make(runnerOf(adapter))
  await runner.runPromise(adapter.install({ dryRun: false }))
  const intakeUrl = await runner.runPromise(Effect.map(IntakeServer, (intake) => intake.url))
  portal.webhooks.configure({
    app: defaultFakeApp,
    targetUrl: webhookUrl,
    signatureVersion: "v3",
    subscriptions: [
      { subscriptionType: "ticket.creation" },
      ...["subject", "content", "hs_pipeline_stage", "hs_ticket_priority"].map((propertyName) => ({
        subscriptionType: "ticket.propertyChange",
        propertyName,
      })),
    ],
    // The public URL is a reverse proxy in front of the intake server: the request goes on as it
    // came, signed over the public URL.
    deliver: async (request) => {
      const response = await fetch(`${intakeUrl}/hooks/hubspot`, {
        method: request.method,
        headers: request.headers,
        body: await request.arrayBuffer(),
      })
      const text = await response.text()
      answers.push({ status: response.status, body: text.length > 0 ? JSON.parse(text) : undefined })
      return new Response(text, { status: response.status })
    },
  })
}, 60_000)
afterAll(async () => {
  await runner.dispose()
  server.close()
})

/** HubSpot delivers what is due; returns what the intake answered. */
const deliver = async () => {
  answers.length = 0
  await portal.webhooks.flush()
  return [...answers]
}

/** Waits until every stored event is delivered and every turn it caused is done. */
const settled = () => runner.runPromise(awaitIntakeDelivered())

/** What the intake recorded of each HubSpot event about a ticket. */
const outcomesOf = (ticketId: string) =>
  runner.runPromise(
    Effect.flatMap(SqlClient.SqlClient, (sql) =>
      sql<{ outcome: string }>`
        SELECT outcome FROM tixi_intake_events
        WHERE source = 'hubspot' AND payload->>'recordId' = ${ticketId}
        ORDER BY received_at, event_id
      `.pipe(Effect.map((rows) => rows.map((row) => row.outcome))),
    ),
  )

const complaintOf = (complaintId: string) =>
  runner.runPromise(Effect.flatMap(ProcessRuntime, (runtime) => runtime.inspect("complaint", complaintId)))

const stageId = (label: string) => tixiPipelineOf(portal, adapter).stageId(label)

let ticketId: string
let complaintId: string
const complaint = async () => (await complaintOf(complaintId))!.state as Complaints.ComplaintState
const ticket = () => portal.read("tickets", ticketId)!

describe("a complaint from a HubSpot ticket to its closing, on the durable runtime", () => {
  it("stores HubSpot's signed deliveries before answering and turns the ticket into one complaint", async () => {
    await runner.runPromise(writeComplaintCustomer)
    const { opened, other } = staffOpenComplaintTicket(portal, adapter)
    ticketId = opened.id
    complaintId = `TS-HS-${opened.id}`

    const first = await deliver()
    expect(first.map((answer) => answer.status)).toEqual([200, 200])
    // The second delivery repeats the first: stored once.
    expect(first[1]?.body).toMatchObject({ stored: 0 })
    await settled()

    expect(await complaint()).toMatchObject({
      stage: "registered",
      hostRecordId: opened.id,
      urgency: "urgent",
    })
    // HubSpot reports the creation and each property set with it. Reports waiting together are
    // taken in as one change (the ticket read once); one arriving after the registration finds the
    // ticket as the complaint holds it.
    const [registered, ...rest] = await outcomesOf(opened.id)
    expect(registered).toBe(`registered complaint/${complaintId}`)
    expect(rest.length).toBeGreaterThan(0)
    for (const outcome of rest)
      expect([registered, `ignored (inStep) complaint/${complaintId}`]).toContain(outcome)
    const others = await outcomesOf(other.id)
    expect(others.length).toBeGreaterThan(0)
    for (const outcome of others) expect(outcome).toBe("ignored (notTakenIn) complaint")
    expect(ticket()).toMatchObject({
      tixi_key: complaintId,
      tixi_customer_key: "CUST-0001",
      tixi_complaint_escalation_level: "0",
      tixi_complaint_first_response_due_at: new Date(
        (await complaint()).firstResponse!.schedule.dueAt,
      ).toISOString(),
    })
    // The case writes come back from HubSpot as tixi's own: dropped at the door, nothing stored.
    const echoes = await deliver()
    expect(echoes.every((answer) => answer.status === 200)).toBe(true)
    expect(echoes.map((answer) => (answer.body as { stored: number }).stored)).toEqual(echoes.map(() => 0))
  })

  it("shows the escalation on the ticket when the first-response deadline passes on a durable timer", async () => {
    await runner.runPromise(
      Effect.gen(function* () {
        for (let step = 0; ((yield* Effect.promise(complaint)).escalationLevel ?? 0) < 1; step++) {
          if (step > 20) throw new Error("no escalation after 20 timers")
          if ((yield* fireNextTimer(time.advanceTo)) === undefined) throw new Error("no timer is waiting")
        }
      }),
    )
    const state = await complaint()
    expect(ticket()).toMatchObject({
      tixi_complaint_escalation_level: String(state.escalationLevel),
      tixi_complaint_first_response_breached: "true",
    })
  })

  it("refuses closing the ticket in HubSpot before the complaint is resolved, and puts the ticket back", async () => {
    portal.staff().update("tickets", ticketId, { hs_pipeline_stage: stageId("已结案") })
    await deliver()
    await settled()
    expect((await outcomesOf(ticketId)).at(-1)).toMatch(
      new RegExp(`^refused Close \\(.+\\), case put back complaint/${complaintId}$`),
    )
    expect((await complaint()).stage).toBe("registered")
    expect(ticket()).toMatchObject({ hs_pipeline_stage: stageId("已登记"), closed_date: "" })
  })

  it("moves the ticket to the closed stage when tixi closes the complaint", async () => {
    const hour = 3_600_000
    for (const command of ownSideHandling(officer)) {
      await runner.runPromise(time.advanceTo(time.now() + hour))
      const turn = await runner.runPromise(
        Effect.flatMap(ProcessRuntime, (runtime) =>
          runtime.dispatch("complaint", complaintId, command as never),
        ),
      )
      expect(turn.outcome === "refused" ? String(turn.refusal) : turn.outcome).not.toBe("refused")
    }
    await settled()
    expect((await complaint()).stage).toBe("closed")
    expect(ticket()).toMatchObject({
      hs_pipeline_stage: stageId("已结案"),
      tixi_complaint_remedy_kinds: "exchange",
    })
    expect(ticket().closed_date).not.toBe("")
    // The closing's writes come back as tixi's own: none is stored, the complaint stays closed.
    const turns = (await complaintOf(complaintId))?.turns
    const echoes = await deliver()
    expect(echoes.map((answer) => (answer.body as { stored: number }).stored)).toEqual(echoes.map(() => 0))
    await settled()
    expect(await complaintOf(complaintId)).toMatchObject({ turns, state: { stage: "closed" } })
    expect(portal.list("tickets")).toHaveLength(2)
  })
})
