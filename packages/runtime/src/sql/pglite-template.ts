import { createHash } from "node:crypto"
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs"
import { createRequire } from "node:module"
import { homedir } from "node:os"
import { dirname, isAbsolute, join } from "node:path"
import { PGlite } from "@electric-sql/pglite"

/**
 * The installed PGlite's version, read from its package.json (which the package does not export,
 * so it is found beside its entry point): a template made by one PGlite must never seed another.
 */
export function pgliteVersion(): string {
  const require = createRequire(import.meta.url)
  let folder = dirname(require.resolve("@electric-sql/pglite"))
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as {
        name?: string
        version?: string
      }
      if (manifest.name === "@electric-sql/pglite" && manifest.version !== undefined) return manifest.version
    } catch {
      // No package.json at this level; look one up.
    }
    const up = dirname(folder)
    if (up === folder) throw new Error("the installed @electric-sql/pglite has no package.json")
    folder = up
  }
}

/**
 * This user's cache folder for tixi (`$XDG_CACHE_HOME/tixi`, else `~/.cache/tixi`). Per user, not
 * the shared temporary folder, where anyone could plant a template before us.
 */
export function defaultCacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME
  return join(base !== undefined && isAbsolute(base) ? base : join(homedir(), ".cache"), "tixi")
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

// Only this user may have written it: owned by this user, and nobody else may write to it.
const isPrivate = (path: string, kind: "file" | "folder") => {
  const stat = lstatSync(path)
  const user = process.getuid?.()
  return (
    (kind === "file" ? stat.isFile() : stat.isDirectory()) &&
    (user === undefined || stat.uid === user) &&
    (stat.mode & 0o022) === 0
  )
}

// Creates the folder 0700 and answers whether it is this user's alone (a folder someone else
// made or can write to is not used at all).
const preparedCache = (folder: string): boolean => {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    if (!isPrivate(folder, "folder")) return false
    chmodSync(folder, 0o700)
    return true
  } catch {
    return false
  }
}

const templateName = (version: string, checksum: string) => `pglite-${version}-initdb-${checksum}.tar.gz`

// A kept template of this PGlite version whose bytes still match the checksum in its name.
const readKept = (folder: string, version: string): Uint8Array | undefined => {
  const prefix = `pglite-${version}-initdb-`
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(prefix) || !name.endsWith(".tar.gz")) continue
    const path = join(folder, name)
    try {
      if (!isPrivate(path, "file")) continue
      const bytes = new Uint8Array(readFileSync(path))
      if (templateName(version, sha256(bytes)) === name) return bytes
    } catch {
      // Unreadable or gone meanwhile: made again below.
    }
  }
  return undefined
}

let made: Promise<Uint8Array> | undefined

// Running initdb (compiled to WebAssembly) takes several seconds: at most once per process.
const makeTemplate = (): Promise<Uint8Array> => {
  made ??= (async () => {
    const database = await PGlite.create()
    try {
      const dump = await database.dumpDataDir("gzip")
      return new Uint8Array(await dump.arrayBuffer())
    } finally {
      await database.close()
    }
  })()
  return made
}

const keep = (folder: string, version: string, bytes: Uint8Array) => {
  const path = join(folder, templateName(version, sha256(bytes)))
  const partial = `${path}.${process.pid}.partial`
  try {
    writeFileSync(partial, bytes, { mode: 0o600 })
    renameSync(partial, path)
  } catch {
    rmSync(partial, { force: true })
  }
}

const cached = new Map<string, Promise<Blob>>()

/**
 * A freshly initialised PGlite data directory, as a gzipped tarball. Creating a database runs
 * `initdb` compiled to WebAssembly, which takes several seconds; every new database starts from
 * this copy instead (about one second). It is kept in this user's private cache folder, named by
 * the PGlite version and the checksum of its bytes, and used only when it is this user's own and
 * its bytes match its name; written under a temporary name and renamed, so concurrent processes
 * never read half a file. A cache folder that is not this user's alone is not used.
 */
export function initialDataDir(cacheFolder: string = defaultCacheFolder()): Promise<Blob> {
  const existing = cached.get(cacheFolder)
  if (existing !== undefined) return existing
  const template = (async () => {
    const version = pgliteVersion()
    const usable = preparedCache(cacheFolder)
    const kept = usable ? readKept(cacheFolder, version) : undefined
    if (kept !== undefined) return new Blob([kept])
    const bytes = await makeTemplate()
    if (usable) keep(cacheFolder, version, bytes)
    return new Blob([bytes])
  })()
  cached.set(cacheFolder, template)
  return template
}
