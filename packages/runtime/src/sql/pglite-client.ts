import { join } from "node:path"
import { PGlite, types } from "@electric-sql/pglite"
import { Context, Effect, Layer, Semaphore, Stream } from "effect"
import { Reactivity } from "effect/reactivity"
import { SqlClient, type SqlConnection, type SqlError } from "effect/sql"
import { ConnectionError, SqlError as SqlFailure } from "effect/sql/SqlError"
import { restrictToOwner } from "./data-folder-access.ts"
import { type DataFolderInUse, HeldDataFolder, lockDataFolder } from "./data-folder-lock.ts"
import { type DatabaseUnusable, databaseUnusable } from "./database-unusable.ts"
import { makePgCompiler } from "./pg-compiler.ts"
import { toSqlError } from "./pg-sql-error.ts"
import {
  beginSeeding,
  DataFolderUnusable,
  finishSeeding,
  inspectDataDirectory,
} from "./pglite-data-directory.ts"
import { initialDataDir } from "./pglite-template.ts"

/** Where and how the embedded database keeps its data. */
export interface PgliteClientOptions {
  /**
   * The folder holding the database (created when missing) and its lock file. Undefined keeps
   * the database in memory, for tests that do not need it to outlive the process.
   */
  readonly folder?: string | undefined
  /**
   * Skip the flush to disk after each statement. Faster, but a crash can lose the last commits,
   * so it is off unless asked for; benchmarks measure both.
   */
  readonly relaxedDurability?: boolean | undefined
  /**
   * Called once when the database fails beyond repair in this process (disk full, PANIC). Every
   * later statement fails at once without reaching PGlite, which would spin forever; `tixi serve`
   * exits here so a supervisor restarts it.
   */
  readonly onUnusable?: ((failure: DatabaseUnusable) => void) | undefined
}

/** The open PGlite instance behind the `SqlClient`, for callers that need it directly (dumps, closing). */
export class PgliteDatabase extends Context.Service<PgliteDatabase, PGlite>()(
  "@tixi/runtime/PgliteDatabase",
) {}

type RowTransform = (<A extends object>(rows: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined

// PGlite parses int8 to a JS number, which rounds cluster snowflake ids (64-bit). Parse it as a
// bigint, as @effect/sql-pg does, so ids survive a round trip.
const parsers = { [types.INT8]: (value: string) => BigInt(value) }

// Bigint parameters (snowflakes) travel as text; PostgreSQL casts them by the column's type.
const bindable = (params: ReadonlyArray<unknown>): Array<unknown> =>
  params.map((value) => (typeof value === "bigint" ? value.toString() : value))

/** Whether the database has failed beyond repair, and the failure (set once, never cleared). */
interface Health {
  unusable: DatabaseUnusable | undefined
}

const makeConnection = (
  database: PGlite,
  health: Health,
  onUnusable: ((failure: DatabaseUnusable) => void) | undefined,
): SqlConnection.Connection => {
  // After a disk-full or PANIC failure PGlite never answers again (it spins inside WebAssembly,
  // blocking the event loop); no statement reaches it after the first such failure.
  const guarded = <A>(call: () => Promise<A>) =>
    Effect.suspend(() =>
      health.unusable !== undefined
        ? Effect.fail(
            new SqlFailure({
              reason: new ConnectionError({
                cause: health.unusable,
                message: health.unusable.message,
                operation: "execute",
              }),
            }),
          )
        : Effect.tryPromise({
            try: call,
            catch: (cause) => {
              const unusable = databaseUnusable(cause)
              if (unusable !== undefined && health.unusable === undefined) {
                health.unusable = unusable
                onUnusable?.(unusable)
              }
              return toSqlError(cause, "execute")
            },
          }),
    )
  const run = (sql: string, params: ReadonlyArray<unknown>, rowMode: "array" | "object") =>
    guarded(() => database.query(sql, bindable(params), { rowMode, parsers }))
  const rows = (sql: string, params: ReadonlyArray<unknown>, transformRows: RowTransform) =>
    Effect.map(run(sql, params, "object"), (result) => {
      const found = result.rows as ReadonlyArray<object>
      return transformRows ? transformRows(found) : found
    })
  // Without parameters the simple protocol runs, which accepts several statements at once
  // (migrations); with parameters the extended protocol runs one statement.
  const unprepared = (sql: string, params: ReadonlyArray<unknown>, transformRows: RowTransform) =>
    params.length > 0
      ? rows(sql, params, transformRows)
      : guarded(() => database.exec(sql, { parsers })).pipe(
          Effect.map((results) => {
            const found = (results.at(-1)?.rows ?? []) as ReadonlyArray<object>
            return transformRows ? transformRows(found) : found
          }),
        )
  return {
    execute: rows,
    executeRaw: (sql, params) => run(sql, params, "object"),
    executeStream: (sql, params, transformRows) =>
      Stream.fromIterableEffect(
        rows(sql, params, transformRows) as Effect.Effect<ReadonlyArray<unknown>, never>,
      ),
    executeValues: (sql, params) =>
      Effect.map(run(sql, params, "array"), (result) => result.rows as ReadonlyArray<ReadonlyArray<unknown>>),
    executeValuesUnprepared: (sql, params) =>
      Effect.map(run(sql, params, "array"), (result) => result.rows as ReadonlyArray<ReadonlyArray<unknown>>),
    executeUnprepared: unprepared,
  }
}

/**
 * Opens PGlite (PostgreSQL compiled to WebAssembly, in this process) and builds an Effect
 * `SqlClient` over it. PGlite has one session, so statements share it through a one-permit
 * semaphore and a transaction holds the permit from BEGIN to COMMIT: no other fiber's statement
 * can land inside it. The driver is named `pglite`, which makes Effect Cluster's runner storage
 * use table leases instead of session advisory locks (one session cannot hold them apart).
 */
export const makePgliteClient = (options: PgliteClientOptions = {}) =>
  Effect.gen(function* () {
    const held = options.folder !== undefined ? yield* lockDataFolder(options.folder) : undefined
    const dataDir = options.folder !== undefined ? join(options.folder, "pgdata") : undefined
    const health: Health = { unusable: undefined }
    const start = dataDir === undefined ? "seed" : yield* inspectDataDirectory(dataDir)
    if (dataDir !== undefined && start === "seed") yield* beginSeeding(dataDir)
    const database = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: async () =>
          PGlite.create({
            ...(dataDir !== undefined ? { dataDir } : {}),
            // A new database starts from a copy of an initialised one instead of running initdb.
            ...(start === "seed" ? { loadDataDir: await initialDataDir() } : {}),
            relaxedDurability: options.relaxedDurability ?? false,
          }),
        catch: (cause) => toSqlError(cause, "open"),
      }).pipe(
        Effect.mapError((error) =>
          dataDir === undefined
            ? error
            : new DataFolderUnusable({
                folder: dataDir,
                reason: `PostgreSQL did not start on it (${error.message})`,
              }),
        ),
      ),
      // Closing an unusable database would spin like any other statement; the next start recovers.
      (opened) =>
        Effect.promise(() =>
          opened.closed || health.unusable !== undefined ? Promise.resolve() : opened.close(),
        ),
    )
    if (dataDir !== undefined && start === "seed") yield* finishSeeding(dataDir)
    if (options.folder !== undefined) yield* restrictToOwner(options.folder)
    const connection = makeConnection(database, health, options.onUnusable)
    const semaphore = yield* Semaphore.make(1)
    const acquirers = SqlClient.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore,
      isTransaction: () => database.isInTransaction(),
    })
    const client = yield* SqlClient.make({
      ...acquirers,
      compiler: makePgCompiler(),
      driver: "pglite",
      spanAttributes: [["db.system.name", "postgresql"]],
    })
    return { client, database, held }
  })

/**
 * Provides `SqlClient` (and the `PgliteDatabase` under it) over an embedded PGlite database; on
 * disk also `HeldDataFolder`, read with `Effect.serviceOption` since an in-memory one has none.
 */
export const pgliteLayer = (
  options: PgliteClientOptions = {},
): Layer.Layer<
  SqlClient.SqlClient | PgliteDatabase,
  DataFolderInUse | DataFolderUnusable | SqlError.SqlError
> =>
  Layer.effectContext(
    Effect.map(makePgliteClient(options), ({ client, database, held }) => {
      const context = Context.make(SqlClient.SqlClient, client).pipe(Context.add(PgliteDatabase, database))
      return held === undefined ? context : Context.add(context, HeldDataFolder, held)
    }),
  ).pipe(Layer.provide(Reactivity.layer))
