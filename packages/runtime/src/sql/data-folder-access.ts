import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { DataFolderUnusable } from "./pglite-data-directory.ts"

const modeText = (mode: number) => (mode & 0o777).toString(8).padStart(4, "0")

/**
 * Makes sure only this user can reach a data folder before anything is kept in it: the database
 * (its WAL included) holds customers' names. It creates a missing folder 0700 and narrows an
 * existing one of this user's to 0700; it refuses a folder that others can write to or that
 * another user owns, since whoever can write there can plant or swap the database's files.
 */
export const secureDataFolder = (folder: string): Effect.Effect<void, DataFolderUnusable> =>
  Effect.suspend(() => {
    const refuse = (reason: string) => Effect.fail(new DataFolderUnusable({ folder, reason }))
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 })
      const stat = lstatSync(folder)
      if (!stat.isDirectory()) return refuse("it is not a folder")
      const user = process.getuid?.()
      if (user !== undefined && stat.uid !== user) {
        return refuse(`it belongs to user ${stat.uid}, not to this process's user ${user}`)
      }
      if ((stat.mode & 0o022) !== 0) {
        return refuse(
          `others can write to it (mode ${modeText(stat.mode)}); make it private (chmod 700) after checking what it holds`,
        )
      }
      if ((stat.mode & 0o077) !== 0) chmodSync(folder, 0o700)
      return Effect.void
    } catch (error) {
      return refuse(`it cannot be prepared (${(error as Error).message})`)
    }
  })

/**
 * Narrows every file under a folder to 0600 and every folder to 0700. PGlite writes its files
 * 0666 whatever the umask (the template's too); the private data folder already keeps others
 * out, and this keeps the files private should the folder ever be copied or opened up.
 */
export const restrictToOwner = (folder: string): Effect.Effect<void> =>
  Effect.sync(() => {
    const walk = (path: string) => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const child = join(path, entry.name)
        if (entry.isDirectory()) {
          chmodSync(child, 0o700)
          walk(child)
        } else if (entry.isFile()) chmodSync(child, 0o600)
      }
    }
    walk(folder)
  })
