// Working-time arithmetic on the official mainland-China calendar: a mix of addWorkingMinutes and
// workingMinutesBetween over spans from a minute to three months, against a baseline that steps
// minute by minute over the same definition. Both must give identical answers on every input.
import {
  type BusinessCalendar,
  type CalendarDefinition,
  chinaMainlandCalendar,
  chinaMainlandDefinition,
  dayNumber,
  parseTimeOfDay,
  weekdayOfDayNumber,
} from "@tixi/core"
import { Result } from "effect"
import { defineBenchmark, median, timeRuns } from "./harness.ts"

const minute = 60_000
const day = 86_400_000

/** A small seeded generator (mulberry32), so every run measures the same inputs. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * BASELINE — the straightforward implementation: step through time one minute at a time and ask
 * of each minute whether it is working time, reading the local time through Intl (its offset
 * cached per UTC hour, as anyone would) and the definition's holidays, 调休 days and periods.
 */
function minuteSteppingBaseline(definition: CalendarDefinition) {
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone: definition.timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  })
  const offsets = new Map<number, number>()
  const offsetAt = (at: number): number => {
    const hour = Math.floor(at / 3_600_000)
    let offset = offsets.get(hour)
    if (offset === undefined) {
      const hourStart = hour * 3_600_000
      const parts = Object.fromEntries(
        formatter.formatToParts(hourStart).map((part) => [part.type, part.value]),
      )
      const local = Date.UTC(
        Number(parts.year),
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour),
        Number(parts.minute),
      )
      offset = local - hourStart
      offsets.set(hour, offset)
    }
    return offset
  }
  const minutesOf = (periods: CalendarDefinition["week"][1]) =>
    periods.map((period) => [parseTimeOfDay(period.start)!, parseTimeOfDay(period.end)!] as const)
  const week = new Map(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => [weekday, minutesOf(definition.week[weekday as 1])]),
  )
  const makeUpHours = minutesOf(definition.makeUpHours ?? definition.week[1])
  const holidays = new Set(definition.holidays.map((entry) => dayNumber(entry.date)))
  const makeUpDays = new Set(definition.makeUpWorkdays.map((entry) => dayNumber(entry.date)))

  const isWorkingMinute = (at: number): boolean => {
    const local = at + offsetAt(at)
    const localDay = Math.floor(local / day)
    if (holidays.has(localDay)) return false
    const periods = makeUpDays.has(localDay) ? makeUpHours : week.get(weekdayOfDayNumber(localDay))!
    const minuteOfDay = Math.floor((local - localDay * day) / minute)
    return periods.some(([start, end]) => minuteOfDay >= start && minuteOfDay < end)
  }
  return {
    addWorkingMinutes(from: number, count: number): number {
      let at = from
      while (!isWorkingMinute(at)) at += minute
      for (let counted = 0; counted < count; at += minute) if (isWorkingMinute(at)) counted++
      return at
    },
    workingMinutesBetween(from: number, to: number): number {
      let total = 0
      for (let at = from; at < to; at += minute) if (isWorkingMinute(at)) total++
      return total
    },
  }
}

type Operation =
  | { readonly kind: "add"; readonly from: number; readonly minutes: number }
  | { readonly kind: "between"; readonly from: number; readonly to: number }

/** Spans log-uniform from a minute to about three months, starting at whole minutes in 2025–2026. */
function sampleOperations(count: number): ReadonlyArray<Operation> {
  const random = seeded(20_261_122)
  const first = Date.UTC(2025, 0, 1)
  const last = Date.UTC(2026, 8, 30)
  const logUniform = (max: number) => Math.max(1, Math.round(Math.exp(random() * Math.log(max))))
  return Array.from({ length: count }, (_, index) => {
    const from = first + Math.floor((random() * (last - first)) / minute) * minute
    return index % 2 === 0
      ? { kind: "add", from, minutes: logUniform(60 * 480) } // up to ~60 working days
      : { kind: "between", from, to: from + logUniform(92 * 1440) * minute } // up to ~3 months
  })
}

function runAll(
  operations: ReadonlyArray<Operation>,
  implementation: Pick<BusinessCalendar, "addWorkingMinutes" | "workingMinutesBetween">,
): Array<number> {
  return operations.map((operation) =>
    operation.kind === "add"
      ? implementation.addWorkingMinutes(operation.from, operation.minutes)
      : implementation.workingMinutesBetween(operation.from, operation.to),
  )
}

export default defineBenchmark({
  name: "working-time",
  description:
    "working-time operations per second (addWorkingMinutes / workingMinutesBetween, spans of a minute to three months, China calendar)",
  async run() {
    const operations = sampleOperations(400)
    const definition = Result.getOrThrow(chinaMainlandDefinition())
    const baseline = minuteSteppingBaseline(definition)

    // A calendar of its own, so the first pass shows the cost of building the index lazily.
    const calendar = chinaMainlandCalendar({ id: "bench-working-time" })
    const coldStarted = performance.now()
    const answers = runAll(operations, calendar)
    const coldMilliseconds = performance.now() - coldStarted

    const expected = runAll(operations, baseline)
    const mismatches = operations.flatMap((operation, index) =>
      answers[index] === expected[index]
        ? []
        : [{ operation, tixi: answers[index], baseline: expected[index] }],
    )
    if (mismatches.length > 0)
      throw new Error(
        `tixi and the baseline disagree on ${mismatches.length} inputs: ${JSON.stringify(mismatches.slice(0, 3))}`,
      )

    const repetitions = 250
    const tixiTiming = await timeRuns(
      () => {
        for (let round = 0; round < repetitions; round++) runAll(operations, calendar)
      },
      { warmup: 1, runs: 7 },
    )
    const baselineTiming = await timeRuns(() => runAll(operations, baseline), { warmup: 1, runs: 5 })

    const tixiPerSecond = (operations.length * repetitions) / (tixiTiming.medianMilliseconds / 1000)
    const baselinePerSecond = operations.length / (baselineTiming.medianMilliseconds / 1000)
    const ratio = tixiPerSecond / baselinePerSecond
    const perKind = (kind: Operation["kind"]) => {
      const subset = operations.filter((operation) => operation.kind === kind)
      const samples: Array<number> = []
      for (let run = 0; run < 5; run++) {
        const started = performance.now()
        for (let round = 0; round < repetitions; round++) runAll(subset, calendar)
        samples.push(performance.now() - started)
      }
      return Math.round((subset.length * repetitions) / (median(samples) / 1000))
    }
    return {
      figure: { label: "working-time operations", value: tixiPerSecond, unit: "per s" },
      baseline: {
        label: "minute-by-minute stepping",
        value: baselinePerSecond,
        unit: "per s",
        description:
          "the same definition evaluated one minute at a time (Intl offset cached per UTC hour), written in bench/working-time.bench.ts",
      },
      ratio,
      ratioMeaning: "times faster than minute-by-minute stepping",
      target: { description: "at least 100× the minute-stepping baseline", met: ratio >= 100 },
      details: {
        operationsSampled: operations.length,
        identicalAnswers: operations.length - mismatches.length,
        addWorkingMinutesPerSecond: perKind("add"),
        workingMinutesBetweenPerSecond: perKind("between"),
        coldFirstPassMilliseconds: Math.round(coldMilliseconds * 100) / 100,
        tixiMedianMillisecondsPerPass: tixiTiming.medianMilliseconds / repetitions,
        baselineMedianMillisecondsPerPass: baselineTiming.medianMilliseconds,
        tixiSamples: tixiTiming.samples,
        baselineSamples: baselineTiming.samples,
      },
    }
  },
})
