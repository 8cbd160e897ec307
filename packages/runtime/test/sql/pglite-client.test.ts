import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it, layer } from "@effect/vitest"
import { Effect, Exit, Fiber, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { json } from "../../src/sql/pg-compiler.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"

// Opening PGlite takes seconds (WebAssembly start-up), so the tests share one in-memory database
// and each uses its own tables.
layer(pgliteLayer(), { timeout: 60_000, excludeTestServices: true })("PGlite SqlClient", (it) => {
  it.effect("runs parameterised queries and returns rows as objects", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE people (id INT PRIMARY KEY, name TEXT NOT NULL)`
      yield* sql`INSERT INTO people ${sql.insert([
        { id: 1, name: "李雷" },
        { id: 2, name: "Han Meimei" },
      ])}`
      const rows = yield* sql<{ id: number; name: string }>`SELECT * FROM people WHERE id > ${0} ORDER BY id`
      expect(rows).toEqual([
        { id: 1, name: "李雷" },
        { id: 2, name: "Han Meimei" },
      ])
      const values = yield* sql`SELECT name FROM people WHERE ${sql.in("id", [2])}`.values
      expect(values).toEqual([["Han Meimei"]])
    }),
  )

  it.effect("keeps 64-bit integers exact (cluster snowflake ids)", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE ids (id BIGINT PRIMARY KEY)`
      const big = 7306547897614573569n
      yield* sql`INSERT INTO ids VALUES (${big})`
      const rows = yield* sql<{ id: bigint }>`SELECT id FROM ids WHERE id = ${big}`
      expect(rows[0]?.id).toBe(big)
    }),
  )

  it.effect("binds JSON as jsonb", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE documents (body JSONB NOT NULL)`
      yield* sql`INSERT INTO documents VALUES (${json({ status: "open", steps: [1, 2] })})`
      const rows = yield* sql<{ status: string }>`SELECT body->>'status' AS status FROM documents`
      expect(rows).toEqual([{ status: "open" }])
    }),
  )

  it.effect("rolls a failed transaction back and commits a successful one", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE ledger (entry TEXT PRIMARY KEY)`
      const failed = yield* sql`INSERT INTO ledger VALUES ('a')`.pipe(
        Effect.andThen(sql`INSERT INTO ledger VALUES ('a')`),
        sql.withTransaction,
        Effect.exit,
      )
      expect(Exit.isFailure(failed)).toBe(true)
      expect(yield* sql`SELECT * FROM ledger`).toEqual([])
      yield* sql`INSERT INTO ledger VALUES ('b')`.pipe(
        Effect.andThen(sql`INSERT INTO ledger VALUES ('c')`),
        sql.withTransaction,
      )
      expect(
        (yield* sql<{ entry: string }>`SELECT entry FROM ledger ORDER BY entry`).map((row) => row.entry),
      ).toEqual(["b", "c"])
    }),
  )

  it.effect("classifies a duplicate key as a unique violation", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE keys (key TEXT PRIMARY KEY)`
      yield* sql`INSERT INTO keys VALUES ('k')`
      const error = yield* Effect.flip(sql`INSERT INTO keys VALUES ('k')`)
      expect(error.reason._tag).toBe("UniqueViolation")
      const syntax = yield* Effect.flip(sql`SELEC 1`)
      expect(syntax.reason._tag).toBe("SqlSyntaxError")
    }),
  )

  it.effect("keeps other fibers' statements out of an open transaction", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE events (name TEXT)`
      // The transaction inserts, waits, then fails; an outside insert started meanwhile must
      // survive the rollback because it ran after the transaction, not inside it.
      const transaction = yield* sql`INSERT INTO events VALUES ('inside')`.pipe(
        Effect.andThen(Effect.sleep("50 millis")),
        Effect.andThen(Effect.fail("abort")),
        sql.withTransaction,
        Effect.exit,
        Effect.forkChild,
      )
      yield* Effect.sleep("10 millis")
      yield* sql`INSERT INTO events VALUES ('outside')`
      yield* Fiber.join(transaction)
      expect(yield* sql`SELECT name FROM events`).toEqual([{ name: "outside" }])
    }),
  )
})

describe("PGlite SqlClient on disk", () => {
  it("persists data in its folder and refuses a second opener", { timeout: 60_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), "tixi-pglite-"))
    try {
      const write = Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE kept (value TEXT)`
        yield* sql`INSERT INTO kept VALUES ('still here')`
      })
      await Effect.runPromise(write.pipe(Effect.provide(pgliteLayer({ folder }))))
      const read = Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        return yield* sql<{ value: string }>`SELECT value FROM kept`
      })
      const rows = await Effect.runPromise(read.pipe(Effect.provide(pgliteLayer({ folder }))))
      expect(rows).toEqual([{ value: "still here" }])

      const both = Effect.gen(function* () {
        yield* Layer.build(pgliteLayer({ folder }))
        return yield* Layer.build(pgliteLayer({ folder })).pipe(Effect.flip)
      }).pipe(Effect.scoped)
      const refusal = await Effect.runPromise(both)
      expect(refusal._tag).toBe("DataFolderInUse")
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
