import type { FormValue } from "../../../forms/form.ts"
import { defaultTrainingPolicy, type TrainingPolicy } from "../policy/training-policy.ts"
import type { trainingAttendanceForm } from "../schema/training-attendance-form.ts"
import type { trainingEvaluationForm } from "../schema/training-evaluation-form.ts"
import type { trainingPlanForm } from "../schema/training-plan-form.ts"

/** A filled 培训计划表. */
export type TrainingPlan = FormValue<(typeof trainingPlanForm)["fields"]>
/** A filled 培训签到表. */
export type TrainingAttendance = FormValue<(typeof trainingAttendanceForm)["fields"]>
/** A filled 培训效果评估表. */
export type TrainingEvaluationSheet = FormValue<(typeof trainingEvaluationForm)["fields"]>

/** Level 1 (reaction) of one course: how the trainees rated it. */
export interface CourseReaction {
  readonly courseId: string
  readonly ratings: number
  /** Mean of the 1–5 ratings; undefined when nobody rated it. */
  readonly meanRating: number | undefined
  readonly metTarget: boolean | undefined
}

/** One trainee's attendance and level 2 (learning). */
export interface TraineeResult {
  readonly trainee: string
  readonly attended: number
  readonly attendanceRate: number
  readonly preScore: number | undefined
  readonly postScore: number | undefined
  /** After minus before, when both were tested. */
  readonly gain: number | undefined
  readonly passed: boolean
  /** Attended enough and passed: trained, as the report counts it. */
  readonly completed: boolean
}

/** What a training achieved, as 培训效果评估 reports it. */
export interface TrainingEvaluation {
  readonly courses: ReadonlyArray<CourseReaction>
  readonly trainees: ReadonlyArray<TraineeResult>
  /** Kirkpatrick level 1: mean rating over every rating given, and the courses below target. */
  readonly reaction: {
    readonly meanRating: number | undefined
    readonly coursesBelowTarget: ReadonlyArray<string>
  }
  /** Kirkpatrick level 2: trainees tested, passed, pass rate, mean gain of those tested twice. */
  readonly learning: {
    readonly tested: number
    readonly passed: number
    readonly passRate: number | undefined
    readonly meanGain: number | undefined
  }
  readonly completed: number
  readonly completionRate: number
}

const mean = (values: ReadonlyArray<number>) =>
  values.length === 0
    ? undefined
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100

/**
 * Evaluates a training from its plan, the attendance sheets of its sessions and the evaluation
 * sheet: level 1 (reaction) per course against the policy's target, level 2 (learning) per trainee
 * against the pass mark, and who completed (attended at least the policy's share, present or late,
 * and passed). A trainee never tested has not passed.
 */
export function evaluateTraining(
  plan: TrainingPlan,
  attendance: ReadonlyArray<TrainingAttendance>,
  sheet: TrainingEvaluationSheet,
  policy: TrainingPolicy = defaultTrainingPolicy,
): TrainingEvaluation {
  const courses = plan.courses.map((course): CourseReaction => {
    const ratings = sheet.courseRatings.filter((row) => row.courseId === course.id).map((row) => row.rating)
    const meanRating = mean(ratings)
    return {
      courseId: course.id,
      ratings: ratings.length,
      meanRating,
      metTarget: meanRating === undefined ? undefined : meanRating >= policy.reactionTarget,
    }
  })
  const sessions = plan.courses.length
  const trainees = plan.trainees.map(({ trainee }): TraineeResult => {
    const attended = attendance.filter((session) =>
      session.attendance.some(
        (row) => row.trainee === trainee && (row.mark === "present" || row.mark === "late"),
      ),
    ).length
    const attendanceRate = sessions === 0 ? 0 : attended / sessions
    const test = sheet.assessments.find((row) => row.trainee === trainee)
    const passed = test !== undefined && test.postScore >= policy.passMark
    return {
      trainee,
      attended,
      attendanceRate,
      preScore: test?.preScore,
      postScore: test?.postScore,
      gain: test?.preScore === undefined ? undefined : Math.round((test.postScore - test.preScore) * 10) / 10,
      passed,
      completed: passed && attendanceRate >= policy.minimumAttendance,
    }
  })
  const tested = trainees.filter((each) => each.postScore !== undefined)
  const passedCount = trainees.filter((each) => each.passed).length
  const gains = trainees.flatMap((each) => (each.gain === undefined ? [] : [each.gain]))
  const completed = trainees.filter((each) => each.completed).length
  return {
    courses,
    trainees,
    reaction: {
      meanRating: mean(sheet.courseRatings.map((row) => row.rating)),
      coursesBelowTarget: courses
        .filter((course) => course.metTarget === false)
        .map((course) => course.courseId),
    },
    learning: {
      tested: tested.length,
      passed: passedCount,
      passRate: tested.length === 0 ? undefined : passedCount / tested.length,
      meanGain: mean(gains),
    },
    completed,
    completionRate: trainees.length === 0 ? 0 : completed / trainees.length,
  }
}
