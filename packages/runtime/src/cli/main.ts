#!/usr/bin/env node
/**
 * The `tixi` command: `serve` runs a runner, `status` shows instances, overdue deadlines, dead
 * letters and retries, `retry <id>` resumes a dead letter.
 */
import { parseArgs } from "node:util"
import { printStatus, retry, serve } from "./commands.ts"
import { loadConfig } from "./load-config.ts"

const usage = `usage: tixi <command> [options]

commands:
  serve                 run a runner: the hosted processes, their timers and the intake
  status [--json]       instances by status, overdue deadlines, dead letters, retry counts
  retry <dead-letter>   retry a parked side effect (ids are listed by tixi status)

options:
  --config <file>       the configuration (default: tixi.config.ts in this folder)
  --help                this help`

async function main(argv: ReadonlyArray<string>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { config: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
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
      await printStatus(await loadConfig(values.config), values.json === true, log)
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
