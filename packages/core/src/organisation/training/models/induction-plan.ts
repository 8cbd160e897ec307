import { Result } from "effect"
import { z } from "zod"
import type { BusinessCalendar } from "../../../calendar/business-calendar.ts"
import { invalid, parseWith, type ValidationError } from "../../../errors/validation-error.ts"
import type { Locale } from "../../../labels/label.ts"
import { personIdSchema } from "../../../roles/actor.ts"
import { type CivilDate, civilDateSchema, isCivilDateInRange } from "../../../time/civil-date.ts"
import type { TrainingTopic } from "../labels/training-labels.ts"
import { defaultInductionTemplate, type InductionCourse } from "../policy/induction-template.ts"
import type { TrainingPlan } from "./training-evaluation.ts"

/** Who inducts whom from when: the new staff, the first day, a trainer per topic or one for all. */
export interface InductionInput {
  readonly planNumber: string
  readonly newStaff: ReadonlyArray<string>
  readonly startOn: CivilDate
  readonly trainer: string
  readonly trainers?: Partial<Record<TrainingTopic, string>>
  readonly locale?: Locale
}

const inputSchema = z.object({
  planNumber: z.string().min(1).max(200),
  newStaff: z
    .array(personIdSchema)
    .min(1, "name at least one new member of staff")
    .refine((staff) => new Set(staff).size === staff.length, "each new member of staff once"),
  startOn: civilDateSchema,
  trainer: personIdSchema,
  trainers: z.record(z.string(), personIdSchema).optional(),
  locale: z.enum(["zh-CN", "en"]).optional(),
})

/**
 * The induction plan (002 3.4 入职培训) for new staff as a 培训计划表, from the template: each course
 * on its working day counted from the first day in the company's calendar (a course never lands
 * on a holiday), taught by the trainer named for its topic. It then runs through the training
 * management flow like any plan — approval, attendance, evaluation, report.
 */
export function inductionPlan(
  input: InductionInput,
  calendar: BusinessCalendar,
  template: ReadonlyArray<InductionCourse> = defaultInductionTemplate,
): Result.Result<TrainingPlan, ValidationError> {
  const parsed = parseWith("organisation.induction", inputSchema, input)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const locale = input.locale ?? "zh-CN"
  const firstDay = calendar.addWorkingDays(input.startOn, 0)
  const courses = template.map((course) => ({
    id: course.id,
    topic: course.topic,
    title: course.title[locale],
    trainer: input.trainers?.[course.topic] ?? input.trainer,
    date: calendar.addWorkingDays(firstDay, course.workingDay),
    hours: course.hours,
  }))
  if (!courses.every((course) => isCivilDateInRange(course.date)))
    return Result.fail(
      invalid("organisation.induction", ["startOn"], "the induction would run past the last date tixi dates"),
    )
  return Result.succeed({
    planNumber: input.planNumber,
    title: locale === "zh-CN" ? "新员工入职培训" : "Induction of new staff",
    kind: "induction",
    needs: input.newStaff.map((person) => ({ source: "induction" as const, person, need: "入职培训" })),
    trainees: input.newStaff.map((trainee) => ({ trainee })),
    courses,
  })
}
