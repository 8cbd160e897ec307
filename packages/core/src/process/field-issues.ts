import { ValidationError } from "../errors/validation-error.ts"

/**
 * A model's `ValidationError` (a screening, a matrix, a report's totals) as the command's: each
 * issue named by its path under the command's `field` (`candidates.0.rank`), so a step that
 * hands a field to a model refuses bad input the way the kit's command validation does.
 */
export const issuesUnderField = (subject: string, field: string, error: ValidationError): ValidationError =>
  new ValidationError({
    subject,
    issues: error.issues.map((issue) => ({ ...issue, path: [field, ...issue.path] })),
  })
