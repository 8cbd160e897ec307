import { z } from "zod"
import {
  addDays,
  type CivilDate,
  civilDateSchema,
  daysBetween,
  type Weekday,
  weekdayOf,
} from "../../time/civil-date.ts"
import { validModelInput } from "./traffic.ts"

/** One day of call history: the calls offered in each interval of the day (96 for 15 minutes). */
export interface CallHistoryDay {
  readonly date: CivilDate
  readonly calls: ReadonlyArray<number>
  /**
   * A day that is not representative (a holiday, an outage, a marketing spike): the model treats
   * it as missing, neither learning from it nor scoring its error.
   */
  readonly excluded?: boolean
}

/** The smoothing parameters of the daily model; chosen by the fit unless fixed by the caller. */
export interface HoltWintersParameters {
  /** Level smoothing α. */
  readonly level: number
  /** Trend smoothing β. */
  readonly trend: number
  /** Weekday-season smoothing γ. */
  readonly season: number
  /** Trend damping φ (1 = undamped); damping keeps a trend from running away over the horizon. */
  readonly damping: number
}

/** What `forecastCalls` takes. */
export interface CallForecastInput {
  /** Consecutive days, oldest first; at least two weeks, and every day with the same intervals. */
  readonly history: ReadonlyArray<CallHistoryDay>
  /** Days to forecast after the last day of history. */
  readonly horizonDays: number
  /** Same-weekday days averaged for the intraday profile (default 6). */
  readonly profileWeeks?: number
  /** Weight of each older week in the profile relative to the next newer one (default 0.8). */
  readonly profileDecay?: number
  /** Fixed smoothing parameters; when absent they are chosen by one-step-ahead squared error. */
  readonly parameters?: HoltWintersParameters
}

/** One forecast day: its total and its calls per interval. */
export interface ForecastDay {
  readonly date: CivilDate
  readonly weekday: Weekday
  readonly total: number
  readonly calls: ReadonlyArray<number>
}

/** The forecast with what produced it, so a planner can judge and explain it. */
export interface CallForecast {
  /** The method in words, for reports. */
  readonly method: string
  readonly parameters: HoltWintersParameters
  /** Mean absolute percentage error of the one-step-ahead daily forecasts over the history. */
  readonly fitErrorPercent: number
  /** Weekday indices of the daily totals (1 = an average day), Monday first. */
  readonly weekdayIndices: Readonly<Record<Weekday, number>>
  /** The intraday profile (shares summing to 1, or all 0 for a closed weekday) per weekday. */
  readonly profiles: Readonly<Record<Weekday, ReadonlyArray<number>>>
  readonly days: ReadonlyArray<ForecastDay>
}

const count = z.number().finite("must be a finite number").min(0, "must not be negative")
const unit = z.number().gt(0, "must be above 0").max(1, "must be at most 1")

const forecastInputSchema = z
  .object({
    history: z
      .array(
        z.object({
          date: civilDateSchema,
          calls: z.array(count).min(1, "needs at least one interval"),
          excluded: z.boolean().optional(),
        }),
      )
      .min(14, "needs at least two weeks of history (four or more recommended)"),
    horizonDays: z
      .number()
      .int("must be a whole number of days")
      .min(1, "at least 1")
      .max(366, "at most 366"),
    profileWeeks: z.number().int().min(1).max(52).optional(),
    profileDecay: unit.optional(),
    parameters: z
      .object({
        level: unit,
        trend: z.number().min(0).max(1),
        season: z.number().min(0).max(1),
        damping: unit,
      })
      .optional(),
  })
  .superRefine((value, context) => {
    const first = value.history[0]
    if (!first) return
    value.history.forEach((day, index) => {
      if (day.calls.length !== first.calls.length) {
        context.addIssue({
          code: "custom",
          path: ["history", index, "calls"],
          message: `has ${day.calls.length} intervals where the first day has ${first.calls.length}`,
        })
      }
      if (index > 0 && daysBetween(first.date, day.date) !== index) {
        context.addIssue({
          code: "custom",
          path: ["history", index, "date"],
          message:
            "days must be consecutive, oldest first (mark unusual days `excluded` instead of leaving them out)",
        })
      }
    })
    if (value.history.filter((day) => !day.excluded).length < 14) {
      context.addIssue({
        code: "custom",
        path: ["history"],
        message: "needs at least 14 days that are not excluded",
      })
    }
  })

const period = 7
const weekdays: ReadonlyArray<Weekday> = [1, 2, 3, 4, 5, 6, 7]
const grid = {
  level: [0.05, 0.1, 0.2, 0.3, 0.5],
  trend: [0, 0.02, 0.05, 0.1],
  season: [0.05, 0.1, 0.2, 0.3, 0.5],
  damping: [0.9, 0.98, 1],
}

interface Fitted {
  readonly squaredError: number
  readonly absolutePercentError: number
  readonly scored: number
  readonly level: number
  readonly trend: number
  readonly seasons: ReadonlyArray<number>
}

/**
 * Runs Holt–Winters with additive damped trend and multiplicative weekly seasonality over the
 * daily totals: level ℓ, trend b and seven weekday factors s, updated after each day. Excluded
 * days are replaced by their forecast. Initial states come from the first two weeks.
 */
function fitDaily(
  totals: ReadonlyArray<number>,
  excluded: ReadonlyArray<boolean>,
  parameters: HoltWintersParameters,
): Fitted {
  const { level: alpha, trend: beta, season: gamma, damping: phi } = parameters
  const firstWeek = totals.slice(0, period)
  const secondWeek = totals.slice(period, 2 * period)
  const mean = (values: ReadonlyArray<number>) =>
    values.reduce((sum, value) => sum + value, 0) / values.length
  const firstMean = mean(firstWeek)
  const secondMean = mean(secondWeek)
  let trend = (secondMean - firstMean) / period
  let level = firstMean - ((period + 1) / 2) * trend
  const seasons = firstWeek.map((value, index) => {
    const second = secondWeek[index]!
    const shares = [firstMean > 0 ? value / firstMean : 1, secondMean > 0 ? second / secondMean : 1]
    return (shares[0]! + shares[1]!) / 2
  })
  let squaredError = 0
  let absolutePercentError = 0
  let scored = 0
  for (let day = 0; day < totals.length; day++) {
    const slot = day % period
    const season = seasons[slot]!
    const expectedLevel = level + phi * trend
    const forecast = Math.max(0, expectedLevel * season)
    if (excluded[day]) {
      level = expectedLevel
      trend = phi * trend
      continue
    }
    const actual = totals[day]!
    if (day >= period) {
      squaredError += (actual - forecast) ** 2
      if (actual > 0) {
        absolutePercentError += Math.abs(actual - forecast) / actual
        scored += 1
      }
    }
    const newLevel = season > 0 ? alpha * (actual / season) + (1 - alpha) * expectedLevel : expectedLevel
    trend = beta * (newLevel - level) + (1 - beta) * phi * trend
    level = newLevel
    if (level > 0) seasons[slot] = gamma * (actual / level) + (1 - gamma) * season
  }
  return { squaredError, absolutePercentError, scored, level, trend, seasons }
}

/**
 * Forecasts calls per interval for the days after the history.
 *
 * Method: the daily total and its split over the day are forecast separately, as workforce
 * planners do (Cleveland & Mayben, "Call Center Management on Fast Forward"). Daily totals follow
 * Holt–Winters (Winters 1960) with a damped additive trend and multiplicative weekday factors:
 * three interpretable parameters that track growth and the weekly cycle, chosen on a grid by
 * one-step-ahead squared error. The split over the day is each weekday's intraday profile, the
 * exponentially weighted average of the interval shares on the same weekday in recent weeks:
 * intraday shape is stable week to week, and averaging shares pools the small, noisy night-time
 * counts that a separate model per interval (96 × 7 series) would chase. Interval forecast =
 * daily forecast × profile share. Throws `ValidationError` on bad input.
 */
export function forecastCalls(input: CallForecastInput): CallForecast {
  const valid = validModelInput("callcenter.forecast", forecastInputSchema, input)
  const history = valid.history as ReadonlyArray<CallHistoryDay>
  const totals = history.map((day) => day.calls.reduce((sum, calls) => sum + calls, 0))
  const excluded = history.map((day) => day.excluded === true)
  // Initial states need two clean weeks: fill excluded days in them with the same weekday of the other week.
  const initial = totals.slice()
  for (let day = 0; day < 2 * period; day++) {
    if (excluded[day]) {
      const twin = day < period ? day + period : day - period
      initial[day] = excluded[twin] ? 0 : totals[twin]!
    }
  }
  const series = initial.slice(0, 2 * period).concat(totals.slice(2 * period))

  let best: { fitted: Fitted; parameters: HoltWintersParameters } | undefined
  const candidates: Array<HoltWintersParameters> = valid.parameters
    ? [valid.parameters]
    : grid.level.flatMap((level) =>
        grid.trend.flatMap((trend) =>
          grid.season.flatMap((season) => grid.damping.map((damping) => ({ level, trend, season, damping }))),
        ),
      )
  for (const parameters of candidates) {
    const fitted = fitDaily(series, excluded, parameters)
    if (!best || fitted.squaredError < best.fitted.squaredError) best = { fitted, parameters }
  }
  const { fitted, parameters } = best!

  const lastIndex = history.length - 1
  const lastDate = history[lastIndex]!.date
  const seasonOf = (date: CivilDate) => fitted.seasons[daysBetween(history[0]!.date, date) % period]!
  const seasonMean = fitted.seasons.reduce((sum, value) => sum + value, 0) / period
  const weekdayIndices = Object.fromEntries(
    weekdays.map((weekday) => {
      const date = history.find((day) => weekdayOf(day.date) === weekday)!.date
      return [weekday, seasonMean > 0 ? seasonOf(date) / seasonMean : 1]
    }),
  ) as Record<Weekday, number>

  const intervals = history[0]!.calls.length
  const profiles = intradayProfiles(history, intervals, valid.profileWeeks ?? 6, valid.profileDecay ?? 0.8)

  const days: Array<ForecastDay> = []
  let dampedSteps = 0
  for (let ahead = 1; ahead <= valid.horizonDays; ahead++) {
    dampedSteps += parameters.damping ** ahead
    const date = addDays(lastDate, ahead)
    const weekday = weekdayOf(date)
    const total = Math.max(0, (fitted.level + dampedSteps * fitted.trend) * seasonOf(date))
    const profile = profiles[weekday]
    days.push({ date, weekday, total, calls: profile.map((share) => share * total) })
  }
  return {
    method:
      "daily totals: Holt–Winters, damped additive trend × multiplicative weekday factors, parameters by one-step-ahead error; intervals: recent same-weekday intraday profile",
    parameters,
    fitErrorPercent: fitted.scored === 0 ? 0 : (100 * fitted.absolutePercentError) / fitted.scored,
    weekdayIndices,
    profiles,
    days,
  }
}

/** The exponentially weighted same-weekday share of each interval; a weekday never open stays all zero. */
function intradayProfiles(
  history: ReadonlyArray<CallHistoryDay>,
  intervals: number,
  weeks: number,
  decay: number,
): Record<Weekday, ReadonlyArray<number>> {
  const overall = new Float64Array(intervals)
  let overallWeight = 0
  const profiles = {} as Record<Weekday, ReadonlyArray<number>>
  for (const weekday of weekdays) {
    const shares = new Float64Array(intervals)
    let weight = 0
    let used = 0
    for (let index = history.length - 1; index >= 0 && used < weeks; index--) {
      const day = history[index]!
      if (day.excluded || weekdayOf(day.date) !== weekday) continue
      const total = day.calls.reduce((sum, calls) => sum + calls, 0)
      used += 1
      if (total === 0) continue
      const dayWeight = decay ** (used - 1)
      for (let interval = 0; interval < intervals; interval++) {
        const share = day.calls[interval]! / total
        shares[interval]! += dayWeight * share
        overall[interval]! += dayWeight * share
      }
      weight += dayWeight
      overallWeight += dayWeight
    }
    profiles[weekday] =
      weight === 0 ? new Array<number>(intervals).fill(0) : Array.from(shares, (share) => share / weight)
  }
  for (const weekday of weekdays) {
    if (profiles[weekday].every((share) => share === 0) && overallWeight > 0) {
      // A weekday with history but no calls keeps zero; the overall profile only fills a weekday with no history.
      const seen = history.some((day) => !day.excluded && weekdayOf(day.date) === weekday)
      if (!seen) profiles[weekday] = Array.from(overall, (share) => share / overallWeight)
    }
  }
  return profiles
}
