// `npm run demo`: ninety days of complaints through both flow charts on the embedded default
// (tixi's durable runtime over PGlite, simulated hosts and clock), then the statistics as tables
// and JSON.
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, relative, resolve } from "node:path"
import { isLocale, type Locale } from "@tixi/core"
import { Effect } from "effect"
import { renderReport } from "./render.ts"
import { buildReport } from "./report.ts"
import { defaultSimulationOptions, simulate } from "./simulation.ts"

const usage = `Usage: npm run demo [-- --lang zh-CN|en] [--out <file>] [--seed <number>] [--data <folder>]

  --lang   the language of the tables (default zh-CN)
  --out    where to write the JSON (default .tixi/complaints-simulation.json)
  --seed   another seed gives another, equally reproducible, ninety days
  --data   the folder of the run's PGlite database, emptied first (default .tixi/demo-data)
`

function parseArguments(argv: ReadonlyArray<string>): {
  locale: Locale
  out: string
  seed: number
  data: string
} {
  let locale: Locale = "zh-CN"
  let out = ".tixi/complaints-simulation.json"
  let data = ".tixi/demo-data"
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
      case "--data": {
        const given = value()
        if (given === undefined || given.length === 0) throw new Error("--data takes a folder")
        data = given
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
  return { locale, out, seed, data }
}

/** Runs the demo with its command-line arguments and returns the exit code; `tixi demo` runs it too. */
export async function runDemo(argv: ReadonlyArray<string>): Promise<number> {
  try {
    const { locale, out, seed, data } = parseArguments(argv)
    process.stdout.write(
      locale === "zh-CN"
        ? `正在 tixi 持久化运行时上模拟 90 天的客户投诉（PGlite 数据库：${data}）……\n\n`
        : `Simulating ninety days of complaints on tixi's durable runtime (PGlite database in ${data})…\n\n`,
    )
    const started = performance.now()
    // Each run starts from an empty database, so the ninety days are the same every time.
    rmSync(data, { recursive: true, force: true })
    const outcome = await Effect.runPromise(simulate({ ...defaultSimulationOptions, seed, dataFolder: data }))
    const report = buildReport(outcome)
    const elapsed = (performance.now() - started) / 1000
    const path = resolve(out)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
    process.stdout.write(
      `${renderReport(report, locale, elapsed, relative(process.cwd(), path) || path, {
        folder: data,
        transactions: outcome.engine.transactions ?? 0,
      })}\n`,
    )
    return 0
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
}

if (import.meta.main) process.exitCode = await runDemo(process.argv.slice(2))
