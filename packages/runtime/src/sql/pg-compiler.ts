import { Statement } from "effect/sql"

/** A JSON value bound as one `jsonb` parameter, e.g. `sql\`INSERT … VALUES (${json(state)})\``. */
export interface PgJsonValue extends Statement.Custom<"TixiPgJson", unknown> {}

const PgJsonValue = Statement.custom<PgJsonValue>("TixiPgJson")

/**
 * Wraps a value so the compiler binds it as JSON text cast to `jsonb`, the same way on PGlite and
 * on PostgreSQL; the drivers then never guess how to serialise an object.
 */
export const json = (value: unknown): Statement.Fragment => Statement.fragment([PgJsonValue(value)])

const escapeIdentifier = Statement.defaultEscape('"')

/**
 * The PostgreSQL dialect of Effect's statement compiler: `$n` placeholders, `"`-quoted
 * identifiers, `UPDATE … FROM (values …)` for record updates. PGlite speaks the same dialect, so
 * cluster storage (which branches on the `pg` dialect) issues the same SQL on both.
 */
export const makePgCompiler = (): Statement.Compiler =>
  Statement.makeCompiler<PgJsonValue>({
    dialect: "pg",
    placeholder: (index) => `$${index}`,
    onIdentifier: (value) => escapeIdentifier(value),
    onRecordUpdate: (placeholders, alias, columns, values, returning) => [
      `(values ${placeholders}) AS ${alias}${columns}${returning ? ` RETURNING ${returning[0]}` : ""}`,
      returning ? values.flat().concat(returning[1]) : values.flat(),
    ],
    onCustom: (custom, placeholder) => [`${placeholder(undefined)}::jsonb`, [JSON.stringify(custom.paramA)]],
  })
