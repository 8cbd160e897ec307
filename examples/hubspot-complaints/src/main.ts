// Install tixi into a HubSpot portal, then handle a complaint that starts as a ticket staff open.
//
//   node --conditions=@tixi/source examples/hubspot-complaints/src/main.ts [--dry-run]
//
// Without HUBSPOT_ACCESS_TOKEN it runs against the fake portal of @tixi/testing on 127.0.0.1: a
// member of staff opens a ticket there, HubSpot delivers it (twice) as a signed webhook to a local
// endpoint, tixi registers the complaint on that ticket, the first-response deadline passes and
// the complaint escalates, and tixi handles it to 结案. With HUBSPOT_ACCESS_TOKEN it installs into
// your portal and takes in the ticket you name with --ticket <id> (see README.md).
import { fileURLToPath } from "node:url"
import {
  formatInstallReport,
  type HubSpotAdapter,
  hubSpotConfig,
  isInTixiPipeline,
  make,
  type WebhookChange,
  type WebhookOutcome,
} from "@tixi/adapter-hubspot"
import {
  Complaints,
  chinaMainlandCalendar,
  type HostCase,
  type HostChange,
  HostCrm,
  hostRecordId,
  InMemoryApprovals,
  InMemoryNotifier,
  type InMemoryRunnerOf,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
} from "@tixi/core"
import {
  makeShiftedClock,
  deskOfficer as officer,
  ownSideHandling,
  type ShiftedClock,
  sampleCompany,
} from "@tixi/testing"
import { defaultFakeApp, FakeHubSpotPortal, serveFakeHubSpot } from "@tixi/testing/hubspot"
import { Clock, Effect, Layer, ManagedRuntime, Result } from "effect"
import { startWebhookEndpoint } from "./webhook-endpoint.ts"

/** The customer the complaint is about, as tixi keeps it in the portal. */
export const customer = {
  externalKey: "CUST-0001",
  kind: "organization",
  name: "华东机电有限公司",
  fields: {},
} as const

/** How the example runs. */
export interface ExampleOptions {
  /** Print the install plan and stop. */
  readonly dryRun?: boolean
  /** Receives each line the example prints (default `console.log`). */
  readonly print?: (line: string) => void
  /** On a real portal: the ticket a member of staff opened in tixi's pipeline. */
  readonly ticketId?: string
}

/** What the example did, for its test. */
export interface ExampleResult {
  readonly lines: ReadonlyArray<string>
  readonly complaintId: string | undefined
  /** The complaint's ticket as tixi reads it at the end. */
  readonly ticket: HostCase | undefined
  /** On the fake portal: the ticket's properties as HubSpot holds them at the end. */
  readonly properties: Readonly<Record<string, string>> | undefined
  /** On the fake portal: what the webhook endpoint answered HubSpot, delivery by delivery. */
  readonly deliveries: ReadonlyArray<WebhookOutcome>
}

/** The ports the complaint process and the intake run on: the portal as HostCrm, the rest in memory. */
const portsOf = (adapter: HubSpotAdapter, clock: Clock.Clock) =>
  Layer.mergeAll(
    Layer.succeed(HostCrm, adapter.hostCrm),
    InMemoryApprovals.layer(),
    InMemoryNotifier.layer(),
    inMemoryDirectoryLayer(sampleCompany),
    Layer.succeed(Clock.Clock, clock),
  )

type Ports = ManagedRuntime.ManagedRuntime<Layer.Success<ReturnType<typeof portsOf>>, never>
type Runner = InMemoryRunnerOf<Complaints.ComplaintProcess>

/** Runs the example: against the fake portal unless HUBSPOT_ACCESS_TOKEN is set. */
export async function run(options: ExampleOptions = {}): Promise<ExampleResult> {
  const lines: Array<string> = []
  const print = (line: string) => {
    lines.push(line)
    ;(options.print ?? console.log)(line)
  }
  const token = process.env.HUBSPOT_ACCESS_TOKEN
  return token ? runOnPortal(options, print, lines) : runOnFake(options, print, lines)
}

/** The fake portal: staff, webhooks and time are all in the example's hands. */
async function runOnFake(
  options: ExampleOptions,
  print: (line: string) => void,
  lines: Array<string>,
): Promise<ExampleResult> {
  const time = makeShiftedClock()
  const portal = new FakeHubSpotPortal({ tier: "professional", now: time.now })
  const served = await serveFakeHubSpot(portal)
  const stored: Array<WebhookChange> = []
  const deliveries: Array<WebhookOutcome> = []
  let adapter: HubSpotAdapter | undefined
  let runtime: Ports | undefined
  const endpoint = await startWebhookEndpoint(async (request) => {
    const outcome = await runtime!.runPromise(
      adapter!.handleWebhook(request, { deliver: (changes) => Effect.sync(() => stored.push(...changes)) }),
    )
    deliveries.push(outcome)
    return outcome
  })
  try {
    print(`Fake HubSpot portal at ${served.baseUrl}, tixi's webhook endpoint at ${endpoint.url}`)
    adapter = await Effect.runPromise(
      make({
        accessToken: defaultFakeApp.accessToken,
        clientSecret: defaultFakeApp.clientSecret,
        baseUrl: served.baseUrl,
        tier: "professional",
        webhookUrl: endpoint.url,
        ...(process.env.HUBSPOT_LANGUAGE === "en" ? { language: "en" as const } : {}),
      }),
    )
    runtime = ManagedRuntime.make(portsOf(adapter, time.clock))
    const pipelineId = await install(runtime, adapter, options, print)
    if (pipelineId === undefined)
      return { lines, complaintId: undefined, ticket: undefined, properties: undefined, deliveries }
    portal.webhooks.configure({
      app: defaultFakeApp,
      targetUrl: endpoint.url,
      signatureVersion: "v3",
      subscriptions: [
        { subscriptionType: "ticket.creation" },
        ...["subject", "hs_pipeline_stage", "hs_ticket_priority", "tixi_complaint_escalation_level"].map(
          (propertyName) => ({ subscriptionType: "ticket.propertyChange", propertyName }),
        ),
      ],
    })
    const [company] = await runtime.runPromise(upsertCustomer)
    // A customer calls; the agent adds the number to the company and opens a ticket from it.
    const staff = portal.staff()
    const companyId = company!.id.replace(/^company:/, "")
    staff.update("companies", companyId, { phone: "021-6288 1234", city: "上海" })
    const pipeline = portal.store.ticketPipelines().find((entry) => entry.id === pipelineId)!
    const opened = staff.create("tickets", {
      subject: "三台电机外壳破损",
      content: "客户来电：到货的三台电机外壳破损，要求更换。",
      hs_pipeline: pipeline.id,
      hs_pipeline_stage: pipeline.stages[0]!.id,
      hs_ticket_priority: "HIGH",
    })
    staff.associate("tickets", opened.id, "companies", companyId)
    print(`Staff open ticket ${opened.id} "三台电机外壳破损" in HubSpot, for ${customer.name}`)

    // HubSpot delivers the events twice (it does, now and then); the endpoint takes them once.
    portal.webhooks.duplicateNext()
    await portal.webhooks.flush()
    const duplicates = deliveries.reduce(
      (sum, entry) => sum + (entry.status === 200 ? entry.duplicates : 0),
      0,
    )
    print(`HubSpot delivered ${deliveries.length} signed webhooks; ${duplicates} duplicated events dropped`)

    const runner = makeInMemoryRunner(Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }))
    const intake = intakeOf(runner)
    const complaintId = await takeIn(runtime, intake, stored.splice(0), print)
    if (complaintId === undefined) throw new Error("the ticket was not taken in")
    await showTicket(runtime, opened.id, print)

    // Nobody answers the customer in time: the first-response deadline passes and it escalates.
    for (let step = 0; step < 20 && runner.instance(complaintId)!.state.escalationLevel < 1; step++) {
      await runtime.runPromise(runner.advanceTo(runner.nextDeadlineAt()!, time.advanceTo))
    }
    print(`${new Date(time.now()).toISOString()}: the first-response deadline has passed`)
    await showTicket(runtime, opened.id, print)

    await handle(runtime, runner, complaintId, time, print)
    deliveries.length = 0
    await portal.webhooks.flush()
    const echoes = deliveries.reduce((sum, entry) => sum + (entry.status === 200 ? entry.echoes : 0), 0)
    const outcomes = await runtime.runPromise(intake.handle(stored.splice(0)))
    print(`HubSpot reported ${echoes} of tixi's own writes; ${outcomes.length} came back as commands`)
    print(`Requests to HubSpot: ${adapter.metrics.requests}, 429s: ${adapter.metrics.rateLimited}`)
    return {
      lines,
      complaintId,
      ticket: await runtime.runPromise(
        Effect.flatMap(HostCrm, (host) => host.getCase(hostRecordId(opened.id))),
      ),
      properties: portal.read("tickets", opened.id),
      deliveries,
    }
  } finally {
    await runtime?.dispose()
    await endpoint.close()
    await served.close()
  }
}

/** Your portal: tixi installs, keeps the customer, and takes in the ticket you opened. */
async function runOnPortal(
  options: ExampleOptions,
  print: (line: string) => void,
  lines: Array<string>,
): Promise<ExampleResult> {
  print("Your HubSpot portal (HUBSPOT_ACCESS_TOKEN is set)")
  const adapter = await Effect.runPromise(Effect.flatMap(hubSpotConfig(), make))
  const runtime = ManagedRuntime.make(portsOf(adapter, Clock.Clock.defaultValue()))
  try {
    const pipelineId = await install(runtime, adapter, options, print)
    const result: ExampleResult = {
      lines,
      complaintId: undefined,
      ticket: undefined,
      properties: undefined,
      deliveries: [],
    }
    if (pipelineId === undefined) return result
    await runtime.runPromise(upsertCustomer)
    if (options.ticketId === undefined) {
      const label = adapter.settings.pipelineLabel[adapter.settings.language]
      print(`Now, as a member of staff: give the company "${customer.name}" a phone number, open a ticket`)
      print(`for it in the pipeline "${label}", and run again with --ticket <the ticket's id>.`)
      return result
    }
    // The webhook (or pollChanges) would report the ticket's creation by staff; here you name it.
    const created = await runtime.runPromise(
      Effect.flatMap(HostCrm, (host) => host.getCase(hostRecordId(options.ticketId!))),
    )
    const change: HostChange = {
      changeId: `example:${created.id}`,
      object: "case",
      recordId: created.id,
      externalKey: undefined,
      changeType: "created",
      changedFields: [],
      occurredAt: created.updatedAt,
      origin: "host",
    }
    const runner = makeInMemoryRunner(Complaints.complaintProcess({ calendar: chinaMainlandCalendar() }))
    const complaintId = await takeIn(runtime, intakeOf(runner), [change], print)
    if (complaintId === undefined) return result
    await showTicket(runtime, created.id, print)
    await handle(runtime, runner, complaintId, undefined, print)
    const ticket = await runtime.runPromise(Effect.flatMap(HostCrm, (host) => host.getCase(created.id)))
    return { ...result, complaintId, ticket }
  } finally {
    await runtime.dispose()
  }
}

/** Prints the plan; unless it is a dry run, applies it. Returns tixi's pipeline id once installed. */
async function install(
  runtime: Ports,
  adapter: HubSpotAdapter,
  options: ExampleOptions,
  print: (line: string) => void,
) {
  const plan = await runtime.runPromise(adapter.install({ dryRun: true }))
  if (options.dryRun) {
    print(formatInstallReport(plan))
    return undefined
  }
  const properties = plan.changes.filter(
    (change) => change.kind === "property" && change.action !== "unchanged",
  )
  const stages = plan.changes.filter((change) => change.kind === "stage" && change.action !== "unchanged")
  print(`Install plan: ${properties.length} properties and ${stages.length} pipeline stages to write`)
  const applied = await runtime.runPromise(adapter.install({ dryRun: false }))
  print(
    `Installed the complaint case: ${Complaints.complaintCaseFields.length} ticket properties, ` +
      `pipeline ${applied.pipelineId} with ${Complaints.complaintStages.length} stages (已结案, 不予受理 closed)`,
  )
  return applied.pipelineId
}

const upsertCustomer = Effect.flatMap(HostCrm, (host) =>
  Effect.map(host.upsertCustomers([customer]), (outcome) => outcome.succeeded.map((entry) => entry.value)),
)

/** The core's intake of staff changes, on HubSpot: tickets in tixi's pipeline become complaints. */
const intakeOf = (runner: Runner) =>
  Complaints.makeComplaintHostIntake(runner, {
    // The handbook's 受理编号 (TS-date-sequence) would come from your numbering; this one is
    // derived from the ticket, so taking the same ticket in again lands on the same complaint.
    complaintIdOf: (ticket) => `TS-HS-${ticket.id}`,
    takesIn: isInTixiPipeline,
    intakeActor: officer,
  })

/** Hands changes to the intake and prints what became of each; returns the complaint registered. */
async function takeIn(
  runtime: Ports,
  intake: ReturnType<typeof intakeOf>,
  changes: ReadonlyArray<HostChange>,
  print: (line: string) => void,
) {
  let registered: string | undefined
  for (const outcome of await runtime.runPromise(intake.handle(changes))) {
    const subject = `Ticket ${outcome.change.recordId}`
    if (outcome.kind === "registered") {
      registered = outcome.complaintId
      print(`${subject} → complaint ${outcome.complaintId} registered on that ticket`)
    } else if (outcome.kind === "refused")
      print(`${subject} → ${outcome.command} refused: ${outcome.refusal.message}`)
    else if (outcome.kind === "failed") print(`${subject} → not taken in: ${outcome.error.message}`)
    else if (outcome.kind === "ignored") print(`${subject} → ignored (${outcome.reason})`)
    else print(`${subject} → ${outcome.kind}`)
  }
  return registered
}

/** Prints what staff see on the ticket: its stage and the complaint's deadline and escalation. */
async function showTicket(runtime: Ports, id: string, print: (line: string) => void) {
  const ticket = await runtime.runPromise(Effect.flatMap(HostCrm, (host) => host.getCase(hostRecordId(id))))
  const at = (value: unknown) => (typeof value === "number" ? new Date(value).toISOString() : "—")
  print(
    `  ticket ${ticket.id}: ${ticket.externalKey}, stage ${ticket.stage} (${ticket.status}), ` +
      `first response due ${at(ticket.fields.complaint_first_response_due_at)}, ` +
      `escalation level ${ticket.fields.complaint_escalation_level}`,
  )
}

/**
 * Handles the complaint in tixi to 结案 (accepted, investigated, a replacement the customer
 * accepts, carried out, closed), an hour a step on the fake portal's clock.
 */
async function handle(
  runtime: Ports,
  runner: Runner,
  complaintId: string,
  time: ShiftedClock | undefined,
  print: (line: string) => void,
) {
  for (const command of ownSideHandling(officer)) {
    if (time) await runtime.runPromise(time.advanceTo(time.now() + 3_600_000))
    const outcome = await runtime.runPromise(runner.dispatch(complaintId, command))
    if (Result.isFailure(outcome)) throw new Error(`${command.type} refused: ${outcome.failure.message}`)
    print(`${command.type} → ${runner.instance(complaintId)!.state.stage}`)
  }
  const ticket = await runtime.runPromise(Effect.flatMap(HostCrm, (host) => host.findCase(complaintId)))
  print(`Closed in tixi: ticket ${ticket?.id} is in stage ${ticket?.stage} (${ticket?.status})`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ticketAt = process.argv.indexOf("--ticket")
  run({
    dryRun: process.argv.includes("--dry-run"),
    ...(ticketAt > 0 && process.argv[ticketAt + 1] ? { ticketId: process.argv[ticketAt + 1]! } : {}),
  }).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
