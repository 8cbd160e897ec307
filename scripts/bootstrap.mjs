#!/usr/bin/env node
// Lets `npm run demo` and `npm test` work on a machine that has only an older Node and npm.
// tixi needs Node >= 22.19, so the workspace pins a Node 22 binary (the `node` package) and pnpm
// as root dev dependencies. This script installs them once (re-installing when a manifest or
// the lockfile changes), then re-runs the requested package script under that Node 22.
// It must itself run on Node 18+, so it uses nothing newer than that.
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { delimiter, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const binDirectory = join(root, "node_modules", ".bin")
const stampFile = join(root, "node_modules", ".tixi-setup-stamp")
const pnpmScript = join(root, "node_modules", "pnpm", "bin", "pnpm.cjs")
const bundledNode = join(root, "node_modules", "node", "bin", "node")
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
const pinnedPnpm = rootManifest.packageManager.replace(/^pnpm@/, "")

/** The files whose change means dependencies must be installed again. */
function manifestFiles() {
  const files = ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml"]
  for (const group of ["packages", "examples"]) {
    const folder = join(root, group)
    if (!existsSync(folder)) continue
    for (const entry of readdirSync(folder)) files.push(join(group, entry, "package.json"))
  }
  files.push(join("bench", "package.json"))
  return files.filter((file) => existsSync(join(root, file)))
}

function setupFingerprint() {
  const hash = createHash("sha256")
  for (const file of manifestFiles()) {
    hash.update(file)
    hash.update(readFileSync(join(root, file)))
  }
  return hash.digest("hex")
}

function isSetUp(fingerprint) {
  return (
    existsSync(bundledNode) &&
    existsSync(pnpmScript) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint
  )
}

function run(command, args, extraEnvironment = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...extraEnvironment },
  })
  if (result.error) throw result.error
  return result.status ?? 1
}

function install() {
  const frozen = existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : []
  process.stderr.write(`tixi: installing the toolchain (Node 22, pnpm ${pinnedPnpm}) and dependencies…\n`)
  const status = existsSync(pnpmScript)
    ? run(process.execPath, [pnpmScript, "install", ...frozen])
    : run(npmCommand(), ["exec", "--yes", `pnpm@${pinnedPnpm}`, "--", "install", ...frozen])
  if (status !== 0) {
    process.stderr.write("tixi: dependency installation failed; see the output above.\n")
    process.exit(status)
  }
}

function npmCommand() {
  return process.platform === "win32" ? "npm.cmd" : "npm"
}

function ensureSetUp() {
  const fingerprint = setupFingerprint()
  if (isSetUp(fingerprint)) return
  install()
  // The install may have written the lockfile for the first time: fingerprint again.
  writeFileSync(stampFile, setupFingerprint())
}

const [mode, script, ...rest] = process.argv.slice(2)
ensureSetUp()
if (mode === "setup") process.exit(0)
if (mode !== "run" || !script) {
  process.stderr.write("usage: node scripts/bootstrap.mjs setup | run <script> [-- args]\n")
  process.exit(2)
}
const passThrough = rest[0] === "--" ? rest.slice(1) : rest
const status = run(bundledNode, [pnpmScript, "run", "--silent", script, ...passThrough], {
  PATH: [binDirectory, dirname(bundledNode), process.env.PATH].join(delimiter),
})
process.exit(status)
