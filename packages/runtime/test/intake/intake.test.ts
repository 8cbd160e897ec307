import { expect, layer } from "@effect/vitest"
import { InMemoryApprovals, personId } from "@tixi/core"
import { Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { hmacHeaders, hmacSource, signHmac } from "../../src/intake/hmac-source.ts"
import { IntakeServer, intakeServerLayer } from "../../src/intake/intake-server.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"
import { waitFor } from "../fixtures/wait-for.ts"

const secret = "intake-test-secret"

const environment = intakeServerLayer({
  port: 0,
  sources: [hmacSource({ name: "test", path: "/hooks/test", secret: Redacted.make(secret) })],
  maxBodyBytes: 64 * 1024,
}).pipe(
  Layer.provideMerge(runtimeLayer({ processes: [hostedTicketProcess], pumpIntervalMillis: 200 })),
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)

const post = (body: string, headers: Record<string, string>, path = "/hooks/test") =>
  Effect.flatMap(IntakeServer, (server) =>
    Effect.promise(async () => {
      const response = await fetch(`${server.url}${path}`, { method: "POST", headers, body })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }),
  )

const signed = (body: string, timestamp = Date.now(), key = secret) => ({
  [hmacHeaders.timestamp]: String(timestamp),
  [hmacHeaders.signature]: signHmac(key, timestamp, body),
})

const storedCount = (eventId: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{
        count: number
      }>`SELECT COUNT(*)::int AS count FROM tixi_intake_events WHERE event_id = ${eventId}`,
      (rows) => rows[0]?.count ?? 0,
    ),
  )

layer(environment, { timeout: 60_000, excludeTestServices: true })("webhook intake", (it) => {
  it.effect("stores a signed event before acknowledging it, then delivers it to its instance", () =>
    Effect.gen(function* () {
      const runtime = yield* ProcessRuntime
      const approvals = yield* InMemoryApprovals
      yield* runtime.start("ticket", "I-1", {
        type: "Open",
        id: "I-1",
        remindAfterMillis: 3_600_000,
        expireAfterMillis: 7_200_000,
      })
      const approval = yield* waitFor(
        "the approval",
        Effect.sync(() => approvals.pending().find((record) => record.businessKey === "I-1")),
      )
      const outcome = approvals.decide(approval.id, {
        approver: personId("supervisor-sun"),
        outcome: "approved",
        at: Date.now(),
      })!
      const body = JSON.stringify({ id: outcome.eventId, type: "approval.outcome", payload: outcome })
      const answer = yield* post(body, signed(body))
      expect(answer).toEqual({ status: 200, body: { ok: true, stored: 1, duplicates: 0 } })
      expect(yield* storedCount(outcome.eventId)).toBe(1)
      const sql = yield* SqlClient.SqlClient
      const status = yield* waitFor(
        "the instance to be approved",
        Effect.map(
          sql<{ status: string }>`SELECT status FROM tixi_instances WHERE instance_id = 'I-1'`,
          (rows) => (rows[0]?.status === "approved" ? rows[0].status : undefined),
        ),
      )
      expect(status).toBe("approved")
      const [row] = yield* sql<{ delivered: boolean; outcome: string }>`
        SELECT delivered, outcome FROM tixi_intake_events WHERE event_id = ${outcome.eventId}
      `
      expect(row).toEqual({ delivered: true, outcome: "delivered ticket/I-1" })
    }),
  )

  it.effect("rejects a forged signature and a replayed (stale) request without storing them", () =>
    Effect.gen(function* () {
      const body = JSON.stringify({ id: "evt-forged", type: "test.note", payload: { text: "hello" } })
      const forged = yield* post(body, signed(body, Date.now(), "not-the-secret"))
      expect(forged.status).toBe(401)
      expect(forged.body.error).toBe("forged")
      const tampered = yield* post(body.replace("hello", "HELLO"), signed(body))
      expect(tampered.status).toBe(401)
      const unsigned = yield* post(body, {})
      expect(unsigned.status).toBe(401)
      const stale = Date.now() - 10 * 60_000
      const replayed = yield* post(body, signed(body, stale))
      expect(replayed.status).toBe(401)
      expect(replayed.body.error).toBe("replayed")
      expect(yield* storedCount("evt-forged")).toBe(0)
    }),
  )

  it.effect("deduplicates a redelivered event, within one request and across requests", () =>
    Effect.gen(function* () {
      const body = JSON.stringify({ id: "evt-dup", type: "test.note", payload: {} })
      const first = yield* post(body, signed(body))
      expect(first.body).toEqual({ ok: true, stored: 1, duplicates: 0 })
      const again = yield* post(body, signed(body, Date.now() + 1))
      expect(again.body).toEqual({ ok: true, stored: 0, duplicates: 1 })
      const twice = JSON.stringify({
        events: [
          { id: "evt-pair", type: "test.note", payload: {} },
          { id: "evt-pair", type: "test.note", payload: {} },
        ],
      })
      expect((yield* post(twice, signed(twice))).body).toEqual({ ok: true, stored: 1, duplicates: 1 })
      expect(yield* storedCount("evt-dup")).toBe(1)
      expect(yield* storedCount("evt-pair")).toBe(1)
    }),
  )

  it.effect("answers malformed bodies, unknown paths and oversized bodies with clear errors", () =>
    Effect.gen(function* () {
      const notJson = "{not json"
      const malformed = yield* post(notJson, signed(notJson))
      expect(malformed).toEqual({
        status: 400,
        body: { error: "malformed", detail: "body is not UTF-8 JSON" },
      })
      const missingId = JSON.stringify({ type: "test.note" })
      expect((yield* post(missingId, signed(missingId))).body.detail).toBe(
        "events[0].id: expected a string of 1–200 characters",
      )
      expect((yield* post("{}", {}, "/hooks/nothing")).status).toBe(404)
      const huge = JSON.stringify({ id: "evt-huge", type: "test.note", payload: "x".repeat(100_000) })
      expect((yield* post(huge, signed(huge))).status).toBe(413)
    }),
  )
})
