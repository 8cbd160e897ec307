import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { Data, Effect } from "effect"

/**
 * The data folder cannot be used as it is. Raised before anything is written to it, so whatever
 * it holds (a damaged database, someone else's files, a database at the wrong depth) is still
 * there for a person to look at or restore.
 */
export class DataFolderUnusable extends Data.TaggedError("DataFolderUnusable")<{
  readonly folder: string
  readonly reason: string
}> {
  override get message(): string {
    return `the data folder ${this.folder} cannot be used: ${this.reason}`
  }
}

/**
 * How an embedded database folder is to be opened: `seed` for a missing or empty folder (or one
 * whose first seeding was cut short), `open` for an initialised PostgreSQL data folder.
 */
export type DataDirectoryStart = "seed" | "open"

// Written beside the data folder before the template is unpacked into it and removed once the
// database has opened on it: while it exists the folder holds the template and nothing else.
const seedingMarker = (dataDir: string) => join(dirname(dataDir), `${basename(dataDir)}.seeding`)

const entriesOf = (path: string): ReadonlyArray<string> | string => {
  try {
    return readdirSync(path)
  } catch (error) {
    return (error as Error).message
  }
}

/**
 * Decides whether a data folder may be seeded from the template or must be opened as it is. A
 * folder without `PG_VERSION` that holds anything is refused instead of seeded: unpacking the
 * template over it would silently replace every instance and event it kept.
 */
export const inspectDataDirectory = (
  dataDir: string,
): Effect.Effect<DataDirectoryStart, DataFolderUnusable> =>
  Effect.suspend(() => {
    const refuse = (reason: string) => Effect.fail(new DataFolderUnusable({ folder: dataDir, reason }))
    const parent = dirname(dataDir)
    if (existsSync(join(parent, "PG_VERSION"))) {
      return refuse(
        `${parent} is itself a PostgreSQL data folder; name the folder that holds it, not the database folder`,
      )
    }
    if (existsSync(seedingMarker(dataDir))) return Effect.succeed("seed" as const)
    if (!existsSync(dataDir)) return Effect.succeed("seed" as const)
    if (!statSync(dataDir).isDirectory()) return refuse("it is a file, not a folder")
    const entries = entriesOf(dataDir)
    if (typeof entries === "string") return refuse(`it cannot be read (${entries})`)
    if (entries.length === 0) return Effect.succeed("seed" as const)
    if (!entries.includes("PG_VERSION")) {
      return refuse(
        `it holds ${entries.length} entries but no PG_VERSION, so it is not a PostgreSQL data folder or it is damaged; restore it from a backup, or move it away to start an empty database`,
      )
    }
    return Effect.succeed("open" as const)
  })

/**
 * Marks a data folder as being seeded, clearing what an earlier seeding that was cut short left
 * (only the template's files: the marker is removed before the database takes any write).
 */
export const beginSeeding = (dataDir: string): Effect.Effect<void> =>
  Effect.sync(() => {
    const marker = seedingMarker(dataDir)
    if (existsSync(marker)) rmSync(dataDir, { recursive: true, force: true })
    writeFileSync(marker, "", { mode: 0o600 })
  })

/** Records that the seeded database opened: from now on its folder holds data worth keeping. */
export const finishSeeding = (dataDir: string): Effect.Effect<void> =>
  Effect.sync(() => rmSync(seedingMarker(dataDir), { force: true }))
