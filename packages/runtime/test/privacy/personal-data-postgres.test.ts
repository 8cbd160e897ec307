import { findPostgres, startThrowawayPostgres, type ThrowawayPostgres } from "@tixi/testing"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { auditTrailLayer } from "../../src/audit/audit-trail.ts"
import { eraseStoredPersonalData, exportStoredPersonalData } from "../../src/privacy/personal-data-store.ts"
import { postgresLayer } from "../../src/sql/postgres-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"

const postgres = findPostgres()
const ci = process.env.CI === "true" || process.env.CI === "1"
if ("missing" in postgres)
  console.warn(`\n*** SKIPPING the PostgreSQL personal data test: ${postgres.missing} ***\n`)

const registration = { customerId: "person-pg", customerName: "林涛", address: "杭州市西湖区文三路 1 号" }

// In CI PostgreSQL must be there (.ci/run installs it); elsewhere its absence skips, loudly.
describe.skipIf("missing" in postgres && !ci)("a natural person's data on PostgreSQL", () => {
  let database: ThrowawayPostgres
  beforeAll(async () => {
    if ("missing" in postgres) throw new Error(`CI must run the personal data test: ${postgres.missing}`)
    database = await startThrowawayPostgres(postgres.bin)
  }, 120_000)
  afterAll(() => database?.stop())

  it("erases the stored registration and the state in one transaction, audited once, and again erases nothing", {
    timeout: 60_000,
  }, async () => {
    const connection = Layer.orDie(postgresLayer({ url: Redacted.make(database.url), maxConnections: 4 }))
    const store = ManagedRuntime.make(
      auditTrailLayer.pipe(
        Layer.provideMerge(Layer.effectDiscard(ensureSchema)),
        Layer.provideMerge(connection),
      ),
    )
    try {
      const outcome = await store.runPromise(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const event = JSON.stringify({ type: "ComplaintRegistered", registration })
          yield* sql`INSERT INTO tixi_events (process, instance_id, sequence, type, at, event)
            VALUES ('complaint', 'PG-9', 0, 'ComplaintRegistered', 1, ${event}::jsonb)`
          yield* sql`INSERT INTO tixi_instances (process, instance_id, execution_id, version, status, state, sequence, started_at, updated_at)
            VALUES ('complaint', 'PG-9', 'x', 1, 'registered', ${JSON.stringify({ registration })}::jsonb, 1, 1, 1)`
          const exported = yield* exportStoredPersonalData("person-pg")
          const report = yield* eraseStoredPersonalData("person-pg", {
            reason: "request",
            requestedBy: "dpo",
          })
          const again = yield* eraseStoredPersonalData("person-pg", { reason: "request", requestedBy: "dpo" })
          const rows = yield* sql<{ text: string }>`
            SELECT event::text AS text FROM tixi_events UNION ALL SELECT COALESCE(state::text, '') FROM tixi_instances`
          const audit = yield* sql<{ count: number }>`
            SELECT COUNT(*)::int AS count FROM tixi_audit WHERE kind = 'erasure'`
          return { exported, report, again, rows: JSON.stringify(rows), erasures: audit[0]?.count }
        }),
      )
      expect(outcome.exported.values.map((value) => value.kind).sort()).toEqual([
        "address",
        "name",
        "personId",
      ])
      // The event's three values, and their copies in the stored state (masked, then dropped for rebuild).
      expect(outcome.report.tables).toEqual({ tixi_events: 3, tixi_instances: 3 })
      expect(outcome.report.erasedValues).toBe(6)
      expect(outcome.again.erasedValues).toBe(0)
      expect(outcome.rows).not.toContain(registration.customerName)
      expect(outcome.rows).not.toContain(registration.address)
      expect(outcome.erasures).toBe(1)
    } finally {
      await store.dispose()
    }
  })
})
