import { Result } from "effect"
import type { z } from "zod"
import type { AnyField } from "../forms/field.ts"
import type { Form, FormValue } from "../forms/form.ts"

/**
 * A handbook form as one field of a command (the 呼出记录表 an agent files with the call): its
 * fields and its cross-field rules checked when the command is validated, so a bad box is a
 * `ValidationError` whose path names the command field and the box (`["record", "endedAt"]`)
 * before any step sees it, and the step reads a typed form value.
 */
export function formField<const Fields extends Record<string, AnyField>>(
  form: Form<Fields>,
): z.ZodType<FormValue<Fields>> {
  return form.schema.superRefine((value, context) => {
    const parsed = form.parse(value)
    if (Result.isSuccess(parsed)) return
    for (const issue of parsed.failure.issues)
      context.addIssue({ code: "custom", path: [...issue.path], message: issue.message })
  })
}
