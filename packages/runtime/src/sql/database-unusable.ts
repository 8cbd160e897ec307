import { Data } from "effect"

/**
 * The database failed in a way it does not come back from inside this process: the disk is full
 * or PostgreSQL reported a PANIC. PGlite (PostgreSQL in WebAssembly) spins forever on the next
 * statement after such a failure, blocking the event loop so no timeout fires, and freeing space
 * does not help; the only safe course is to stop touching it and let a supervisor restart the
 * process (PostgreSQL replays its WAL on start).
 */
export class DatabaseUnusable extends Data.TaggedError("DatabaseUnusable")<{
  /** What PostgreSQL reported, e.g. `could not extend file "base/5/16385": No space left on device`. */
  readonly detail: string
  readonly diskFull: boolean
}> {
  override get message(): string {
    return this.diskFull
      ? `the database's disk is full (${this.detail}); free space and restart tixi (a supervisor restarts it by itself)`
      : `the database failed and cannot continue in this process (${this.detail}); restart tixi (a supervisor restarts it by itself)`
  }
}

/** What a PGlite or PostgreSQL error carries that tells a fatal failure apart. */
interface FailureFields {
  readonly code?: unknown
  readonly severity?: unknown
  readonly message?: unknown
}

/**
 * Whether a database error leaves the database unusable in this process: SQLSTATE 53100
 * (disk_full), any message naming ENOSPC ("No space left on device", which PostgreSQL reports
 * under other codes when a WAL or checkpoint write fails), a PANIC, or the WebAssembly module
 * aborting. https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export function databaseUnusable(cause: unknown): DatabaseUnusable | undefined {
  const fields = (typeof cause === "object" && cause !== null ? cause : {}) as FailureFields
  const message = typeof fields.message === "string" ? fields.message : String(cause)
  const diskFull = fields.code === "53100" || /no space left on device|ENOSPC/i.test(message)
  // A WebAssembly trap (abort, unreachable) surfaces as a RuntimeError.
  const panic = fields.severity === "PANIC" || (cause instanceof Error && cause.name === "RuntimeError")
  return diskFull || panic ? new DatabaseUnusable({ detail: message, diskFull }) : undefined
}
