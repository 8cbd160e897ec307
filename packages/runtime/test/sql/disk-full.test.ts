import { join } from "node:path"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, describe, expect, it } from "vitest"
import { type DatabaseUnusable, databaseUnusable } from "../../src/sql/database-unusable.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { mountSmallDisk } from "../fixtures/small-disk.ts"

// A real full disk: a 64 MiB tmpfs (an initialised PGlite takes about 40 MiB of it). Mounting
// needs root, which CI has; without it the test is skipped with the reason mountSmallDisk gives.
const disk = mountSmallDisk(64)
const skipReason = typeof disk === "string" ? disk : undefined
afterAll(() => {
  if (typeof disk !== "string") disk.unmount()
})

describe.skipIf(skipReason !== undefined)(
  `a full disk under PGlite${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    it("makes the database unusable at the first ENOSPC: later statements fail at once instead of spinning", {
      timeout: 120_000,
    }, async () => {
      if (typeof disk === "string") return
      const reported: Array<DatabaseUnusable> = []
      const outcome = await Effect.runPromise(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql`CREATE TABLE filler (id SERIAL PRIMARY KEY, body TEXT NOT NULL)`
          disk.fill()
          const full = yield* Effect.flip(
            sql`INSERT INTO filler (body) SELECT repeat('x', 2000) FROM generate_series(1, 200)`,
          )
          // Freeing space does not bring PGlite back; the statement after must not reach it.
          disk.free()
          const after = yield* Effect.flip(sql`SELECT 1 AS one`)
          return { full, after }
        }).pipe(
          Effect.provide(
            Layer.orDie(
              pgliteLayer({
                folder: join(disk.folder, "data"),
                onUnusable: (failure) => reported.push(failure),
              }),
            ),
          ),
          Effect.scoped,
        ),
      )
      expect(outcome.full.message).toMatch(/No space left on device/)
      expect(reported).toHaveLength(1)
      expect(reported[0]?.diskFull).toBe(true)
      expect(outcome.after.reason._tag).toBe("ConnectionError")
      expect(outcome.after.message).toMatch(/disk is full.*free space and restart tixi/)
    })
  },
)

describe("which database failures are fatal", () => {
  it("counts disk_full, ENOSPC under any code, a PANIC and a WebAssembly trap; not a unique violation", () => {
    expect(databaseUnusable({ code: "53100", message: "could not extend file" })?.diskFull).toBe(true)
    expect(
      databaseUnusable({
        code: "58030",
        message: 'could not write to file "pg_wal/xlogtemp.1": No space left on device',
      })?.diskFull,
    ).toBe(true)
    const panic = databaseUnusable({ severity: "PANIC", code: "XX000", message: "could not fsync file" })
    expect(panic?.diskFull).toBe(false)
    expect(panic?.message).toMatch(/cannot continue in this process \(could not fsync file\); restart tixi/)
    const trap = new Error("unreachable")
    trap.name = "RuntimeError"
    expect(databaseUnusable(trap)).toBeDefined()
    expect(databaseUnusable({ code: "23505", severity: "ERROR", message: "duplicate key" })).toBeUndefined()
  })
})
