import { connect, type Socket } from "node:net"
import { expect, layer } from "@effect/vitest"
import { Context, Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { hmacSource } from "../../src/intake/hmac-source.ts"
import { intakePruningLayer, pruneDeliveredIntakeEvents } from "../../src/intake/intake-pruning.ts"
import { IntakeServer, intakeServerLayer } from "../../src/intake/intake-server.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { postSigned } from "../fixtures/signed-post.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"
import { waitFor } from "../fixtures/wait-for.ts"

const secret = "limits-test-secret"
const day = 24 * 60 * 60 * 1000

const environment = intakeServerLayer({
  port: 0,
  sources: [hmacSource({ name: "test", path: "/hooks/test", secret: Redacted.make(secret) })],
  maxEventsPerRequest: 5,
  headersTimeoutMillis: 1_000,
  requestTimeoutMillis: 2_000,
}).pipe(
  Layer.provideMerge(runtimeLayer({ processes: [hostedTicketProcess] })),
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)

/** A raw socket to the intake, recording what it receives and when it is closed. */
const openSocket = (port: number) =>
  new Promise<{ socket: Socket; received: () => string; closed: Promise<void> }>((resolve, reject) => {
    let received = ""
    const socket = connect(port, "127.0.0.1")
    const closed = new Promise<void>((done) => socket.once("close", () => done()))
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8")
    })
    socket.once("error", () => {})
    socket.once("connect", () => resolve({ socket, received: () => received, closed }))
    socket.once("error", reject)
  })

/** Resolves `closed` if the socket closes within `millis`, otherwise `open`. */
const closedWithin = (closed: Promise<void>, millis: number) =>
  Promise.race([
    closed.then(() => "closed" as const),
    new Promise<"open">((resolve) => setTimeout(() => resolve("open"), millis)),
  ])

layer(environment, { timeout: 60_000, excludeTestServices: true })("intake limits", (it) => {
  it.effect("refuses a request carrying more events than allowed with 413, storing none of them", () =>
    Effect.gen(function* () {
      const server = yield* IntakeServer
      const sql = yield* SqlClient.SqlClient
      const send = (count: number, prefix: string) =>
        Effect.promise(async () => {
          const events = Array.from({ length: count }, (_, index) => ({
            id: `${prefix}-${index}`,
            type: "note",
          }))
          const response = await postSigned(`${server.url}/hooks/test`, secret, JSON.stringify({ events }))
          return { status: response.status, body: (await response.json()) as { error?: string } }
        })
      const tooMany = yield* send(6, "many")
      expect(tooMany.status).toBe(413)
      expect(tooMany.body.error).toBe("6 events in one request; at most 5 are taken (maxEventsPerRequest)")
      const allowed = yield* send(5, "five")
      expect(allowed.status).toBe(200)
      const stored = yield* sql<{ event_id: string }>`
        SELECT event_id FROM tixi_intake_events WHERE event_id LIKE 'many-%' OR event_id LIKE 'five-%'
      `
      expect(stored.map((row) => row.event_id).sort()).toEqual([
        "five-0",
        "five-1",
        "five-2",
        "five-3",
        "five-4",
      ])
    }),
  )

  it.effect("closes a stalled upload with 408 within seconds, not Node's 300", () =>
    Effect.gen(function* () {
      const server = yield* IntakeServer
      const stalled = yield* Effect.promise(async () => {
        const client = await openSocket(server.port)
        // Headers and a tenth of the announced body, then nothing.
        client.socket.write(
          "POST /hooks/test HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
        )
        client.socket.write("x".repeat(100))
        const outcome = await closedWithin(client.closed, 20_000)
        client.socket.destroy()
        return { outcome, received: client.received() }
      })
      expect(stalled.outcome).toBe("closed")
      expect(stalled.received).toMatch(/^HTTP\/1\.1 408/)
      const slowHeaders = yield* Effect.promise(async () => {
        const client = await openSocket(server.port)
        client.socket.write("POST /hooks/test HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        const outcome = await closedWithin(client.closed, 20_000)
        client.socket.destroy()
        return { outcome, received: client.received() }
      })
      expect(slowHeaders.outcome).toBe("closed")
      expect(slowHeaders.received).toMatch(/^HTTP\/1\.1 408/)
    }),
  )

  it.effect("closes connections beyond maxConnections at once and keeps those within it", () =>
    Effect.scoped(
      Effect.gen(function* () {
        // A server of its own, so no connection kept alive by another test counts against the limit.
        const server = yield* Layer.build(
          intakeServerLayer({ port: 0, sources: [], maxConnections: 3 }),
        ).pipe(Effect.map((context) => Context.get(context, IntakeServer)))
        const outcome = yield* Effect.promise(async () => {
          const held = [
            await openSocket(server.port),
            await openSocket(server.port),
            await openSocket(server.port),
          ]
          // Let the server count them before the next one arrives.
          await new Promise((resolve) => setTimeout(resolve, 200))
          const extra = await openSocket(server.port)
          const extraOutcome = await closedWithin(extra.closed, 10_000)
          const heldOutcomes = await Promise.all(held.map((client) => closedWithin(client.closed, 0)))
          for (const client of [...held, extra]) client.socket.destroy()
          return { extraOutcome, heldOutcomes }
        })
        expect(outcome.extraOutcome).toBe("closed")
        expect(outcome.heldOutcomes).toEqual(["open", "open", "open"])
      }),
    ),
  )

  it.effect("prunes delivered events past the retention, never undelivered ones", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const now = Date.now()
      const row = (eventId: string, ageMillis: number, delivered: boolean) => ({
        source: "prune",
        event_id: eventId,
        type: "note",
        payload: "{}",
        received_at: now - ageMillis,
        delivered,
      })
      yield* sql`INSERT INTO tixi_intake_events ${sql.insert([
        row("prune-old-delivered", 8 * day, true),
        row("prune-old-undelivered", 30 * day, false),
        row("prune-recent-delivered", 2 * day, true),
      ])}`
      const remaining = () =>
        Effect.map(
          sql<{
            event_id: string
          }>`SELECT event_id FROM tixi_intake_events WHERE source = 'prune' ORDER BY event_id`,
          (found) => found.map((row) => row.event_id),
        )
      // The layer prunes at start with the default retention of 7 days.
      const afterDefault = yield* Effect.scoped(
        Effect.gen(function* () {
          yield* Layer.build(intakePruningLayer())
          return yield* waitFor(
            "the old delivered event to be pruned",
            Effect.map(remaining(), (found) => (found.includes("prune-old-delivered") ? undefined : found)),
          )
        }),
      )
      expect(afterDefault).toEqual(["prune-old-undelivered", "prune-recent-delivered"])
      expect(yield* pruneDeliveredIntakeEvents(now - day)).toBe(1)
      expect(yield* remaining()).toEqual(["prune-old-undelivered"])
    }),
  )
})
