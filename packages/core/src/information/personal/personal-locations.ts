import type { AnyField, TableField } from "../../forms/field.ts"
import type { AnyForm, Form } from "../../forms/form.ts"
import type { Label } from "../../labels/label.ts"
import type { PersonalDataKind } from "../labels/information-labels.ts"

/** A personal field of a record: its kind and the form's label for it. */
export interface PersonalField {
  readonly kind: PersonalDataKind
  readonly label: Label
}

/**
 * Where a flow's events hold records about people: the rows at `records` (a path, `*` for each
 * row of an array) whose `subjectField` names the person; the record's `fields` are that person's
 * data. The person's id found anywhere else is personal data too (found without a location).
 */
export interface PersonalRecordLocation {
  readonly process: string
  readonly eventType: string
  readonly records: ReadonlyArray<string>
  readonly subjectField: string
  readonly fields: Readonly<Record<string, PersonalField>>
}

/**
 * The personal fields of one table of a form, read from a list of personal form fields
 * (`table.column` entries): each column with its kind and the form's label, so a location never
 * restates what the form and the list already say.
 */
export function personalColumnsOf(
  form: AnyForm,
  table: string,
  personal: ReadonlyArray<PersonalFormField>,
): Readonly<Record<string, PersonalField>> {
  const columns = (form.fields[table] as TableField<Record<string, AnyField>> | undefined)?.columns ?? {}
  const fields: Record<string, PersonalField> = {}
  for (const entry of personal) {
    if (entry.form.id !== form.id || !entry.field.startsWith(`${table}.`)) continue
    const column = entry.field.slice(table.length + 1)
    const found = columns[column]
    if (found !== undefined) fields[column] = { kind: entry.kind, label: found.label }
  }
  return fields
}

/** A form's field that holds a natural person's data, as listed for forms outside this module. */
export interface PersonalFormField {
  readonly form: Form<Record<string, AnyField>>
  /** The field's name, or `table.column` for a column of a table. */
  readonly field: string
  readonly kind: PersonalDataKind
  /** Why it is a natural person's data (PIPL), so a reviewer can check the list. */
  readonly why: Label
}

/** A personal form field, written in one line per field in the lists of them. */
export const personalFormField = (
  form: AnyForm,
  field: string,
  kind: PersonalDataKind,
  why: Label,
): PersonalFormField => ({ form, field, kind, why })
