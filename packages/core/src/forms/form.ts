import { Result } from "effect"
import type { z } from "zod"
import type { AccessModule } from "../access/access-module.ts"
import { type ConfidentialityLevel, stricterLevel } from "../access/confidentiality-level.ts"
import { moduleOfFormId } from "../access/form-module.ts"
import { moduleDefaultLevel } from "../access/module-default-level.ts"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../errors/validation-error.ts"
import type { Label } from "../labels/label.ts"
import { type AnyField, objectSchema, type RowValue, type TableField } from "./field.ts"

/** The value of a form: required fields present, optional ones possibly absent. */
export type FormValue<Fields extends Record<string, AnyField>> = RowValue<Fields>

/** A problem found by a form's cross-field rule, e.g. department shares that do not add to 100 %. */
export interface RuleIssue {
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

/**
 * A handbook form (表单) as data: its fields with labels in both languages, and the rules that
 * tie fields together. The same definition validates input, types the value, and renders to
 * DingTalk/WeCom approval forms, HubSpot properties and Salesforce fields.
 */
export interface Form<Fields extends Record<string, AnyField>> {
  /** A stable machine name, e.g. `complaint.registration`; adapters derive host names from it. */
  readonly id: string
  /** The form's title as printed in the handbook, e.g. 客户投诉登记表. */
  readonly title: Label
  /** Where the form comes from in the handbooks, e.g. `004 ch.6 §3`. */
  readonly source: string | undefined
  /**
   * Every field, each with its confidentiality level resolved (its own, else the form's); a
   * table's columns too (their own, else the table's).
   */
  readonly fields: Fields
  /** The module whose need-to-know rule governs the form's fields. */
  readonly module: AccessModule
  /** The level of every field that does not name its own (密级 of the form). */
  readonly confidentiality: ConfidentialityLevel
  /** The zod validator of a whole value (field checks only; `parse` adds the rules). */
  readonly schema: z.ZodType<FormValue<Fields>>
  /** Validates an unknown input: the typed value, or every field problem with its path. */
  parse(input: unknown): Result.Result<FormValue<Fields>, ValidationError>
}

/** Any form, for code that renders or walks forms. */
export type AnyForm = Form<Record<string, AnyField>>

/** What `defineForm` takes. */
export interface FormDefinition<Fields extends Record<string, AnyField>> {
  readonly id: string
  readonly title: Label
  readonly source?: string
  readonly fields: Fields
  /** The module the form belongs to; by default the one its id starts with (`credit.` → credit). */
  readonly module?: AccessModule
  /** The form's default level, where it differs from its module's (`moduleDefaultLevel`). */
  readonly confidentiality?: ConfidentialityLevel
  /** Checks across fields, run only when every field is valid on its own. */
  readonly rules?: (value: FormValue<Fields>) => ReadonlyArray<RuleIssue>
}

/** Defines a form. */
export function defineForm<const Fields extends Record<string, AnyField>>(
  definition: FormDefinition<Fields>,
): Form<Fields> {
  const schema = objectSchema(definition.fields) as unknown as z.ZodType<FormValue<Fields>>
  const rules = definition.rules
  const module = definition.module ?? moduleOfFormId(definition.id)
  const confidentiality = definition.confidentiality ?? moduleDefaultLevel[module]
  return {
    id: definition.id,
    title: definition.title,
    source: definition.source,
    fields: withLevels(definition.fields, confidentiality),
    module,
    confidentiality,
    schema,
    parse(input) {
      const parsed = schema.safeParse(input)
      if (!parsed.success) return Result.fail(fromZodIssues(definition.id, parsed.error.issues))
      const issues: Array<ValidationIssue> = (rules?.(parsed.data) ?? []).map((issue) => ({
        path: issue.path,
        message: issue.message,
        code: "rule",
      }))
      if (issues.length > 0) return Result.fail(new ValidationError({ subject: definition.id, issues }))
      return Result.succeed(parsed.data)
    },
  }
}

/**
 * The fields with their levels resolved: a field without one gets the form's default, and a
 * table's column without one gets its table's own level, so every cell has a level to be judged
 * by. A table is shown or masked whole, so it takes the strictest of its own level and its columns'.
 */
function withLevels<Fields extends Record<string, AnyField>>(
  fields: Fields,
  formLevel: ConfidentialityLevel,
): Fields {
  const resolved: Record<string, AnyField> = {}
  for (const [key, field] of Object.entries(fields)) {
    const ownLevel = field.confidentiality ?? formLevel
    if (field.kind !== "table") {
      resolved[key] = field.confidentiality === ownLevel ? field : { ...field, confidentiality: ownLevel }
      continue
    }
    const table = field as unknown as TableField<Record<string, AnyField>>
    let level = ownLevel
    const columns: Record<string, AnyField> = {}
    for (const [name, column] of Object.entries(table.columns)) {
      const columnLevel = column.confidentiality ?? ownLevel
      level = stricterLevel(level, columnLevel)
      columns[name] =
        column.confidentiality === columnLevel ? column : { ...column, confidentiality: columnLevel }
    }
    resolved[key] = { ...table, columns, confidentiality: level } as unknown as AnyField
  }
  return resolved as Fields
}
