import type { AnyField } from "../forms/field.ts"
import type { AnyForm, Form, FormValue } from "../forms/form.ts"
import type { AccessPolicy } from "./access-policy.ts"
import type { Classification, FieldClassification } from "./classification.ts"
import { compileProjection, type Projected } from "./projection.ts"
import type { Reader } from "./reader.ts"

/**
 * A form's fields classified under a company's policy: the policy's level for a field where it
 * has one, else the field's own (which `defineForm` resolved from the form's default), all under
 * the form's module.
 */
export function classifyForm(form: AnyForm, policy: AccessPolicy): Classification {
  const overrides = policy.formFields[form.id]
  const classification: Record<string, FieldClassification> = {}
  for (const [key, field] of Object.entries(form.fields)) {
    classification[key] = {
      level: overrides?.[key] ?? field.confidentiality ?? form.confidentiality,
      module: form.module,
    }
  }
  return classification
}

/**
 * What a reader may see of a filled form: each field above their clearance or outside their
 * need-to-know replaced by the marker, and the list of what was withheld. For many values of one
 * form, `compileProjection(classifyForm(form, policy), reader, policy)` once and project each.
 */
export function projectForm<Fields extends Record<string, AnyField>>(
  form: Form<Fields>,
  values: FormValue<Fields>,
  reader: Reader,
  policy: AccessPolicy,
): Projected<FormValue<Fields>> {
  return compileProjection(classifyForm(form as unknown as AnyForm, policy), reader, policy).project(values)
}
