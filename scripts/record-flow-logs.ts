// Records the event logs the replay test keeps (packages/core/test/process/recorded/<flow>.json).
// Run it against the deciders whose stored events must stay readable, before changing them:
//   node --conditions=@tixi/source scripts/record-flow-logs.ts [flow…] [--add]
// A fixture that exists is never rewritten (that would make the replay test agree with any
// change); `--add` records only the scenarios a fixture lacks, keeping those it has.

import { execFileSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { recordedFlows } from "../packages/core/test/process/recorded/index.ts"
import { type RecordedFlow, recordScenario } from "../packages/core/test/process/recorded/scenario.ts"

const args = process.argv.slice(2)
const add = args.includes("--add")
const chosen = args.filter((arg) => !arg.startsWith("--"))
const folder = new URL("../packages/core/test/process/recorded/", import.meta.url)
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim()

for (const [file, scenarios] of Object.entries(recordedFlows)) {
  if (chosen.length > 0 && !chosen.includes(file)) continue
  const path = new URL(`${file}.json`, folder)
  const existing = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as RecordedFlow) : undefined
  if (existing !== undefined && !add) {
    console.log(`${file}: kept (exists; --add records missing scenarios only)`)
    continue
  }
  const known = new Set(existing?.scenarios.map((scenario) => scenario.name) ?? [])
  const recorded = scenarios.filter((scenario) => !known.has(scenario.name)).map(recordScenario)
  const definition = scenarios[0]!.definition
  const flow: RecordedFlow = {
    flow: definition.name,
    version: definition.version,
    recordedFrom: existing?.recordedFrom ?? `commit ${commit}`,
    scenarios: [
      ...(existing?.scenarios ?? []),
      ...recorded.map((scenario) => ({ ...scenario, recordedAt: `commit ${commit}` })),
    ],
  }
  writeFileSync(path, `${JSON.stringify(flow, null, 1)}\n`)
  console.log(`${file}: ${recorded.length} scenario(s) recorded at ${commit}`)
}
