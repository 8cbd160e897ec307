import { Statement } from "effect/sql"

/**
 * A value bound as one parameter holding its JSON text, the same way on PGlite and on PostgreSQL
 * (each driver's compiler knows only its own custom fragments, so this uses none). PostgreSQL
 * types the parameter from its target column (`INSERT`, `UPDATE … SET`); elsewhere, as in a
 * `SELECT` list, write the cast: `${json(value)}::jsonb`.
 */
export const json = (value: unknown): Statement.Fragment =>
  Statement.fragment([Statement.parameter(JSON.stringify(value))])

const escapeIdentifier = Statement.defaultEscape('"')

/**
 * The PostgreSQL dialect of Effect's statement compiler: `$n` placeholders, `"`-quoted
 * identifiers, `UPDATE … FROM (values …)` for record updates. PGlite speaks the same dialect, so
 * cluster storage (which branches on the `pg` dialect) issues the same SQL on both.
 */
export const makePgCompiler = (): Statement.Compiler =>
  Statement.makeCompiler({
    dialect: "pg",
    placeholder: (index) => `$${index}`,
    onIdentifier: (value) => escapeIdentifier(value),
    onRecordUpdate: (placeholders, alias, columns, values, returning) => [
      `(values ${placeholders}) AS ${alias}${columns}${returning ? ` RETURNING ${returning[0]}` : ""}`,
      returning ? values.flat().concat(returning[1]) : values.flat(),
    ],
    onCustom: (custom) => {
      throw new TypeError(`the pg compiler has no custom fragment ${String(custom.kind)}`)
    },
  })
