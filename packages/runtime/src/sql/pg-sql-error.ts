import {
  AuthenticationError,
  AuthorizationError,
  ConnectionError,
  ConstraintError,
  DeadlockError,
  LockTimeoutError,
  SerializationError,
  SqlError,
  SqlSyntaxError,
  StatementTimeoutError,
  UniqueViolation,
  UnknownError,
} from "effect/sql/SqlError"

/** What a PostgreSQL (or PGlite) error carries: the SQLSTATE and, for constraint errors, the constraint. */
interface PostgresErrorFields {
  readonly code?: unknown
  readonly constraint?: unknown
  readonly message?: unknown
}

/**
 * Maps a PostgreSQL error to Effect's SQL error reasons by its SQLSTATE class, so callers (and
 * cluster storage) can tell a retryable failure (connection, deadlock, serialization) from a bug.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export function toSqlError(cause: unknown, operation: string): SqlError {
  const fields = (typeof cause === "object" && cause !== null ? cause : {}) as PostgresErrorFields
  const code = typeof fields.code === "string" ? fields.code : undefined
  const message = typeof fields.message === "string" ? fields.message : String(cause)
  const props = { cause, message, operation }
  return new SqlError({ reason: classify(code, fields.constraint, props) })
}

function classify(
  code: string | undefined,
  constraint: unknown,
  props: { readonly cause: unknown; readonly message: string; readonly operation: string },
) {
  if (code === undefined) return new UnknownError(props)
  if (code.startsWith("08")) return new ConnectionError(props)
  if (code.startsWith("28")) return new AuthenticationError(props)
  if (code === "42501") return new AuthorizationError(props)
  if (code.startsWith("42")) return new SqlSyntaxError(props)
  if (code === "23505") {
    return new UniqueViolation({
      ...props,
      constraint: typeof constraint === "string" ? constraint : "unknown",
    })
  }
  if (code.startsWith("23")) return new ConstraintError(props)
  if (code === "40P01") return new DeadlockError(props)
  if (code === "40001") return new SerializationError(props)
  if (code === "55P03") return new LockTimeoutError(props)
  if (code === "57014") return new StatementTimeoutError(props)
  return new UnknownError(props)
}

/**
 * Whether the database refused the data itself (SQLSTATE class 22, data exception: a NUL, invalid
 * JSON text, a value out of range; class 54: a value over a limit, such as a too large `jsonb`).
 * Unlike a lost connection, the same rows fail on every retry, so the caller refuses them for
 * good instead of retrying them.
 */
export function isDataRefusal(error: SqlError): boolean {
  const cause = error.reason.cause as PostgresErrorFields | undefined
  return typeof cause?.code === "string" && (cause.code.startsWith("22") || cause.code.startsWith("54"))
}
