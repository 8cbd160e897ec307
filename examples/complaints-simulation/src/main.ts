// `npm run demo`: ninety days of complaints through both flow charts on the embedded default
// (the in-memory runner and hosts, a simulated clock), then the statistics as tables and JSON.
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, relative, resolve } from "node:path"
import { isLocale, type Locale } from "@tixi/core"
import { Effect } from "effect"
import { renderReport } from "./render.ts"
import { buildReport } from "./report.ts"
import { defaultSimulationOptions, simulate } from "./simulation.ts"

const usage = `Usage: npm run demo [-- --lang zh-CN|en] [--out <file>] [--seed <number>]

  --lang   the language of the tables (default zh-CN)
  --out    where to write the JSON (default .tixi/complaints-simulation.json)
  --seed   another seed gives another, equally reproducible, ninety days
`

function parseArguments(argv: ReadonlyArray<string>): { locale: Locale; out: string; seed: number } {
  let locale: Locale = "zh-CN"
  let out = ".tixi/complaints-simulation.json"
  let seed = defaultSimulationOptions.seed
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index]!.split("=", 2) as [string, string | undefined]
    const value = () => inline ?? argv[++index]
    switch (flag) {
      case "--lang": {
        const given = value()
        if (!isLocale(given)) throw new Error(`--lang takes zh-CN or en, not ${given}`)
        locale = given
        break
      }
      case "--out": {
        const given = value()
        if (given === undefined || given.length === 0) throw new Error("--out takes a file name")
        out = given
        break
      }
      case "--seed": {
        const given = Number(value())
        if (!Number.isSafeInteger(given) || given < 0) throw new Error("--seed takes a whole number")
        seed = given
        break
      }
      case "--help":
      case "-h":
        process.stdout.write(usage)
        process.exit(0)
        break
      default:
        throw new Error(`unknown option ${argv[index]}\n\n${usage}`)
    }
  }
  return { locale, out, seed }
}

try {
  const { locale, out, seed } = parseArguments(process.argv.slice(2))
  process.stdout.write(
    locale === "zh-CN" ? "正在模拟 90 天的客户投诉……\n\n" : "Simulating ninety days of complaints…\n\n",
  )
  const started = performance.now()
  const outcome = await Effect.runPromise(simulate({ ...defaultSimulationOptions, seed }))
  const report = buildReport(outcome)
  const elapsed = (performance.now() - started) / 1000
  const path = resolve(out)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
  process.stdout.write(`${renderReport(report, locale, elapsed, relative(process.cwd(), path) || path)}\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(2)
}
