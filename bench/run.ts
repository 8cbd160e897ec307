// Runs the benchmarks: `npm run bench` runs all, `npm run bench -- <name>` the ones named.
// Each writes bench/results/<name>.json with its figures, the baseline and the ratio.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { type Benchmark, environment } from "./harness.ts"

const folder = import.meta.dirname
const requested = process.argv.slice(2).filter((argument) => !argument.startsWith("-"))
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => requested.length === 0 || requested.includes(file.replace(/\.bench\.ts$/, "")))
  .sort()

if (files.length === 0) {
  process.stderr.write(`no benchmark named ${requested.join(", ")}; see bench/*.bench.ts\n`)
  process.exit(2)
}

mkdirSync(join(folder, "results"), { recursive: true })
const format = (value: number) =>
  Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en-US") : value.toPrecision(3)
let failedTargets = 0
for (const file of files) {
  const benchmark: Benchmark = (await import(pathToFileURL(join(folder, file)).href)).default
  process.stdout.write(`\n▶ ${benchmark.name} — ${benchmark.description}\n`)
  const result = await benchmark.run()
  const rows = [
    ["tixi", result.figure.label, `${format(result.figure.value)} ${result.figure.unit}`],
    ["baseline", result.baseline.label, `${format(result.baseline.value)} ${result.baseline.unit}`],
    ["ratio", result.ratioMeaning, format(result.ratio)],
  ]
  if (result.target) rows.push(["target", result.target.description, result.target.met ? "met" : "NOT MET"])
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
  for (const row of rows)
    process.stdout.write(`  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ")}\n`)
  if (result.target && !result.target.met) failedTargets += 1
  const report = {
    name: benchmark.name,
    description: benchmark.description,
    ...result,
    environment: environment(),
    measuredAt: new Date().toISOString(),
  }
  writeFileSync(join(folder, "results", `${benchmark.name}.json`), `${JSON.stringify(report, null, 2)}\n`)
}
process.stdout.write(
  `\n${files.length} benchmark(s) written to bench/results/${failedTargets ? `; ${failedTargets} target(s) not met` : ""}\n`,
)
