import { expect, layer } from "@effect/vitest"
import {
  type ApprovalOutcomeEvent,
  InMemoryApprovals,
  InvalidRequest,
  PortFailure,
  personId,
  Unavailable,
} from "@tixi/core"
import { Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { hmacHeaders, hmacSource, signHmac } from "../../src/intake/hmac-source.ts"
import { IntakeServer, intakeServerLayer } from "../../src/intake/intake-server.ts"
import type { IntakeSource, VerifiedEvent } from "../../src/intake/intake-source.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"
import { waitFor } from "../fixtures/wait-for.ts"

// A vendor whose pushes name an approval but not tixi's references (as DingTalk's and WeCom's
// do): the source's translate reads the outcome from the vendor when the event is delivered,
// after the acknowledgement. Here the "vendor" is a table of decided outcomes, down at first.

const secret = "translated-source-secret"
const decided = new Map<string, ApprovalOutcomeEvent>()
let vendorDown = 0
let translateCalls = 0

const translate = (event: VerifiedEvent): Effect.Effect<ReadonlyArray<VerifiedEvent>, PortFailure> =>
  Effect.suspend(() => {
    translateCalls += 1
    if (event.type !== "vendor.approval") return Effect.succeed([event])
    if (vendorDown > 0) {
      vendorDown -= 1
      return Effect.fail(
        new PortFailure({
          port: "Approvals",
          operation: "get",
          reason: new Unavailable(),
          detail: "the vendor answered 503",
        }),
      )
    }
    const instance = (event.payload as { instance: string }).instance
    const outcome = decided.get(instance)
    if (outcome === undefined) {
      return Effect.fail(
        new PortFailure({
          port: "Approvals",
          operation: "get",
          reason: new InvalidRequest({}),
          detail: `no approval ${instance}`,
        }),
      )
    }
    return Effect.succeed([{ id: outcome.eventId, type: "approval.outcome", payload: outcome }])
  })

const vendor: IntakeSource = {
  ...hmacSource({ name: "vendor", path: "/hooks/vendor", secret: Redacted.make(secret) }),
  translate,
}

const environment = intakeServerLayer({ port: 0, sources: [vendor] }).pipe(
  Layer.provideMerge(runtimeLayer({ processes: [hostedTicketProcess], pumpIntervalMillis: 200 })),
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)

const push = (id: string, instance: string) =>
  Effect.flatMap(IntakeServer, (server) =>
    Effect.promise(async () => {
      const body = JSON.stringify({ id, type: "vendor.approval", payload: { instance } })
      const timestamp = Date.now()
      const response = await fetch(`${server.url}/hooks/vendor`, {
        method: "POST",
        headers: {
          [hmacHeaders.timestamp]: String(timestamp),
          [hmacHeaders.signature]: signHmac(secret, timestamp, body),
        },
        body,
      })
      return response.status
    }),
  )

const intakeRow = (id: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ delivered: boolean; outcome: string | null }>`
        SELECT delivered, outcome FROM tixi_intake_events WHERE event_id = ${id}
      `,
      (rows) => rows[0],
    ),
  )

layer(environment, { timeout: 60_000, excludeTestServices: true })(
  "an intake source that translates",
  (it) => {
    it.effect("reads the outcome at delivery, retries while the vendor is down, then delivers it", () =>
      Effect.gen(function* () {
        const runtime = yield* ProcessRuntime
        const approvals = yield* InMemoryApprovals
        yield* runtime.start("ticket", "T-1", {
          type: "Open",
          id: "T-1",
          remindAfterMillis: 3_600_000,
          expireAfterMillis: 7_200_000,
        })
        const approval = yield* waitFor(
          "the approval",
          Effect.sync(() => approvals.pending().find((record) => record.businessKey === "T-1")),
        )
        decided.set(
          "PI-T-1",
          approvals.decide(approval.id, {
            approver: personId("supervisor-sun"),
            outcome: "approved",
            at: Date.now(),
          })!,
        )
        vendorDown = 2
        expect(yield* push("push-1", "PI-T-1")).toBe(200)
        const sql = yield* SqlClient.SqlClient
        const status = yield* waitFor(
          "the instance to be approved",
          Effect.map(
            sql<{ status: string }>`SELECT status FROM tixi_instances WHERE instance_id = 'T-1'`,
            (rows) => (rows[0]?.status === "approved" ? rows[0].status : undefined),
          ),
        )
        expect(status).toBe("approved")
        // Acknowledged at once; translated three times: twice refused by the vendor, then read.
        expect(vendorDown).toBe(0)
        expect(translateCalls).toBeGreaterThanOrEqual(3)
        expect(yield* intakeRow("push-1")).toEqual({ delivered: true, outcome: "delivered ticket/T-1" })
      }),
    )

    it.effect("records a failure that cannot pass on the event instead of retrying it forever", () =>
      Effect.gen(function* () {
        expect(yield* push("push-2", "PI-unknown")).toBe(200)
        const row = yield* waitFor(
          "the event to be marked",
          Effect.map(intakeRow("push-2"), (found) => (found?.delivered ? found : undefined)),
        )
        expect(row.outcome).toContain("failed: Approvals.get failed (InvalidRequest): no approval PI-unknown")
      }),
    )
  },
)
