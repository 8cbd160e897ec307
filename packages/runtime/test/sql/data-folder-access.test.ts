import { chmodSync, chownSync, mkdirSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { refusalToOpen } from "../fixtures/open-refusal.ts"
import { temporaryFolderPerTest } from "../fixtures/temporary-folder.ts"

const modeOf = (path: string) => statSync(path).mode & 0o777

// Every path under a folder whose mode lets anyone but the owner in.
const openToOthers = (root: string): Array<string> => {
  const found: Array<string> = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if ((modeOf(path) & 0o077) !== 0) found.push(`${path} ${modeOf(path).toString(8)}`)
      if (entry.isDirectory()) walk(path)
    }
  }
  walk(root)
  return found
}

describe("who can reach a data folder", () => {
  const parentNow = temporaryFolderPerTest("tixi-access-")

  it("creates the folder 0700 and leaves every file in it 0600, the unpacked template's included", {
    timeout: 120_000,
  }, async () => {
    const parent = parentNow()
    const folder = join(parent, "data")
    await Effect.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE customers (name TEXT)`
        yield* sql`INSERT INTO customers VALUES ('张伟')`
      }).pipe(Effect.provide(pgliteLayer({ folder }))),
    )
    expect(modeOf(folder)).toBe(0o700)
    expect(readdirSync(join(folder, "pgdata"))).toContain("PG_VERSION")
    expect(openToOthers(folder)).toEqual([])
  })

  it("narrows an existing folder of its user's that others can read", async () => {
    const parent = parentNow()
    const folder = join(parent, "data")
    mkdirSync(folder)
    chmodSync(folder, 0o755)
    // A folder that is not a database is refused after the narrowing, so no database opens here.
    mkdirSync(join(folder, "pgdata", "stray"), { recursive: true })
    await refusalToOpen(folder)
    expect(modeOf(folder)).toBe(0o700)
  })

  it("refuses a folder others can write to, taking no lock and writing nothing", async () => {
    const parent = parentNow()
    const folder = join(parent, "data")
    mkdirSync(folder)
    chmodSync(folder, 0o777)
    const refusal = await refusalToOpen(folder)
    expect(refusal._tag).toBe("DataFolderUnusable")
    expect(refusal.message).toContain(folder)
    expect(refusal.message).toContain("others can write to it (mode 0777)")
    expect(readdirSync(folder)).toEqual([])
    expect(modeOf(folder)).toBe(0o777)
  })

  // Handing a folder to another user needs root; the refusal is the same check either way.
  it.skipIf(process.getuid?.() !== 0)("refuses a folder another user owns", async () => {
    const parent = parentNow()
    const folder = join(parent, "data")
    mkdirSync(folder, { mode: 0o700 })
    chownSync(folder, 65534, 65534)
    const refusal = await refusalToOpen(folder)
    expect(refusal._tag).toBe("DataFolderUnusable")
    expect(refusal.message).toContain("belongs to user 65534")
    expect(readdirSync(folder)).toEqual([])
  })
})
