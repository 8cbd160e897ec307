import { Result, Schema } from "effect"
import type { z } from "zod"

/** One problem with an input: where it is (the field path) and what is wrong. */
export const ValidationIssue = Schema.Struct({
  path: Schema.Array(Schema.Union([Schema.String, Schema.Number])),
  message: Schema.String,
  code: Schema.String,
})

/** One problem with an input: where it is (the field path) and what is wrong. */
export type ValidationIssue = typeof ValidationIssue.Type

/**
 * Bad input: a form value, a policy or a command that does not validate. It names every field
 * that failed, so a caller can show the errors next to the fields; nothing has been written.
 */
export class ValidationError extends Schema.TaggedError<ValidationError>()("ValidationError", {
  /** What was validated, e.g. `complaint.registration` or `policy.complaints`. */
  subject: Schema.String,
  issues: Schema.Array(ValidationIssue),
}) {
  override get message(): string {
    const shown = this.issues
      .slice(0, 5)
      .map((issue) => `${formatPath(this.subject, issue.path)}: ${issue.message}`)
    const more = this.issues.length > 5 ? ` (and ${this.issues.length - 5} more)` : ""
    return `invalid ${this.subject}: ${shown.join("; ")}${more}`
  }
}

/** `subject.field[2].name`, the way error messages and logs print a path. */
export function formatPath(subject: string, path: ReadonlyArray<string | number>): string {
  let out = subject
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `.${part}`
  return out
}

/** Builds a validation error with one issue at a path. */
export function invalid(
  subject: string,
  path: ReadonlyArray<string | number>,
  message: string,
  code = "invalid",
): ValidationError {
  return new ValidationError({ subject, issues: [{ path, message, code }] })
}

/** Converts zod's issues into tixi's, keeping the paths. */
export function fromZodIssues(subject: string, issues: ReadonlyArray<z.core.$ZodIssue>): ValidationError {
  return new ValidationError({
    subject,
    issues: issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
      message: issue.message,
      code: issue.code,
    })),
  })
}

/**
 * Validates an input with a zod schema: the typed value, or a `ValidationError` naming every bad
 * field under `subject`. The one way models and policies turn untrusted input into typed data.
 */
export function parseWith<Output>(
  subject: string,
  schema: z.ZodType<Output>,
  input: unknown,
): Result.Result<Output, ValidationError> {
  const parsed = schema.safeParse(input)
  return parsed.success
    ? Result.succeed(parsed.data)
    : Result.fail(fromZodIssues(subject, parsed.error.issues))
}
