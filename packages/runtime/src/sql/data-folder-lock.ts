import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs"
import { join } from "node:path"
import { Data, Effect } from "effect"

/** Another live process holds the data folder: two writers would corrupt an embedded database. */
export class DataFolderInUse extends Data.TaggedError("DataFolderInUse")<{
  readonly folder: string
  readonly pid: number
}> {
  override get message(): string {
    return `the data folder ${this.folder} is in use by process ${this.pid}; stop it first or choose another folder`
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

/** Folders this process holds, since the pid check cannot tell two openers in one process apart. */
const heldHere = new Set<string>()

/**
 * Holds `runner.lock` in a data folder for the life of the scope. An embedded database has one
 * writer; a lock left by a process that died (kill -9, power loss) is taken over, which is what
 * lets a crashed runner start again on its own data.
 */
export const lockDataFolder = (folder: string) =>
  Effect.acquireRelease(
    Effect.suspend(() => {
      mkdirSync(folder, { recursive: true })
      const path = join(folder, "runner.lock")
      if (heldHere.has(path)) return Effect.fail(new DataFolderInUse({ folder, pid: process.pid }))
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const descriptor = openSync(path, "wx")
          writeSync(descriptor, String(process.pid))
          closeSync(descriptor)
          heldHere.add(path)
          return Effect.succeed(path)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") return Effect.die(error)
          const holder = Number.parseInt(readFileSync(path, "utf8"), 10)
          if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
            return Effect.fail(new DataFolderInUse({ folder, pid: holder }))
          }
          rmSync(path, { force: true })
        }
      }
      return Effect.die(new Error(`could not take the lock ${path}`))
    }),
    (path) =>
      Effect.sync(() => {
        heldHere.delete(path)
        rmSync(path, { force: true })
      }),
  )
