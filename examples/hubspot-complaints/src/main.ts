// Install tixi into a HubSpot portal, then handle one complaint there, as staff would see it.
//
//   node --conditions=@tixi/source examples/hubspot-complaints/src/main.ts
//
// Without HUBSPOT_ACCESS_TOKEN it starts the fake portal of @tixi/testing on 127.0.0.1 and a
// member of staff opens the ticket there; with it, it uses your portal (HUBSPOT_TIER,
// HUBSPOT_TIME_ZONE, HUBSPOT_APP_ID and HUBSPOT_LANGUAGE as in the adapter's README) and tixi
// registers the complaint itself. Pass --dry-run to print the install plan and stop.
import { fileURLToPath } from "node:url"
import {
  adoptedCaseKey,
  type CaseStage,
  formatInstallReport,
  type HubSpotOptions,
  make,
} from "@tixi/adapter-hubspot"
import { type FieldSpec, label } from "@tixi/core"
import { defaultFakeApp, FakeHubSpotPortal, serveFakeHubSpot } from "@tixi/testing/hubspot"
import { Effect } from "effect"

/** The complaint's stages on the ticket pipeline (the handbook's flow, shortened). */
export const stages: ReadonlyArray<CaseStage> = [
  { name: "registered", label: label("已登记", "Registered"), state: "open" },
  { name: "investigating", label: label("调查处理中", "Investigating"), state: "open" },
  { name: "closed", label: label("已结案", "Closed"), state: "closed" },
]

/** The fields staff see on the ticket and the company. */
export const fields: ReadonlyArray<FieldSpec> = [
  {
    object: "case",
    name: "complaint_urgency",
    label: label("处理紧急程度", "Urgency"),
    type: "choice",
    options: [
      { value: "critical", label: label("特急", "Critical") },
      { value: "urgent", label: label("急", "Urgent") },
      { value: "normal", label: label("普通", "Normal") },
    ],
  },
  { object: "case", name: "sla_due_at", label: label("处理期限", "Due by"), type: "dateTime" },
  { object: "case", name: "escalation_level", label: label("升级级别", "Escalation level"), type: "number" },
  {
    object: "customer",
    name: "customer_grade",
    label: label("客户等级", "Customer grade"),
    type: "choice",
    options: ["A", "B", "C"].map((value) => ({ value, label: label(`${value} 级`, `Grade ${value}`) })),
  },
]

/** What the example did, for its test. */
export interface ExampleResult {
  readonly ticketId: string
  readonly ticket: Readonly<Record<string, string>> | undefined
  readonly lines: ReadonlyArray<string>
}

/** Runs the example; `print` receives each line it would print. */
export async function run(
  options: { readonly dryRun?: boolean; readonly print?: (line: string) => void } = {},
) {
  const lines: Array<string> = []
  const print = (line: string) => {
    lines.push(line)
    ;(options.print ?? console.log)(line)
  }
  const token = process.env.HUBSPOT_ACCESS_TOKEN
  const portal = token ? undefined : new FakeHubSpotPortal({ tier: "professional" })
  const served = portal ? await serveFakeHubSpot(portal) : undefined
  try {
    const settings: HubSpotOptions = {
      ...(served
        ? { accessToken: defaultFakeApp.accessToken, baseUrl: served.baseUrl, tier: "professional" }
        : {
            accessToken: token!,
            ...(process.env.HUBSPOT_TIER
              ? { tier: process.env.HUBSPOT_TIER as HubSpotOptions["tier"] & string }
              : {}),
            ...(process.env.HUBSPOT_TIME_ZONE ? { timeZone: process.env.HUBSPOT_TIME_ZONE } : {}),
            ...(process.env.HUBSPOT_APP_ID ? { appId: Number(process.env.HUBSPOT_APP_ID) } : {}),
          }),
      ...(process.env.HUBSPOT_LANGUAGE === "en" ? { language: "en" as const } : {}),
      fields,
      stages,
      pollSettleMillis: served ? 0 : 10_000,
    }
    print(
      served
        ? `Fake HubSpot portal at ${served.baseUrl}`
        : "Your HubSpot portal (HUBSPOT_ACCESS_TOKEN is set)",
    )
    const adapter = await Effect.runPromise(make(settings))
    const host = adapter.hostCrm

    const plan = await Effect.runPromise(adapter.install({ dryRun: true }))
    print(formatInstallReport(plan))
    if (options.dryRun) return { ticketId: "", ticket: undefined, lines } satisfies ExampleResult
    const installed = await Effect.runPromise(adapter.install({ dryRun: false }))
    print(`Installed: tixi pipeline ${installed.pipelineId}`)

    const customers = await Effect.runPromise(
      host.upsertCustomers([
        {
          externalKey: "CUST-0001",
          kind: "organization",
          name: "华东机电有限公司",
          fields: { customer_grade: "A" },
        },
      ]),
    )
    print(`Customer ${customers.succeeded[0]!.value.id} graded A`)

    // A complaint arrives: on the fake portal a member of staff opens the ticket in HubSpot and
    // tixi finds it by polling; on a real portal tixi registers it.
    const since = await Effect.runPromise(host.pollChanges(undefined, 200))
    let caseKey: string
    if (portal) {
      const pipeline = portal.store.ticketPipelines().find((entry) => entry.id === installed.pipelineId)!
      const ticket = portal.staff().create("tickets", {
        subject: "收到的电机外壳破损",
        content: "客户来电：到货的三台电机外壳破损，要求更换。",
        hs_pipeline: pipeline.id,
        hs_pipeline_stage: pipeline.stages[0]!.id,
        hs_ticket_priority: "HIGH",
      })
      await new Promise((resolve) => setTimeout(resolve, 5))
      const { changes } = await Effect.runPromise(host.pollChanges(since.cursor, 200))
      const opened = changes.find((change) => change.object === "case" && change.origin === "host")!
      print(`Staff opened ticket ${opened.recordId} in HubSpot (${opened.changeType} by ${opened.origin})`)
      caseKey = adoptedCaseKey(ticket.id)
    } else {
      caseKey = `TS-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-0001`
    }

    // tixi registers the complaint: its stage, deadline and urgency appear on the ticket.
    const registered = await Effect.runPromise(host.findCase(caseKey))
    const dueAt = Date.now() + 24 * 3_600_000
    const complaint = await Effect.runPromise(
      host.upsertCase({
        externalKey: caseKey,
        subject: registered?.subject ?? "收到的电机外壳破损",
        description: registered?.description ?? "客户来电：到货的三台电机外壳破损，要求更换。",
        customerKey: "CUST-0001",
        status: "open",
        stage: "investigating",
        priority: "high",
        fields: { complaint_urgency: "urgent", sla_due_at: dueAt, escalation_level: 0 },
      }),
    )
    print(
      `Complaint ${complaint.externalKey}: stage ${complaint.stage}, due ${new Date(dueAt).toISOString()}`,
    )
    const task = await Effect.runPromise(
      host.createTask({
        externalKey: `${caseKey}/investigate`,
        subject: "调查破损原因",
        body: "核对出库检验记录与承运商交接单",
        caseKey,
        dueAt,
      }),
    )
    await Effect.runPromise(
      host.logActivity({
        externalKey: `${caseKey}/callback`,
        kind: "call",
        subject: "回访客户",
        body: "已告知将在 24 小时内更换",
        occurredAt: Date.now(),
        caseKey,
        customerKey: "CUST-0001",
      }),
    )
    // The deadline passes without a resolution: the complaint escalates one level.
    await Effect.runPromise(
      host.upsertCase({ ...complaintDraft(complaint), fields: { escalation_level: 1 } }),
    )
    print("Escalated to level 1")
    await Effect.runPromise(host.completeTask(task.externalKey))
    const closed = await Effect.runPromise(
      host.upsertCase({ ...complaintDraft(complaint), stage: "closed", status: "closed", fields: {} }),
    )
    print(`Closed in tixi: ticket ${closed.id} is ${closed.status} (${closed.stage})`)
    const ticket = portal?.read("tickets", closed.id)
    if (ticket)
      print(
        `On the ticket: tixi_sla_due_at ${ticket.tixi_sla_due_at}, tixi_escalation_level ${ticket.tixi_escalation_level}, closed_date ${ticket.closed_date}`,
      )
    print(`Requests sent: ${adapter.metrics.requests}, 429s: ${adapter.metrics.rateLimited}`)
    return { ticketId: closed.id, ticket, lines } satisfies ExampleResult
  } finally {
    await served?.close()
  }
}

/** The parts of a case to send again when only its stage or some fields change. */
function complaintDraft(complaint: {
  readonly externalKey: string
  readonly subject: string
  readonly description: string
  readonly customerKey: string | undefined
  readonly status: "open" | "closed"
  readonly stage: string
  readonly priority: "low" | "normal" | "high" | "urgent"
}) {
  return {
    externalKey: complaint.externalKey,
    subject: complaint.subject,
    description: complaint.description,
    ...(complaint.customerKey === undefined ? {} : { customerKey: complaint.customerKey }),
    status: complaint.status,
    stage: complaint.stage,
    priority: complaint.priority,
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  run({ dryRun: process.argv.includes("--dry-run") }).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
