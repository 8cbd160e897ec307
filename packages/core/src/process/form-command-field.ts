import type { z } from "zod"
import type { AnyField } from "../forms/field.ts"
import type { Form, FormValue } from "../forms/form.ts"

/**
 * A handbook form as a field of a step's command (`commandShape("SubmitPlan", { plan:
 * formCommandField(planForm) })`): the form's field checks and its cross-field rules, each
 * problem named by its path inside the command (`plan.periodTo`), so a step never decides on a
 * form its own `parse` would refuse.
 */
export function formCommandField<Fields extends Record<string, AnyField>>(
  form: Form<Fields>,
): z.ZodType<FormValue<Fields>> {
  return form.schema.superRefine((value, context) => {
    const parsed = form.parse(value)
    if (parsed._tag === "Success") return
    // Field problems are the schema's own issues already; only the rules are added here.
    for (const issue of parsed.failure.issues)
      if (issue.code === "rule")
        context.addIssue({ code: "custom", message: issue.message, path: [...issue.path] })
  })
}
