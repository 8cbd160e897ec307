import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { hostname } from "node:os"
import { join } from "node:path"
import type { DatabaseSync } from "node:sqlite"
import { Context, Data, Effect } from "effect"
import { secureDataFolder } from "./data-folder-access.ts"
import { DataFolderUnusable } from "./pglite-data-directory.ts"

/** Who holds a data folder, as its holder recorded it: for messages and `tixi status`, never for deciding. */
export interface DataFolderHolder {
  readonly pid: number
  /** The host name, since a pid means nothing outside its host (or its container's pid namespace). */
  readonly host: string
  /** The kernel's boot id, which tells a holder on this host before a reboot from one after it. */
  readonly bootId: string | undefined
  /** When the holder took the folder (ISO 8601). */
  readonly since: string
}

/** Another process holds the data folder: two writers would corrupt an embedded database. */
export class DataFolderInUse extends Data.TaggedError("DataFolderInUse")<{
  readonly folder: string
  readonly holder: DataFolderHolder | undefined
}> {
  override get message(): string {
    const holder = this.holder
    const who =
      holder === undefined
        ? "another process"
        : `process ${holder.pid} on ${holder.host} (since ${holder.since})`
    return `the data folder ${this.folder} is in use by ${who}; stop it first or choose another folder`
  }
}

/**
 * Present in a layer's context exactly while this process holds a data folder's lock, so what
 * must only be written by the folder's holder (the admin token) can wait for it with
 * `Effect.serviceOption(HeldDataFolder)`.
 */
export class HeldDataFolder extends Context.Service<HeldDataFolder, { readonly folder: string }>()(
  "@tixi/runtime/HeldDataFolder",
) {}

/** Options for taking a data folder. */
export interface LockDataFolderOptions {
  /**
   * How long to wait for a holder to let go before failing with `DataFolderInUse`. A little
   * waiting rides over `tixi status` probing the lock; a long wait would hide a second runner.
   */
  readonly waitMillis?: number | undefined
}

/** The file whose operating-system lock is the folder's lock; it is never deleted. */
export const lockFileOf = (folder: string) => join(folder, "runner.lock.db")

/** Who took the lock, written after taking it; information only, the lock itself is the file above. */
const holderFileOf = (folder: string) => join(folder, "runner.holder.json")

// `node:sqlite` is the one part of Node that takes an operating-system lock (fcntl) on a file.
// It warns that it is experimental when first loaded; the lock uses only its oldest, stable
// calls (open, exec, close), so the warning, printed on every `tixi` start, would only alarm.
let sqlite: typeof import("node:sqlite") | undefined
const loadSqlite = (): typeof import("node:sqlite") => {
  if (sqlite !== undefined) return sqlite
  const emitWarning = process.emitWarning
  process.emitWarning = ((warning: string | Error, ...rest: Array<never>) => {
    if (String(warning).startsWith("SQLite is an experimental feature")) return
    emitWarning.call(process, warning, ...rest)
  }) as typeof process.emitWarning
  try {
    sqlite = createRequire(import.meta.url)("node:sqlite") as typeof import("node:sqlite")
    return sqlite
  } finally {
    process.emitWarning = emitWarning
  }
}

const bootId = (): string | undefined => {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim()
  } catch {
    return undefined
  }
}

const readHolder = (folder: string): DataFolderHolder | undefined => {
  try {
    return JSON.parse(readFileSync(holderFileOf(folder), "utf8")) as DataFolderHolder
  } catch {
    return undefined
  }
}

const isBusy = (error: unknown) => (error as { errcode?: unknown }).errcode === 5 // SQLITE_BUSY

// Locks this process holds. A connection nobody references is closed by the garbage collector,
// which drops its lock while the holder still writes: a scope suspended forever (a runner
// serving) is itself garbage, so the connections are kept here until released.
const heldConnections = new Set<DatabaseSync>()

/**
 * Takes the lock file's exclusive operating-system lock, or answers undefined when another
 * process (or another opener in this one) holds it. The kernel keeps the lock for the life of
 * the connection and drops it when the process dies however it dies, across containers that
 * share the volume (pid namespaces do not matter), so no lock is ever judged stale and deleted.
 */
const takeLock = (lockFile: string, waitMillis: number): DatabaseSync | undefined => {
  const connection = new (loadSqlite().DatabaseSync)(lockFile, { timeout: waitMillis })
  try {
    connection.exec("BEGIN EXCLUSIVE")
    heldConnections.add(connection)
    return connection
  } catch (error) {
    connection.close()
    if (isBusy(error)) return undefined
    throw error
  }
}

const release = (connection: DatabaseSync) => {
  heldConnections.delete(connection)
  connection.exec("ROLLBACK")
  connection.close()
}

/**
 * Holds a data folder for the life of the scope, creating it private to this user (or refusing
 * one others can write to) before anything is written. An embedded database has one writer; the lock
 * is the operating system's, so a runner that died (kill -9, power loss) leaves nothing that
 * keeps the next one out, and two runners starting together never both hold it. Nothing else in
 * this process may open the lock file: closing any descriptor of it drops the lock.
 */
export const lockDataFolder = (folder: string, options: LockDataFolderOptions = {}) =>
  Effect.acquireRelease(
    Effect.andThen(
      secureDataFolder(folder),
      Effect.suspend(
        (): Effect.Effect<
          { readonly connection: DatabaseSync; readonly held: HeldDataFolder["Service"] },
          DataFolderInUse | DataFolderUnusable
        > => {
          let connection: DatabaseSync | undefined
          try {
            connection = takeLock(lockFileOf(folder), options.waitMillis ?? 2_000)
          } catch (error) {
            const reason = `its lock ${lockFileOf(folder)} cannot be taken (${(error as Error).message})`
            return Effect.fail(new DataFolderUnusable({ folder, reason }))
          }
          if (connection === undefined) {
            return Effect.fail(new DataFolderInUse({ folder, holder: readHolder(folder) }))
          }
          const holder: DataFolderHolder = {
            pid: process.pid,
            host: hostname(),
            bootId: bootId(),
            since: new Date().toISOString(),
          }
          const partial = `${holderFileOf(folder)}.${process.pid}.partial`
          writeFileSync(partial, JSON.stringify(holder), { mode: 0o600 })
          renameSync(partial, holderFileOf(folder))
          return Effect.succeed({ connection, held: HeldDataFolder.of({ folder }) })
        },
      ),
    ),
    ({ connection }) =>
      Effect.sync(() => {
        // Removed while still holding the lock, so it never removes a later holder's record.
        rmSync(holderFileOf(folder), { force: true })
        release(connection)
      }),
  ).pipe(Effect.map(({ held }) => held))

/**
 * Who holds a data folder now, or undefined when nobody does. It asks the operating system (by
 * taking the lock for an instant, which a starting runner waits out), never trusts a pid.
 */
export function dataFolderHolder(folder: string): DataFolderHolder | "unknown" | undefined {
  if (!existsSync(lockFileOf(folder))) return undefined
  const connection = takeLock(lockFileOf(folder), 0)
  if (connection === undefined) return readHolder(folder) ?? "unknown"
  release(connection)
  return undefined
}
