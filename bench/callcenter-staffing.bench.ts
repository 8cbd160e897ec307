import { CallCenter, label } from "@tixi/core"
import { defineBenchmark, timeRuns } from "./harness.ts"

const intervalSeconds = 900
const handleSeconds = 300
const target = { targetServiceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.9 }

/** A two-peak day whose busiest interval needs about `peakAgents` agents (the 90 % occupancy cap binds at the peak). */
function day(peakAgents: number): Array<number> {
  // The shape peaks at 1.025 and the cap staffs the peak at load / 0.9.
  const peakLoad = peakAgents * 0.87
  return Array.from({ length: 96 }, (_, interval) => {
    const hour = interval / 4
    const shape = 0.02 + Math.exp(-((hour - 10.5) ** 2) / 5) + 0.75 * Math.exp(-((hour - 15) ** 2) / 4)
    return (peakLoad * shape * intervalSeconds) / handleSeconds
  })
}

// The baseline: Erlang C as spreadsheets and tutorials write it, A^N/N! · N/(N−A) over
// Σ_{k<N} A^k/k! + the same, with factorials and powers, and the smallest N found by counting up.
function factorial(n: number): number {
  let product = 1
  for (let k = 2; k <= n; k++) product *= k
  return product
}
function textbookErlangC(load: number, agents: number): number {
  const top = (load ** agents / factorial(agents)) * (agents / (agents - load))
  let sum = 0
  for (let k = 0; k < agents; k++) sum += load ** k / factorial(k)
  return top / (sum + top)
}
/** The textbook staffing of one interval, or the agent count at which its arithmetic broke. */
function textbookAgentsFor(load: number): { agents: number; failed: boolean } {
  if (load === 0) return { agents: 0, failed: false }
  for (let agents = Math.floor(load) + 1; ; agents++) {
    const waiting = textbookErlangC(load, agents)
    if (!Number.isFinite(waiting)) return { agents, failed: true }
    const serviceLevel =
      1 - waiting * Math.exp((-(agents - load) * target.answerWithinSeconds) / handleSeconds)
    if (
      serviceLevel >= target.targetServiceLevel &&
      CallCenter.withinOccupancy(load, agents, target.maxOccupancy)
    ) {
      return { agents, failed: false }
    }
  }
}
function textbookDay(calls: ReadonlyArray<number>): Array<{ agents: number; failed: boolean }> {
  return calls.map((callsInInterval) =>
    textbookAgentsFor((callsInInterval / intervalSeconds) * handleSeconds),
  )
}

const staffTixi = (calls: ReadonlyArray<number>) =>
  CallCenter.staffDay({
    intervalMinutes: 15,
    calls,
    averageHandleSeconds: handleSeconds,
    target,
    shrinkage: 0.3,
  })

export default defineBenchmark({
  name: "callcenter-staffing",
  description:
    "Erlang C staffing of a 96-interval day, up to 2,000 agents an interval, against the textbook factorial formula",
  async run() {
    // Where does the textbook formula first break? Walk the load up until it returns NaN/∞, and
    // note any interval where it disagrees with tixi's exact answer before that.
    let breaking: { load: number; agents: number } | undefined
    let disagreement: { load: number; textbook: number; exact: number } | undefined
    for (let load = 1; load <= 2000; load += 0.25) {
      const textbook = textbookAgentsFor(load)
      if (textbook.failed) {
        breaking = { load, agents: textbook.agents }
        break
      }
      const exact = CallCenter.agentsFor({
        callsPerInterval: load,
        intervalSeconds: handleSeconds,
        averageHandleSeconds: handleSeconds,
        ...target,
      })
      if (textbook.agents !== exact && !disagreement)
        disagreement = { load, textbook: textbook.agents, exact }
    }

    // A day both can staff: the largest peak whose every interval the textbook still gets right.
    let smallPeak = 10
    while (textbookDay(day(smallPeak + 10)).every((interval) => !interval.failed)) smallPeak += 10
    const small = day(smallPeak)
    const smallTixi = staffTixi(small)
    const smallTextbook = textbookDay(small)
    const agree = smallTextbook.every(
      (interval, index) => interval.agents === smallTixi.intervals[index]!.agents,
    )

    const large = day(2000)
    const largeTixi = staffTixi(large)
    const largeTextbook = textbookDay(large)
    const failedIntervals = largeTextbook.filter((interval) => interval.failed).length

    const tixiLarge = await timeRuns(() => staffTixi(large), { warmup: 3, runs: 21 })
    const tixiSmall = await timeRuns(() => staffTixi(small), { warmup: 3, runs: 21 })
    const textbookSmall = await timeRuns(() => textbookDay(small), { warmup: 1, runs: 7 })
    const erlangADay = await timeRuns(
      () =>
        CallCenter.staffDay({
          intervalMinutes: 15,
          calls: large,
          averageHandleSeconds: handleSeconds,
          target,
          shrinkage: 0.3,
          model: { kind: "erlangA", averagePatienceSeconds: 120 },
        }),
      { warmup: 1, runs: 5 },
    )
    const requirement = largeTixi.intervals.map((interval) => interval.scheduledAgents)
    const shiftTypes = [
      {
        id: "full",
        name: label("全班", "Full"),
        lengthMinutes: 540,
        earliestStart: "00:00",
        latestStart: "23:30",
        meal: { durationMinutes: 60, earliestAfterMinutes: 180, latestAfterMinutes: 300, stepMinutes: 30 },
      },
      {
        id: "part",
        name: label("半班", "Part time"),
        lengthMinutes: 240,
        earliestStart: "06:00",
        latestStart: "20:00",
      },
    ]
    let schedule: ReturnType<typeof CallCenter.scheduleShifts> | undefined
    const scheduling = await timeRuns(
      () => {
        schedule = CallCenter.scheduleShifts({
          intervalMinutes: 15,
          requirement,
          shiftTypes,
          wrapsMidnight: true,
        })
      },
      { warmup: 1, runs: 5 },
    )

    return {
      figure: {
        label: `staff 96 intervals, peak ${largeTixi.totals.peakAgents} agents`,
        value: tixiLarge.medianMilliseconds,
        unit: "ms",
      },
      baseline: {
        label: `textbook Erlang C, 96 intervals, peak ${smallTixi.totals.peakAgents} agents`,
        value: textbookSmall.medianMilliseconds,
        unit: "ms",
        description: `factorial/power Erlang C; it first returns NaN at a load of ${breaking?.load} E, evaluating ${breaking?.agents} agents (A^N overflows), and fails ${failedIntervals} of the 96 intervals of the 2,000-agent day`,
      },
      ratio: textbookSmall.medianMilliseconds / tixiSmall.medianMilliseconds,
      ratioMeaning: `textbook ÷ tixi on the day both can staff (peak ${smallTixi.totals.peakAgents} agents): times faster`,
      target: {
        description: "a 96-interval day of up to 2,000 agents in under 50 ms",
        met: tixiLarge.medianMilliseconds < 50,
      },
      details: {
        tixiLargeDaySamples: tixiLarge.samples,
        largeDayPeakAgents: largeTixi.totals.peakAgents,
        tixiSmallDayMilliseconds: tixiSmall.medianMilliseconds,
        textbookSmallDayMilliseconds: textbookSmall.medianMilliseconds,
        smallDayAgreement: agree,
        textbookFirstBreaks: breaking,
        textbookDisagreesBeforeBreaking: disagreement ?? "never",
        textbookFailedIntervalsOnLargeDay: failedIntervals,
        erlangALargeDayMilliseconds: erlangADay.medianMilliseconds,
        scheduleLargeDayMilliseconds: scheduling.medianMilliseconds,
        scheduleHeadcount: schedule?.headcount,
        schedulePaidHours: schedule?.paidAgentHours,
        scheduleLowerBoundHours: schedule?.lowerBoundCost,
        scheduleGapPercent: schedule?.gapPercent,
      },
    }
  },
})
