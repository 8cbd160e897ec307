import { Information } from "@tixi/core"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import {
  type PersonalDataColumn,
  personalDataColumns,
  type StoredColumnFormat,
} from "./personal-data-columns.ts"

type KnownPersonalValue = Information.KnownPersonalValue

/** A row of a personal-data column that mentions the person, read for masking or export. */
export interface MentioningRow {
  readonly column: PersonalDataColumn
  /** The row's physical address, valid inside the reading transaction (rows are locked). */
  readonly ref: string
  readonly key: string
  readonly process: string | null
  readonly instanceId: string | null
  readonly text: string
}

/** The personal-data columns of the tables this database has (the `cluster_*` ones once that engine ran). */
export const existingPersonalDataColumns = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const [cluster] = yield* sql<{ present: boolean }>`
    SELECT to_regclass('cluster_messages') IS NOT NULL AS present`
  return personalDataColumns.filter((column) => column.clusterOnly !== true || cluster?.present === true)
})

const hasInstance = (column: PersonalDataColumn) =>
  column.table === "tixi_events" ||
  column.table === "tixi_inbox" ||
  column.table === "tixi_instances" ||
  column.table === "tixi_dead_letters"

/**
 * The rows of `column` whose text contains the person's id or one of their known values, each row
 * once. With `lock` the rows are locked for the rest of the transaction; a row's `ctid` changes
 * when it is rewritten, so a caller reads a column's rows after writing the previous column's.
 */
export const readMentioningRows = (
  column: PersonalDataColumn,
  subject: string,
  known: ReadonlyArray<KnownPersonalValue>,
  lock: boolean,
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = new Map<string, MentioningRow>()
    const instance = hasInstance(column) ? "process, instance_id" : "NULL AS process, NULL AS instance_id"
    for (const needle of [subject, ...known.map((value) => value.value)]) {
      const found = yield* sql.unsafe<{
        ref: string
        key: string
        process: string | null
        instance_id: string | null
        text: string
      }>(
        `SELECT ctid::text AS ref, (${column.rowKey}) AS key, ${instance}, ${column.column}::text AS text
         FROM ${column.table} WHERE strpos(${column.column}::text, $1) > 0${lock ? " FOR UPDATE" : ""}`,
        [needle],
      )
      for (const row of found)
        if (!rows.has(row.ref))
          rows.set(row.ref, {
            column,
            ref: row.ref,
            key: row.key,
            process: row.process,
            instanceId: row.instance_id,
            text: row.text,
          })
    }
    return [...rows.values()]
  })

const parsed = (text: string): { readonly json: unknown } | undefined => {
  try {
    return { json: JSON.parse(text) }
  } catch {
    return undefined
  }
}

/**
 * A stored text with the person masked: JSON (stored as JSON or as text) masked value by value so
 * it still parses and replays; free text with the id and the values masked wherever they occur.
 */
export function maskStoredText(
  text: string,
  format: StoredColumnFormat,
  subject: string,
  known: ReadonlyArray<KnownPersonalValue>,
): Information.Masked<string> {
  const json = format === "text" ? undefined : parsed(text)
  if (json !== undefined) {
    const { masked, count } = Information.maskKnownValues(json.json, subject, known)
    return { masked: count === 0 ? text : JSON.stringify(masked), count }
  }
  return Information.maskKnownValuesInText(text, [...known, { value: subject, kind: "personId" }])
}

/** Rewrites one row's column with its masked text (the caller holds the row's lock). */
export const writeMasked = (row: MentioningRow, masked: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const cast = row.column.format === "jsonb" ? "::jsonb" : ""
    yield* sql.unsafe(
      `UPDATE ${row.column.table} SET ${row.column.column} = $1${cast} WHERE ctid = $2::tid`,
      [masked, row.ref],
    )
  })
