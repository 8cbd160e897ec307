import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  type Complaints,
  type EffectPorts,
  HostCrm,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  Unavailable,
} from "@tixi/core"
import { deskOfficer, sampleCompany, scriptedComplaintProcess, scriptedCustomer } from "@tixi/testing"
import { Context, Effect, Layer, ManagedRuntime } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, describe, expect, it } from "vitest"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { hostComplaints } from "../../src/hosting/hosted-complaints.ts"
import { changeFeedsLayer } from "../../src/intake/change-feeds.ts"
import { awaitIntakeDelivered } from "../../src/intake/intake-delivery.ts"
import { intakeServerLayer } from "../../src/intake/intake-server.ts"
import { hostPollingFeed } from "../../src/intake/intake-source.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { formatStatus } from "../../src/status/format-status.ts"
import { readStatus } from "../../src/status/runtime-status.ts"

// Complaints taken in from a CRM that tixi polls (as it polls Salesforce where Change Data Capture
// is not licensed): the polling feed keeps each batch of changes with its cursor, the intake
// delivers them to `hostComplaints`, whose intake reads each case and decides. The CRM is the
// in-memory host, which outlives the runners: one runner is stopped and another started on the
// same database, and the feed follows on from the cursor it kept.

const folder = mkdtempSync(join(tmpdir(), "tixi-host-feed-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** The CRM, built once for the whole test: its customer can be reached by phone. */
const crm = await Effect.runPromise(
  Layer.build(
    Layer.mergeAll(
      InMemoryHostCrm.layer({
        customers: [{ ...scriptedCustomer, contactDetails: { phone: "021-5566 7788" } }],
      }),
      InMemoryApprovals.layer(),
      InMemoryNotifier.layer(),
      inMemoryDirectoryLayer(sampleCompany),
    ),
  ).pipe(Effect.scoped),
)
const host = Context.get(crm, InMemoryHostCrm)

const hosted = hostComplaints(scriptedComplaintProcess(), {
  hostIntake: { complaintIdOf: (hostCase) => `TS-${hostCase.id}`, intakeActor: deskOfficer },
})

/** A runner over the folder: the intake (for its delivery), the polling feed, the engine. */
const startRunner = () =>
  ManagedRuntime.make(
    Layer.mergeAll(
      intakeServerLayer({ port: 0, sources: [] }),
      changeFeedsLayer({
        feeds: [hostPollingFeed({ name: "crm", everyMillis: 50, limit: 50 })],
        restartAfterMillis: 50,
      }),
    ).pipe(
      Layer.provideMerge(runtimeLayer({ processes: [hosted], pumpIntervalMillis: 200 })),
      Layer.provideMerge(Layer.succeedContext(crm as Context.Context<EffectPorts | InMemoryHostCrm>)),
      Layer.provideMerge(pgliteLayer({ folder })),
    ),
  )
type Runner = ReturnType<typeof startRunner>

const complaint = (runner: Runner, complaintId: string) =>
  runner.runPromise(Effect.flatMap(ProcessRuntime, (runtime) => runtime.inspect("complaint", complaintId)))

/** Waits until `check` holds, reading through the runner. */
const until = async <A>(what: string, read: () => Promise<A>, check: (value: A) => boolean) => {
  const deadline = Date.now() + 20_000
  for (;;) {
    const value = await read()
    if (check(value)) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** What the intake recorded, per stored event of the feed. */
const storedEvents = (runner: Runner) =>
  runner.runPromise(
    Effect.flatMap(
      SqlClient.SqlClient,
      (sql) =>
        sql<{ event_id: string; delivered: boolean; outcome: string | null }>`
        SELECT event_id, delivered, outcome FROM tixi_intake_events WHERE source = 'crm'
        ORDER BY received_at, event_id
      `,
    ),
  )

const drained = (runner: Runner) => runner.runPromise(awaitIntakeDelivered())

describe("complaints from a polled CRM, on the durable runtime", { timeout: 60_000 }, () => {
  let caseId: string
  let complaintId: string

  it("registers the case staff open, through the feed, and writes its deadline back", async () => {
    const runner = startRunner()
    try {
      const opened = host.staffOpensCase(
        {
          subject: "发票金额错误",
          description: "客户来电：发票金额与合同不符。",
          customerKey: scriptedCustomer.externalKey,
        },
        Date.now(),
      )
      caseId = opened.id
      complaintId = `TS-${opened.id}`
      const view = await until(
        "the complaint",
        () => complaint(runner, complaintId),
        (found) => found !== undefined,
      )
      expect(view?.state).toMatchObject({ stage: "registered", hostRecordId: opened.id })
      await drained(runner)
      const hostCase = host.cases().find((record) => record.id === caseId)!
      expect(hostCase.externalKey).toBe(complaintId)
      expect(hostCase.fields.complaint_first_response_due_at).toBe(
        (view!.state as Complaints.ComplaintState).firstResponse?.schedule.dueAt,
      )
      expect((await storedEvents(runner)).map((row) => row.outcome)).toEqual([
        `registered complaint/${complaintId}`,
      ])
    } finally {
      await runner.dispose()
    }
  })

  it("takes an early close again after the CRM was unavailable, refuses it and puts the case back", async () => {
    const runner = startRunner()
    try {
      // The CRM is away for the first reads of the changed case: the event waits, undelivered.
      host.failNext("getCase", new Unavailable(), 3)
      const stage = host.cases().find((record) => record.id === caseId)!.stage
      host.staffEditsCase(caseId as never, { stage: "closed", status: "closed" }, Date.now())
      const rows = await until(
        "the close to be taken in",
        () => storedEvents(runner),
        (found) => found.length === 2 && found.every((row) => row.delivered),
      )
      expect(rows[1]?.outcome).toMatch(
        new RegExp(`^refused Close \\(.+\\), case put back complaint/${complaintId}$`),
      )
      await drained(runner)
      expect(host.cases().find((record) => record.id === caseId)).toMatchObject({ stage, status: "open" })
      expect(await complaint(runner, complaintId)).toMatchObject({ state: { stage: "registered" } })
    } finally {
      await runner.dispose()
    }
  })

  it("follows on from the kept cursor after a restart, with a failing poll on the way, taking nothing twice", async () => {
    // While no runner is up, staff edit the subject, then the priority; the next runner's first
    // polls fail.
    host.staffEditsCase(caseId as never, { subject: "发票金额错误（已改）" }, Date.now())
    host.staffEditsCase(caseId as never, { priority: "low" }, Date.now())
    host.failNext("pollChanges", new Unavailable(), 2)
    const runner = startRunner()
    try {
      const turnsBefore = (await complaint(runner, complaintId))?.turns
      const rows = await until(
        "the edits to be taken in",
        () => storedEvents(runner),
        (found) => found.length === 4 && found.every((row) => row.delivered),
      )
      // Kept in one batch, the two reports of the case are taken in as one change: one read of
      // the case, one write putting both fields back.
      expect(rows.slice(2).map((row) => row.outcome)).toEqual([
        `put back priority, subject complaint/${complaintId}`,
        `put back priority, subject complaint/${complaintId}`,
      ])
      await drained(runner)
      expect(host.cases().find((record) => record.id === caseId)).toMatchObject({
        subject: "发票金额错误",
        priority: "normal",
      })
      // Overriding an edit writes the case; it takes no turn of the complaint.
      expect((await complaint(runner, complaintId))?.turns).toBe(turnsBefore)
      // The feed moves past tixi's own write-back too (its next polls), without keeping it.
      const everyChange = await runner.runPromise(
        Effect.flatMap(HostCrm, (crmService) => crmService.pollChanges(undefined, 1_000)),
      )
      const position = await until(
        "the feed to pass tixi's own writes",
        () =>
          runner.runPromise(
            Effect.flatMap(SqlClient.SqlClient, (sql) =>
              Effect.map(
                sql<{ position: string; events: number }>`
                  SELECT position, events::int AS events FROM tixi_feed_positions WHERE name = 'crm'
                `,
                (rows) => rows[0],
              ),
            ),
          ),
        (row) => row?.position === everyChange.cursor,
      )
      // Four staff changes kept, once each; tixi's own writes moved the cursor but were left out.
      expect(position?.events).toBe(4)
      // `tixi status` shows the feed and the intake's events.
      const status = await runner.runPromise(readStatus)
      expect(status.intake).toEqual({ received: 4, undelivered: 0, failed: 0, refused: 0 })
      expect(status.feeds).toMatchObject([{ name: "crm", events: 4 }])
      expect(formatStatus(status)).toMatch(
        /Change feeds\n.*feed.*events kept.*last batch\n.*crm\s+4\s+\d+ s ago/s,
      )
    } finally {
      await runner.dispose()
    }
  })
})
