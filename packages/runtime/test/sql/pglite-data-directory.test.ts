import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { refusalToOpen } from "../fixtures/open-refusal.ts"
import { temporaryFolderPerTest } from "../fixtures/temporary-folder.ts"

// Every file under a folder with its size, modification time and contents: what "nothing was
// written" is checked against.
const snapshot = (root: string): Record<string, string> => {
  const files: Record<string, string> = {}
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else {
        const stat = statSync(path)
        files[path.slice(root.length)] =
          `${stat.size}/${stat.mtimeMs}/${readFileSync(path).toString("base64")}`
      }
    }
  }
  walk(root)
  return files
}

const open = (folder: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      return yield* sql<{ value: string }>`SELECT value FROM kept`
    }).pipe(Effect.provide(pgliteLayer({ folder }))),
  )

const keep = (folder: string, value: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE kept (value TEXT)`
      yield* sql`INSERT INTO kept VALUES (${value})`
    }).pipe(Effect.provide(pgliteLayer({ folder }))),
  )

describe("opening a data folder", () => {
  const folderNow = temporaryFolderPerTest("tixi-data-directory-")

  it("refuses a database that lost PG_VERSION, writes nothing to it, and opens it again once restored", {
    timeout: 120_000,
  }, async () => {
    const folder = folderNow()
    await keep(folder, "customer 张伟")
    const dataDir = join(folder, "pgdata")
    const version = readFileSync(join(dataDir, "PG_VERSION"))
    rmSync(join(dataDir, "PG_VERSION"))
    const before = snapshot(dataDir)

    const refusal = await refusalToOpen(folder)
    expect(refusal._tag).toBe("DataFolderUnusable")
    expect(refusal.message).toContain(dataDir)
    expect(refusal.message).toContain("no PG_VERSION")
    expect(snapshot(dataDir)).toEqual(before)

    writeFileSync(join(dataDir, "PG_VERSION"), version)
    expect(await open(folder)).toEqual([{ value: "customer 张伟" }])
  })

  it("refuses a folder holding files that are not a database, leaving them as they were", async () => {
    const folder = folderNow()
    const dataDir = join(folder, "pgdata")
    mkdirSync(join(dataDir, "notes"), { recursive: true })
    writeFileSync(join(dataDir, "notes", "customers.csv"), "张伟,VIP\n")
    const before = snapshot(dataDir)
    const refusal = await refusalToOpen(folder)
    expect(refusal._tag).toBe("DataFolderUnusable")
    expect(refusal.message).toContain(dataDir)
    expect(snapshot(dataDir)).toEqual(before)
  })

  it("refuses a data folder named at the depth of the database itself", async () => {
    const folder = folderNow()
    writeFileSync(join(folder, "PG_VERSION"), "17\n")
    const refusal = await refusalToOpen(folder)
    expect(refusal._tag).toBe("DataFolderUnusable")
    expect(refusal.message).toContain("is itself a PostgreSQL data folder")
    expect(readdirSync(folder)).not.toContain("pgdata")
  })

  it("seeds an empty folder, and seeds again a folder whose first seeding was cut short", {
    timeout: 120_000,
  }, async () => {
    const folder = folderNow()
    const dataDir = join(folder, "pgdata")
    mkdirSync(dataDir)
    // What a runner killed while unpacking the template leaves: the marker and part of the files.
    writeFileSync(join(folder, "pgdata.seeding"), "")
    mkdirSync(join(dataDir, "base"))
    writeFileSync(join(dataDir, "base", "partial"), "half a file")
    await keep(folder, "seeded")
    expect(readdirSync(folder)).not.toContain("pgdata.seeding")
    expect(readdirSync(join(dataDir, "base"))).not.toContain("partial")
    expect(await open(folder)).toEqual([{ value: "seeded" }])
  })
})
