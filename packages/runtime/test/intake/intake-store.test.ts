import { expect, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { insertIntakeEvents, makeIntakeStore } from "../../src/intake/intake-store.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"

const note = (id: string) => ({ id, type: "test.note", payload: { text: id } })

/** Past PostgreSQL's BIGINT: a value the database refuses (SQLSTATE 22003) though no text check sees it. */
const beyondBigint = 2 ** 70

const environment = Layer.effectDiscard(ensureSchema).pipe(Layer.provideMerge(pgliteLayer()))

const storedIds = (prefix: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ event_id: string }>`
        SELECT event_id FROM tixi_intake_events WHERE event_id LIKE ${`${prefix}%`} ORDER BY event_id
      `,
      (rows) => rows.map((row) => row.event_id),
    ),
  )

layer(environment, { timeout: 60_000, excludeTestServices: true })("intake store", (it) => {
  it.effect("splits rows the database refuses until the refused one stands alone, storing the rest", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const rows = ["split-1", "split-2", "split-3", "split-4", "split-5"].map((id) => ({
        source: "test",
        event: note(id),
        receivedAt: id === "split-4" ? beyondBigint : 1_000,
      }))
      const outcome = yield* insertIntakeEvents(sql, rows)
      expect([...outcome.inserted].sort()).toEqual(
        ["split-1", "split-2", "split-3", "split-5"].map((id) => `test\u0000${id}`),
      )
      expect([...outcome.refused.keys()]).toEqual(["test\u0000split-4"])
      expect(outcome.refused.get("test\u0000split-4")).toMatch(/^the database refused it: /)
      expect(yield* storedIds("split-")).toEqual(["split-1", "split-2", "split-3", "split-5"])
      const [recorded] = yield* sql<{ reason: string; refusals: number }>`
        SELECT reason, refusals FROM tixi_intake_refused WHERE event_id = 'split-4'
      `
      expect(recorded).toEqual({ reason: outcome.refused.get("test\u0000split-4"), refusals: 1 })
    }),
  )

  it.effect("answers each request of a batch on its own when one of them is refused", () =>
    Effect.gen(function* () {
      const store = yield* makeIntakeStore
      const outcomes = yield* Effect.all(
        [
          store.store("test", [note("batch-1")], 1_000),
          store.store("test", [note("batch-2"), note("batch-3")], beyondBigint),
          store.store("test", [note("batch-4")], 1_000),
          store.store("test", [note("batch-1")], 1_000),
        ],
        { concurrency: "unbounded" },
      )
      expect(outcomes[0]).toEqual({ stored: 1, duplicates: 0, refused: [] })
      expect(outcomes[1]?.stored).toBe(0)
      expect(outcomes[1]?.refused.map((event) => event.id)).toEqual(["batch-2", "batch-3"])
      expect(outcomes[2]).toEqual({ stored: 1, duplicates: 0, refused: [] })
      expect(outcomes[3]).toEqual({ stored: 0, duplicates: 1, refused: [] })
      expect(yield* storedIds("batch-")).toEqual(["batch-1", "batch-4"])
    }).pipe(Effect.scoped),
  )

  it.effect(
    "inside the caller's transaction (a change feed's batch), a refusal leaves the transaction usable",
    () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const rows = ["nested-1", "nested-2"].map((id) => ({
          source: "test",
          event: note(id),
          receivedAt: id === "nested-2" ? beyondBigint : 1_000,
        }))
        yield* sql.withTransaction(
          Effect.gen(function* () {
            const outcome = yield* insertIntakeEvents(sql, rows)
            expect(outcome.inserted).toEqual(new Set(["test\u0000nested-1"]))
            yield* sql`INSERT INTO tixi_meta (key, value) VALUES ('nested-test', 'kept')`
          }),
        )
        expect(yield* storedIds("nested-")).toEqual(["nested-1"])
        const meta = yield* sql<{ value: string }>`SELECT value FROM tixi_meta WHERE key = 'nested-test'`
        expect(meta).toEqual([{ value: "kept" }])
      }),
  )
})
