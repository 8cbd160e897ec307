// The "before the rewrite and after", as measured: the code before the flow-kit rewrite
// is not in this tree, so its figures are kept here as they were measured, and the flow-kit bench
// writes them into bench/results/flow-kit.json under `details.beforeRewrite`.

/** One flow's speed against the code before the rewrite: the median of the runs, and each run's median. */
export interface BeforeRewriteFigure {
  readonly flow: string
  /** Lifecycles per second now as a share of before the rewrite (1 = as fast, 0.9 = 10 % slower). */
  readonly speedNewOverOld: number
  readonly runs: ReadonlyArray<number>
  readonly newMicroseconds: number
  readonly oldMicroseconds: number
}

/** Per flow: the median speed ratio, each run's, and microseconds per lifecycle now and before (medians). */
const figures: ReadonlyArray<readonly [string, number, ReadonlyArray<number>, number, number]> = [
  ["credit evaluation", 0.955, [1.007, 0.949, 0.955], 71.46, 62.56],
  ["credit grade change", 0.928, [0.929, 0.928, 0.867], 23.22, 21.35],
  ["credit-limit override", 0.95, [0.985, 0.936, 0.95], 26.01, 27.06],
  ["key-account revisit", 0.891, [0.903, 0.891, 0.851], 13.1, 11.87],
  ["relationship maintenance", 0.962, [0.876, 0.962, 0.986], 19.99, 18.03],
  ["quality review", 0.889, [0.889, 0.465, 0.896], 23.83, 19.46],
  ["satisfaction survey", 0.99, [1.013, 0.99, 0.915], 331.42, 332.4],
  ["call-centre service request", 0.85, [0.85, 0.787, 0.895], 8.4, 7.49],
]

/**
 * The paired comparison (bench/support/paired-comparison.ts, the same lifecycles through the old
 * and the new flows alternating in one process) run against commit 187c196, the last before the
 * rewrite, on the shared 2-core machine.
 */
export const measuredBeforeRewrite = {
  label: "measured by the paired script against 187c196 (the code before the rewrite is not in this tree)",
  commitCompared: "187c196",
  /** The tree measured against it: the flow kit as of this commit. */
  commitMeasured: "18118f5",
  date: "2026-12-08",
  method:
    "old and new flows alternating in one process (which goes first alternates by round), 10,000 lifecycles a round, 9 rounds a run, timed by the process's CPU time; per run and flow the median of the rounds' old/new time ratios; here the median over the runs",
  noise:
    "shared machine, load average 8 to 17 on 2 cores while measuring: one round's ratio ranged from about 0.5 to 1.4, and one run's medians differ from another's by up to 0.1 (one run gave the quality review 0.465 in every round, the other two 0.889 and 0.896); read the figures to about ±0.05",
  runs: 3,
  perFlow: figures.map(([flow, speedNewOverOld, runs, newMicroseconds, oldMicroseconds]) => ({
    flow,
    speedNewOverOld,
    runs,
    newMicroseconds,
    oldMicroseconds,
  })),
  /** All eight flows one after another (the sum of their times), median of the runs: [1.008, 0.906, 0.907]. */
  total: 0.907,
  keptSpeedBound: 0.9,
} as const
