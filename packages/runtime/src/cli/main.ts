#!/usr/bin/env node
/**
 * The `tixi` command: `serve` runs a runner, `status [--as <person>]` shows instances, overdue
 * deadlines, dead letters and retries (as that person may read them), `progress` the open items per department, `retry <id>` resumes a dead
 * letter, `audit` reads the audit trail, `demo` runs the ninety-day complaints
 * simulation on the durable runtime, `handbook [words…]` finds handbook items and prints the
 * coverage table.
 */
import { parseArgs } from "node:util"
import { runAudit } from "./audit.ts"
import { printProgress, printStatus, retry, serve } from "./commands.ts"
import { runDemo } from "./demo.ts"
import { runHandbook } from "./handbook.ts"
import { loadConfig } from "./load-config.ts"
import { runPersonalData } from "./personal-data.ts"

const usage = `usage: tixi <command> [options]

commands:
  serve                 run a runner: the hosted processes, their timers and the intake
  status [--json] [--as <person>]
                        instances by status, overdue deadlines, dead letters, retry counts;
                        --as shows what that person's posts may read (instance ids, error texts
                        and intake reasons above their level or outside their module masked,
                        counts kept) and records the read in the audit trail
  progress [--department D] [--json]
                        open items per department and owner, overdue and due soon first (工作进度控制)
  retry <dead-letter>   retry a parked side effect (ids are listed by tixi status)
  audit [--person X] [--process P] [--instance I] [--since DATE] [--until DATE]
        [--outcome accepted|refused|failed] [--format table|json|csv] [--output FILE]
                        the audit trail (writes, approvals, refusals, reads of 秘密/机密 fields)
                        and a summary line by outcome and post
  personal-data export <person> [--output FILE]
                        what tixi's database holds about a natural person (PIPL), zh/en labels
  personal-data erase <person> --reason TEXT [--requested-by ID] [--dry-run]
                        erases the person's values (audited); a dry run prints counts, not values
  demo [--lang en]      ninety days of complaints on the durable runtime over PGlite (a simulation)
  handbook [words…] [--lang en]
                        handbook items matching the words (e.g. 登记表) and the coverage table

options:
  --config <file>       the configuration (default: tixi.config.ts in this folder)
  --help                this help`

async function main(argv: ReadonlyArray<string>): Promise<number> {
  // The demo has options of its own (--lang, --seed, --out, --data); it reads them itself.
  if (argv[0] === "demo") return runDemo(argv.slice(1))
  if (argv[0] === "audit")
    return runAudit(argv.slice(1), {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    })
  if (argv[0] === "personal-data")
    return runPersonalData(argv.slice(1), {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    })
  if (argv[0] === "handbook") return runHandbook(argv.slice(1), (line) => process.stdout.write(`${line}\n`))
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: "string" },
      json: { type: "boolean" },
      department: { type: "string" },
      as: { type: "string" },
      help: { type: "boolean" },
    },
  })
  const [command, ...rest] = positionals
  const log = (line: string) => process.stdout.write(`${line}\n`)
  if (values.help || command === undefined) {
    log(usage)
    return values.help ? 0 : 1
  }
  switch (command) {
    case "serve":
      await serve(await loadConfig(values.config), log)
      return 0
    case "status":
      if (values.as !== undefined && values.as.trim() === "") {
        log("tixi status: --as names the person reading, e.g. --as officer-wu")
        return 1
      }
      await printStatus(await loadConfig(values.config), values.json === true, log, values.as)
      return 0
    case "progress":
      await printProgress(await loadConfig(values.config), values.department, values.json === true, log)
      return 0
    case "retry": {
      const id = rest[0]
      if (id === undefined) {
        log("tixi retry: name the dead letter to retry, e.g. tixi retry dl-3f2a9c01b4e5 (see tixi status)")
        return 1
      }
      await retry(await loadConfig(values.config), id)
      log(`tixi: ${id} will be retried within a second`)
      return 0
    }
    default:
      log(`tixi: unknown command ${JSON.stringify(command)}\n\n${usage}`)
      return 1
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`tixi: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
