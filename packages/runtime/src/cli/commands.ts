import { randomBytes } from "node:crypto"
import { chinaMainlandCalendar, Directory, Planning } from "@tixi/core"
import { Effect, Fiber, Layer, Redacted, Result } from "effect"
import { SqlClient } from "effect/sql"
import { withStatusAccess } from "../access/reading.ts"
import { AdminServer } from "../admin/admin-server.ts"
import { makeAuditTrail } from "../audit/audit-trail.ts"
import type { TixiConfig } from "../config/define-config.ts"
import { IntakeServer } from "../intake/intake-server.ts"
import { databaseLayer, diskWatermark, readingOptions, runnerLayer } from "../runner/runner-layer.ts"
import type { DatabaseUnusable } from "../sql/database-unusable.ts"
import { readDiskSpace } from "../status/disk-space.ts"
import { formatProgress } from "../status/format-progress.ts"
import { formatStatus } from "../status/format-status.ts"
import { readOpenItems } from "../status/open-items.ts"
import { readStatus } from "../status/runtime-status.ts"
import type { ProjectedStatus } from "../status/status-projection.ts"
import { ensureSchema } from "../storage/schema.ts"
import { adminTokenFile, embeddedHolder, remoteRetry, remoteStatus } from "./admin-client.ts"

/** `tixi serve`: runs the runner until SIGINT/SIGTERM, then shuts down cleanly. */
export async function serve(config: TixiConfig, log: (line: string) => void): Promise<void> {
  // `tixi status` on this machine reads a generated token from the data folder (0600), where
  // the admin listener writes it once the folder's lock is held.
  const generated = config.database.kind === "pglite" && config.admin.token === undefined
  const effective = generated
    ? { ...config, admin: { ...config.admin, token: Redacted.make(randomBytes(24).toString("hex")) } }
    : config
  const adminTokenPath =
    generated && config.database.kind === "pglite" ? adminTokenFile(config.database.folder) : undefined
  const program = Effect.gen(function* () {
    const intake = yield* IntakeServer
    const names = effective.processes.map(
      (hosted) => `${hosted.definition.name} v${hosted.definition.version}`,
    )
    log(`tixi: runner ${effective.runner.id} serving ${names.join(", ")}`)
    log(
      `tixi: database ${effective.database.kind === "pglite" ? `PGlite in ${effective.database.folder}` : "PostgreSQL"}; ${
        effective.intake === false ? "no intake" : `intake on ${intake.url}`
      }`,
    )
    const admin = yield* Effect.serviceOption(AdminServer)
    if (admin._tag === "Some") log(`tixi: admin endpoints on ${admin.value.address}`)
    return yield* Effect.never
  })
  // Effect's timers do not hold Node's event loop open; without an intake (or with PostgreSQL's
  // idle sockets only) the process would exit while its timers wait.
  const keepAlive = setInterval(() => {}, 1 << 30)
  let unusable: (failure: DatabaseUnusable) => void = () => {}
  const fiber = Effect.runFork(
    program.pipe(
      Effect.provide(
        runnerLayer(effective, {
          onDatabaseUnusable: (failure) => unusable(failure),
          adminTokenFile: adminTokenPath,
        }),
      ),
      Effect.scoped,
    ),
  )
  fiber.addObserver(() => clearInterval(keepAlive))
  await new Promise<void>((resolve, reject) => {
    // The database will not answer again; stopping cleanly would wait on it, so fail at once and
    // let the supervisor (systemd, Kubernetes, pm2) start a fresh process once space is freed.
    unusable = (failure) => reject(new Error(`the runner stopped: ${failure.message}`))
    const stop = () => {
      log("tixi: stopping…")
      Effect.runPromise(Fiber.interrupt(fiber)).then(() => resolve(), reject)
    }
    process.once("SIGINT", stop)
    process.once("SIGTERM", stop)
    fiber.addObserver((exit) => {
      if (exit._tag === "Failure" && !exit.cause.reasons.every((reason) => reason._tag === "Interrupt")) {
        reject(new Error(`the runner stopped: ${String(exit.cause.reasons[0])}`))
      }
    })
  })
}

/**
 * The status from the database; for a named reader projected and audited, the reader resolved
 * through the configuration's own `Directory` (its host adapters) in its organisation and access rules.
 */
const localStatus = (config: TixiConfig, as: string | undefined): Promise<ProjectedStatus> => {
  const current = Effect.gen(function* () {
    yield* ensureSchema
    const whole = yield* readStatus
    const watermark = diskWatermark(config)
    return watermark === undefined ? whole : { ...whole, disk: yield* readDiskSpace(watermark) }
  })
  const database = Layer.orDie(databaseLayer(config))
  if (as === undefined) return Effect.runPromise(current.pipe(Effect.provide(database)))
  return Effect.runPromise(
    Effect.gen(function* () {
      const reading = withStatusAccess(yield* Directory, yield* makeAuditTrail, readingOptions(config))
      return yield* reading.statusAs(as, yield* current)
    }).pipe(Effect.provide(Layer.orDie(config.host)), Effect.provide(database)),
  )
}

/** Whether a runner on this machine holds the embedded database, so commands go through its admin endpoints. */
export const usesRunningEmbedded = (config: TixiConfig) =>
  config.database.kind === "pglite" && embeddedHolder(config.database.folder) !== undefined

/**
 * `tixi status [--as <person>]`: from the database, or from the runner holding the embedded
 * database. With `as`, what that person's posts may read (`projectStatus`: instance ids, error
 * texts and intake reasons above their level or outside their need-to-know masked, every count
 * kept), the read recorded in the audit trail.
 *
 * Without `as`, the whole status, as before: whoever runs it holds the database's credentials or
 * the admin token (the 0600 token file in the data folder, or `TIXI_ADMIN_TOKEN`), so they can read
 * the same rows with `psql`, `tixi audit` (which prints refusal reasons whole) or
 * `tixi personal-data export`; masking for them would protect nothing and would hide the error
 * text an operator needs to repair a dead letter before `tixi retry`. Staff never run the CLI:
 * they read through their hosts and the staff API, which name them, as `--as` does.
 */
export async function status(config: TixiConfig, as?: string): Promise<ProjectedStatus> {
  return usesRunningEmbedded(config) ? remoteStatus(config, as) : localStatus(config, as)
}

/** `tixi status` as printed: a table, or JSON with masked values as the access model's marker. */
export async function printStatus(
  config: TixiConfig,
  json: boolean,
  log: (line: string) => void,
  as?: string,
) {
  const current = await status(config, as)
  log(json ? JSON.stringify(current, null, 2) : formatStatus(current))
}

/**
 * `tixi progress [--department D]`: the open instances of the stored database per department and
 * owner, most urgent first, in working time on the China mainland calendar (工作进度控制). Read from
 * the database directly: stop a runner holding an embedded database first.
 */
export async function printProgress(
  config: TixiConfig,
  department: string | undefined,
  json: boolean,
  log: (line: string) => void,
): Promise<void> {
  if (usesRunningEmbedded(config))
    throw new Error("a runner holds the embedded database: stop it to read progress, or use PostgreSQL")
  const items = await Effect.runPromise(
    Effect.gen(function* () {
      yield* ensureSchema
      return yield* readOpenItems(department)
    }).pipe(Effect.provide(Layer.orDie(databaseLayer(config)))),
  )
  const progress = Planning.workProgress(items, Date.now(), chinaMainlandCalendar())
  if (Result.isFailure(progress)) throw progress.failure
  log(json ? JSON.stringify(progress.success, null, 2) : formatProgress(progress.success))
}

/** `tixi retry <id>`: marks a parked dead letter for retry; a runner resumes it within a second. */
export async function retry(config: TixiConfig, id: string): Promise<void> {
  if (usesRunningEmbedded(config)) return remoteRetry(config, id)
  await Effect.runPromise(
    Effect.gen(function* () {
      yield* ensureSchema
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql`
        UPDATE tixi_dead_letters SET status = 'retry-requested', retry_requested_at = ${Date.now()}
        WHERE id = ${id} AND status = 'parked' RETURNING id
      `
      if (rows.length === 0)
        return yield* Effect.fail(new Error(`no parked dead letter has id ${JSON.stringify(id)}`))
    }).pipe(Effect.provide(Layer.orDie(databaseLayer(config)))),
  )
}
