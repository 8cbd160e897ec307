import { expect, layer } from "@effect/vitest"
import { InMemoryApprovals, personId } from "@tixi/core"
import { Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { hmacHeaders, hmacSource, signHmac } from "../../src/intake/hmac-source.ts"
import { IntakeServer, intakeServerLayer } from "../../src/intake/intake-server.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { formatStatus } from "../../src/status/format-status.ts"
import { readStatus } from "../../src/status/runtime-status.ts"
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

  it.effect(
    "refuses events PostgreSQL cannot store with 422 and a recorded reason, storing every other request",
    () =>
      Effect.gen(function* () {
        // A HubSpot-like property change whose value carries a NUL, and one with a lone surrogate,
        // posted together with good requests so they share the intake's batch.
        const note = (id: string, propertyValue: string) =>
          JSON.stringify({ id, type: "test.note", payload: { propertyName: "firstname", propertyValue } })
        const good = ["evt-good-1", "evt-good-2", "evt-good-3"].map((id) => note(id, "李雷 😀"))
        const nul = note("evt-nul", "Li\u0000Lei")
        const lone = note("evt-lone", "Li\ud83dLei")
        const mixed = JSON.stringify({
          events: [
            { id: "evt-mixed-good", type: "test.note", payload: { propertyValue: "fine" } },
            { id: "evt-mixed-bad", type: "test.note", payload: { propertyValue: "\u0000" } },
          ],
        })
        const answers = yield* Effect.all(
          [...good, nul, lone, mixed].map((body) => post(body, signed(body))),
          { concurrency: "unbounded" },
        )
        for (const answer of answers.slice(0, 3)) {
          expect(answer).toEqual({ status: 200, body: { ok: true, stored: 1, duplicates: 0 } })
        }
        expect(answers[3]).toEqual({
          status: 422,
          body: {
            error: "unstorable",
            detail:
              "1 event(s) can never be stored: evt-nul: payload.propertyValue: a NUL character (U+0000) at character 2",
            stored: 0,
            duplicates: 0,
            refused: [
              { id: "evt-nul", reason: "payload.propertyValue: a NUL character (U+0000) at character 2" },
            ],
          },
        })
        expect(answers[4]?.status).toBe(422)
        expect(answers[4]?.body.refused).toEqual([
          { id: "evt-lone", reason: "payload.propertyValue: a lone surrogate (U+D83D) at character 2" },
        ])
        // The good event of a mixed request is stored; only the bad one is refused.
        expect(answers[5]).toMatchObject({ status: 422, body: { stored: 1, duplicates: 0 } })
        for (const id of ["evt-good-1", "evt-good-2", "evt-good-3", "evt-mixed-good"]) {
          expect(yield* storedCount(id)).toBe(1)
        }
        for (const id of ["evt-nul", "evt-lone", "evt-mixed-bad"]) expect(yield* storedCount(id)).toBe(0)
        // The vendor sending it again gets the same permanent answer, counted on the same record.
        expect((yield* post(nul, signed(nul, Date.now() + 1))).status).toBe(422)
        const status = yield* readStatus
        expect(status.intake.refused).toBe(3)
        expect(status.refusedIntake.find((row) => row.eventId === "evt-nul")).toMatchObject({
          source: "test",
          type: "test.note",
          reason: "payload.propertyValue: a NUL character (U+0000) at character 2",
          refusals: 2,
        })
        expect(formatStatus(status)).toMatch(
          /Intake events refused.*\n.*test\s+evt-nul\s+test\.note\s+2\s+payload/s,
        )
        const sql = yield* SqlClient.SqlClient
        const [kept] = yield* sql<{ payload: string }>`
        SELECT payload FROM tixi_intake_refused WHERE event_id = 'evt-lone'
      `
        expect(JSON.parse(kept!.payload)).toEqual({ propertyName: "firstname", propertyValue: "Li\ud83dLei" })
      }),
  )
})
