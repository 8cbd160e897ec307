import { ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"

/** A rating scale: whole points from `min` to `max` (1–5, 1–7, 0–10). */
export interface RatingScale {
  readonly min: number
  readonly max: number
}

/**
 * Checks that every answer is a whole point on the scale and throws one `ValidationError` that
 * names each bad answer by its index, so a caller sees all of them at once.
 */
export function checkAnswersOnScale(
  subject: string,
  answers: ReadonlyArray<number>,
  scale: RatingScale,
): void {
  if (!(Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.min < scale.max)) {
    throw new ValidationError({
      subject,
      issues: [{ path: ["scale"], message: "must have whole points with min below max", code: "invalid" }],
    })
  }
  const issues: Array<ValidationIssue> = []
  answers.forEach((answer, index) => {
    if (!Number.isInteger(answer) || answer < scale.min || answer > scale.max) {
      issues.push({
        path: ["answers", index],
        message: `must be a whole point from ${scale.min} to ${scale.max}`,
        code: "invalid",
      })
    }
  })
  if (issues.length > 0) throw new ValidationError({ subject, issues })
}
