import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { EngineMismatch } from "../engine/errors.ts"
import type { EngineKind } from "../engine/process-runtime.ts"

/**
 * Records which engine runs the database's instances, refusing to switch while instances are
 * unfinished: the two engines keep their wait points differently (the cluster engine in its
 * message storage, the embedded engine in tixi's tables), so an instance cannot move between them.
 * The embedded engine also needs `standard_conforming_strings` (it writes values as literals).
 */
export const claimEngine = (engine: EngineKind) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    if (engine === "embedded") {
      const [setting] = yield* sql<{ standard_conforming_strings: string }>`SHOW standard_conforming_strings`
      if (setting?.standard_conforming_strings !== "on") {
        return yield* Effect.die(
          new Error("the embedded engine needs standard_conforming_strings = on (PostgreSQL's default)"),
        )
      }
    }
    const [claimed] = yield* sql<{ value: string }>`SELECT value FROM tixi_meta WHERE key = 'engine'`
    if (claimed?.value === engine) return
    if (claimed !== undefined) {
      const [open] = yield* sql<{ count: number }>`
        SELECT COUNT(*)::int AS count FROM tixi_instances WHERE NOT finished
      `
      if ((open?.count ?? 0) > 0) {
        return yield* new EngineMismatch({
          database: claimed.value,
          requested: engine,
          unfinished: open?.count ?? 0,
        })
      }
    }
    yield* sql`
      INSERT INTO tixi_meta (key, value) VALUES ('engine', ${engine})
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
    `
  })
