import { createHash } from "node:crypto"
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { initialDataDir, pgliteVersion } from "../../src/sql/pglite-template.ts"
import { temporaryFolderPerTest } from "../fixtures/temporary-folder.ts"

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer())

// The version as the installed package's own manifest says, found through the runtime's node_modules.
const installedVersion = (): string => {
  const manifest = join(
    dirname(fileURLToPath(import.meta.url)),
    "..",
    "..",
    "node_modules",
    "@electric-sql",
    "pglite",
    "package.json",
  )
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version
}

describe("the PGlite template", () => {
  const parentNow = temporaryFolderPerTest("tixi-template-")

  it("is kept in a private cache folder, named by PGlite's real version and its own checksum", {
    timeout: 120_000,
  }, async () => {
    const cache = join(parentNow(), "cache", "tixi")
    const bytes = await bytesOf(await initialDataDir(cache))
    expect(pgliteVersion()).toBe(installedVersion())
    expect(statSync(cache).mode & 0o777).toBe(0o700)
    const name = `pglite-${installedVersion()}-initdb-${sha256(bytes)}.tar.gz`
    expect(readdirSync(cache)).toEqual([name])
    expect(statSync(join(cache, name)).mode & 0o777).toBe(0o600)
    expect(sha256(new Uint8Array(readFileSync(join(cache, name))))).toBe(sha256(bytes))
  })

  it("ignores a planted template whose bytes do not match its name, and one others can write to", {
    timeout: 120_000,
  }, async () => {
    const real = await bytesOf(await initialDataDir(join(parentNow(), "reference")))
    const cache = join(parentNow(), "planted")
    mkdirSync(cache, { mode: 0o700 })
    const planted = new TextEncoder().encode("a tarball of someone else's choosing")
    // Named as the real one would be, but its bytes are not those.
    writeFileSync(join(cache, `pglite-${installedVersion()}-initdb-${sha256(real)}.tar.gz`), planted)
    // Named by its own checksum, but writable by everyone.
    const writable = join(cache, `pglite-${installedVersion()}-initdb-${sha256(planted)}.tar.gz`)
    writeFileSync(writable, planted)
    chmodSync(writable, 0o666)
    const used = await bytesOf(await initialDataDir(cache))
    expect(sha256(used)).toBe(sha256(real))
    // The real template now stands under its name.
    const kept = readFileSync(join(cache, `pglite-${installedVersion()}-initdb-${sha256(real)}.tar.gz`))
    expect(sha256(new Uint8Array(kept))).toBe(sha256(real))
  })

  // Handing a folder to another user needs root.
  it.skipIf(process.getuid?.() !== 0)(
    "does not use or write to a cache folder another user owns",
    {
      timeout: 120_000,
    },
    async () => {
      const real = await bytesOf(await initialDataDir(join(parentNow(), "reference")))
      const cache = join(parentNow(), "foreign")
      mkdirSync(cache, { mode: 0o700 })
      const planted = new TextEncoder().encode("planted by user 65534")
      writeFileSync(join(cache, `pglite-${installedVersion()}-initdb-${sha256(planted)}.tar.gz`), planted)
      chownSync(join(cache, `pglite-${installedVersion()}-initdb-${sha256(planted)}.tar.gz`), 65534, 65534)
      chownSync(cache, 65534, 65534)
      const used = await bytesOf(await initialDataDir(cache))
      expect(sha256(used)).toBe(sha256(real))
      expect(readdirSync(cache)).toHaveLength(1)
    },
  )
})
