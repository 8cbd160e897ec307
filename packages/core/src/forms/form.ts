import { Result } from "effect"
import type { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../errors/validation-error.ts"
import type { Label } from "../labels/label.ts"
import { type AnyField, objectSchema, type RowValue } from "./field.ts"

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
  readonly fields: Fields
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
  /** Checks across fields, run only when every field is valid on its own. */
  readonly rules?: (value: FormValue<Fields>) => ReadonlyArray<RuleIssue>
}

/** Defines a form. */
export function defineForm<const Fields extends Record<string, AnyField>>(
  definition: FormDefinition<Fields>,
): Form<Fields> {
  const schema = objectSchema(definition.fields) as unknown as z.ZodType<FormValue<Fields>>
  const rules = definition.rules
  return {
    id: definition.id,
    title: definition.title,
    source: definition.source,
    fields: definition.fields,
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
