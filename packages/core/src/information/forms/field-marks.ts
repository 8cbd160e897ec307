import type { ConfidentialityLevel } from "../../access/confidentiality-level.ts"
import type { AnyField, TableField } from "../../forms/field.ts"
import type { AnyForm } from "../../forms/form.ts"
import type { PersonalDataKind } from "../labels/information-labels.ts"

/**
 * A field's confidentiality level (密级) and, for a natural person's data, which kind it is. The
 * field builders have no such option yet, so each information form keeps its marks beside it;
 * the type makes every field (and every column of a table) carry one, so none is forgotten.
 */
export interface FieldMark {
  readonly level: ConfidentialityLevel
  /** Set when the value is a natural person's (自然人) data under the PIPL. */
  readonly personal?: PersonalDataKind
}

/** The marks of every field of a form; a table's columns are marked one by one. */
export type FieldMarks<Fields extends Record<string, AnyField>> = {
  readonly [Name in keyof Fields]: Fields[Name] extends TableField<infer Columns>
    ? FieldMark & { readonly columns: FieldMarks<Columns> }
    : FieldMark
}

/** A form with its field marks, for code that walks every information form. */
export interface MarkedForm {
  readonly form: AnyForm
  readonly marks: Readonly<
    Record<string, FieldMark & { readonly columns?: Readonly<Record<string, FieldMark>> }>
  >
}
