import type { AnyField, TableField } from "../../forms/field.ts"
import type { Form } from "../../forms/form.ts"
import type { Label } from "../../labels/label.ts"
import type { FieldMark } from "../forms/field-marks.ts"
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
 * The personal fields of a table of a form, read from its marks: the columns marked `personal`
 * with the form's labels, so a location never restates what the form already says.
 */
export function personalColumnsOf<Columns extends Record<string, AnyField>>(
  table: TableField<Columns>,
  marks: { readonly [Name in keyof Columns]: FieldMark },
): Readonly<Record<string, PersonalField>> {
  const fields: Record<string, PersonalField> = {}
  for (const [name, mark] of Object.entries<FieldMark>(marks)) {
    if (mark.personal === undefined) continue
    fields[name] = { kind: mark.personal, label: table.columns[name]!.label }
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
