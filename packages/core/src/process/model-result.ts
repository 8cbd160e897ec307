import { Result } from "effect"
import { ValidationError } from "../errors/validation-error.ts"

/**
 * Runs an analysis model (the call centre's scoring, the credit assessment) inside a step: the
 * models throw `ValidationError` on input they cannot score, and `decide` must never throw, so
 * the error becomes the step's refusal, its paths placed `under` the command field the input
 * came from (`["agents", 2, "sheets", 0, "lines", 4, "points"]`). Any other throw is a bug and
 * is not caught.
 */
export function modelResult<Value>(
  run: () => Value,
  under: ReadonlyArray<string | number> = [],
): Result.Result<Value, ValidationError> {
  try {
    return Result.succeed(run())
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return Result.fail(
      new ValidationError({
        subject: error.subject,
        issues: error.issues.map((issue) => ({ ...issue, path: [...under, ...issue.path] })),
      }),
    )
  }
}
