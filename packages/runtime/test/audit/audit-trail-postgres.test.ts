import { inspect } from "node:util"
import { addDays, utcDateOf } from "@tixi/core"
import {
  findPostgres,
  scriptedRegistration,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "@tixi/testing"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditTrail } from "../../src/audit/audit-trail.ts"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { postgresLayer } from "../../src/sql/postgres-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"

const postgres = findPostgres()
const ci = process.env.CI === "true" || process.env.CI === "1"
if ("missing" in postgres)
  console.warn(`\n*** SKIPPING the PostgreSQL audit trail test: ${postgres.missing} ***\n`)

// In CI PostgreSQL must be there (.ci/run installs it); elsewhere its absence skips, loudly.
describe.skipIf("missing" in postgres && !ci)("the audit trail on PostgreSQL", () => {
  let database: ThrowawayPostgres
  beforeAll(async () => {
    if ("missing" in postgres) throw new Error(`CI must run the audit trail test: ${postgres.missing}`)
    database = await startThrowawayPostgres(postgres.bin)
  }, 120_000)
  afterAll(() => database?.stop())

  it("records turns with the turn, refuses to rewrite a row, and survives the schema made twice", {
    timeout: 60_000,
  }, async () => {
    const connection = Layer.orDie(postgresLayer({ url: Redacted.make(database.url), maxConnections: 4 }))
    const runner = ManagedRuntime.make(
      runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
        Layer.provideMerge(inMemoryHostLayer),
        Layer.provideMerge(connection),
      ),
    )
    try {
      const entries = await runner.runPromise(
        Effect.gen(function* () {
          // A second runner starting makes the tables and triggers again: nothing changes.
          yield* ensureSchema
          const runtime = yield* ProcessRuntime
          const now = Date.now()
          yield* runtime.dispatch("complaint", "PG-1", scriptedRegistration("PG-1", "approval", now))
          yield* runtime.dispatch("complaint", "PG-1", {
            type: "Accept",
            actor: { personId: "officer-wu", role: "officer" },
            promisedDate: addDays(utcDateOf(now), 60),
          })
          return yield* Effect.flatMap(AuditTrail, (trail) => trail.query({ instanceId: "PG-1", limit: 10 }))
        }),
      )
      expect(entries.map((entry) => [entry.outcome, entry.personId, entry.post, entry.refusal])).toEqual([
        ["accepted", "officer-wu", "officer", undefined],
        ["refused", "officer-wu", "officer", "PolicyRefusal"],
      ])
      const update = await runner.runPromise(
        Effect.flip(
          Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE tixi_audit SET outcome = 'accepted'`),
        ),
      )
      expect(inspect(update, { depth: 10 })).toContain("tixi_audit is append-only: UPDATE refused")
      const remove = await runner.runPromise(
        Effect.flip(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`DELETE FROM tixi_audit`)),
      )
      expect(inspect(remove, { depth: 10 })).toContain("tixi_audit is append-only: DELETE refused")
    } finally {
      await runner.dispose()
    }
  })
})
