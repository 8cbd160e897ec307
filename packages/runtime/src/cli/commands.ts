import { randomBytes } from "node:crypto"
import { chinaMainlandCalendar, Planning } from "@tixi/core"
import { Effect, Fiber, Layer, Redacted, Result } from "effect"
import { SqlClient } from "effect/sql"
import { AdminServer } from "../admin/admin-server.ts"
import type { TixiConfig } from "../config/define-config.ts"
import { IntakeServer } from "../intake/intake-server.ts"
import { databaseLayer, diskWatermark, runnerLayer } from "../runner/runner-layer.ts"
import type { DatabaseUnusable } from "../sql/database-unusable.ts"
import { readDiskSpace } from "../status/disk-space.ts"
import { formatProgress } from "../status/format-progress.ts"
import { formatStatus } from "../status/format-status.ts"
import { readOpenItems } from "../status/open-items.ts"
import { type RuntimeStatus, readStatus } from "../status/runtime-status.ts"
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

const localStatus = (config: TixiConfig) =>
  Effect.runPromise(
    Effect.gen(function* () {
      yield* ensureSchema
      const current = yield* readStatus
      const watermark = diskWatermark(config)
      return watermark === undefined ? current : { ...current, disk: yield* readDiskSpace(watermark) }
    }).pipe(Effect.provide(Layer.orDie(databaseLayer(config)))),
  )

/** Whether a runner on this machine holds the embedded database, so commands go through its admin endpoints. */
export const usesRunningEmbedded = (config: TixiConfig) =>
  config.database.kind === "pglite" && embeddedHolder(config.database.folder) !== undefined

/** `tixi status`: from the database, or from the runner holding the embedded database. */
export async function status(config: TixiConfig): Promise<RuntimeStatus> {
  return usesRunningEmbedded(config) ? remoteStatus(config) : localStatus(config)
}

/** `tixi status` as printed. */
export async function printStatus(config: TixiConfig, json: boolean, log: (line: string) => void) {
  const current = await status(config)
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
