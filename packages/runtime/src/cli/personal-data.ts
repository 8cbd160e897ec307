/**
 * `tixi personal-data export|erase <person>`: a natural person's PIPL requests against the
 * runner's database — what tixi holds about them (JSON, zh/en captions), or its erasure with a
 * reason (a dry run prints the counts per process and field, never the values).
 */
import { writeFileSync } from "node:fs"
import { parseArgs } from "node:util"
import { Layer, ManagedRuntime } from "effect"
import { auditTrailLayer } from "../audit/audit-trail.ts"
import type { TixiConfig } from "../config/define-config.ts"
import { eraseStoredPersonalData, exportStoredPersonalData } from "../privacy/personal-data-store.ts"
import { databaseLayer } from "../runner/runner-layer.ts"
import { ensureSchema } from "../storage/schema.ts"
import { usesRunningEmbedded } from "./commands.ts"
import { loadConfig } from "./load-config.ts"

const usage = `usage: tixi personal-data export <person> [--output FILE] [--config FILE]
       tixi personal-data erase <person> --reason TEXT [--requested-by ID] [--dry-run] [--config FILE]`

const openStore = (config: TixiConfig) =>
  ManagedRuntime.make(
    auditTrailLayer.pipe(
      Layer.provideMerge(Layer.effectDiscard(ensureSchema)),
      Layer.provideMerge(Layer.orDie(databaseLayer(config))),
    ),
  )

/** Runs `tixi personal-data`; returns the exit code (2 for a request it will not run). */
export async function runPersonalData(
  argv: ReadonlyArray<string>,
  streams: { readonly out: (text: string) => void; readonly err: (text: string) => void },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: "string" },
      output: { type: "string" },
      reason: { type: "string" },
      "requested-by": { type: "string" },
      "dry-run": { type: "boolean" },
    },
  })
  const [action, person] = positionals
  if ((action !== "export" && action !== "erase") || person === undefined) {
    streams.err(`${usage}\n`)
    return 2
  }
  if (action === "erase" && (values.reason ?? "").trim() === "") {
    streams.err(`personal-data erase: --reason is required\n${usage}\n`)
    return 2
  }
  const config = await loadConfig(values.config)
  // A running runner holds the embedded database and its instances' state in memory: erasing
  // under it would leave that copy, so the request waits until the runner is stopped.
  if (usesRunningEmbedded(config)) {
    streams.err("personal-data: a runner holds the embedded database; stop it first\n")
    return 2
  }
  const store = openStore(config)
  try {
    if (action === "export") {
      const exported = await store.runPromise(exportStoredPersonalData(person))
      const text = `${JSON.stringify(exported, null, 2)}\n`
      if (values.output === undefined) streams.out(text)
      else writeFileSync(values.output, text)
      streams.err(`${exported.values.length} values, ${exported.auditEntries.length} audit entries\n`)
      return 0
    }
    const report = await store.runPromise(
      eraseStoredPersonalData(person, {
        reason: values.reason!,
        requestedBy: values["requested-by"] ?? process.env.USER ?? "operator",
        dryRun: values["dry-run"] === true,
      }),
    )
    streams.out(`${JSON.stringify(report, null, 2)}\n`)
    return 0
  } catch (error) {
    streams.err(`personal-data: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  } finally {
    await store.dispose()
  }
}
