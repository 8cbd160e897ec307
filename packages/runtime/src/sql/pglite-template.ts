import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PGlite } from "@electric-sql/pglite"

const pgliteVersion = (): string => {
  try {
    const require = createRequire(import.meta.url)
    return (require("@electric-sql/pglite/package.json") as { version: string }).version
  } catch {
    return "unknown"
  }
}

let cached: Promise<Blob> | undefined

/**
 * A freshly initialised PGlite data directory, as a gzipped tarball. Creating a database runs
 * `initdb` compiled to WebAssembly, which takes several seconds; every new database starts from
 * this copy instead (about one second). It is made once per PGlite version and kept in the
 * system's temporary folder, written under a temporary name and renamed, so concurrent processes
 * never read half a file.
 */
export function initialDataDir(): Promise<Blob> {
  cached ??= (async () => {
    const path = join(tmpdir(), `tixi-pglite-${pgliteVersion()}-initdb.tar.gz`)
    try {
      return new Blob([readFileSync(path)])
    } catch {
      const database = await PGlite.create()
      try {
        const dump = await database.dumpDataDir("gzip")
        const bytes = new Uint8Array(await dump.arrayBuffer())
        const partial = `${path}.${process.pid}.partial`
        try {
          writeFileSync(partial, bytes)
          renameSync(partial, path)
        } catch {
          rmSync(partial, { force: true })
        }
        return new Blob([bytes])
      } finally {
        await database.close()
      }
    }
  })()
  return cached
}
