/**
 * SQL literals for the embedded engine's batched writes. A whole group commit is one statement
 * whose values are written into its text: PGlite then runs it over the simple query protocol (two
 * calls into the WebAssembly module instead of six for a parameterised statement), and there is
 * no limit of 65,535 parameters to chunk around. Values are quoted as PostgreSQL string
 * constants, which the server types from their context exactly as it types untyped parameters.
 * This relies on `standard_conforming_strings` (on by default since PostgreSQL 9.1, and in
 * PGlite), which the engine checks when it starts: backslashes are then ordinary characters and
 * only the quote needs doubling.
 */

/** A value a literal can hold. */
export type LiteralValue = string | number | bigint | boolean | null | undefined

/** A string constant; a NUL character cannot be stored in PostgreSQL text, so it is refused here. */
export function quote(text: string): string {
  if (text.includes("\u0000")) throw new TypeError("text with a NUL character cannot be stored")
  return `'${text.replaceAll("'", "''")}'`
}

/** The literal of one value: NULL, a quoted constant, or a number written as a quoted constant. */
export function literal(value: LiteralValue): string {
  if (value === null || value === undefined) return "NULL"
  if (typeof value === "string") return quote(value)
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE"
  if (typeof value === "bigint") return `'${value.toString()}'`
  if (!Number.isFinite(value)) throw new TypeError(`${value} cannot be stored as a number`)
  return `'${String(value)}'`
}

/** A JSON document as a `jsonb` literal (undefined becomes SQL NULL). */
export function jsonLiteral(value: unknown): string {
  if (value === undefined) return "NULL"
  return `${quote(JSON.stringify(value))}::jsonb`
}

/** One row of values, in parentheses. */
export const rowLiteral = (values: ReadonlyArray<string>): string => `(${values.join(", ")})`
