// Complete complaint lifecycles through the decider: for every command decide, evolve each
// event, list the deadlines and build the effects, as a runner does — 100,000 complaints a run.
// The baseline is the same sequence of state transitions as a bare switch over plain objects.
import { Complaints, chinaMainlandCalendar, Money, personId, type Unstamped as Unstamp } from "@tixi/core"
import { Result } from "effect"
import { defineBenchmark, median } from "./harness.ts"

type Command = Complaints.ComplaintCommand
type Unstamped = Unstamp<Command>

const calendar = chinaMainlandCalendar({ id: "bench-complaint-lifecycle" })
const definition = Complaints.complaintProcess({ calendar })
const officer = { personId: personId("officer-wu"), role: "officer" as const }
const manager = { personId: personId("manager-qian"), role: "manager" as const }
const minute = 60_000
const start = Date.UTC(2026, 0, 5, 1, 0) // Monday 5 January 2026, 09:00 in Shanghai

const registration = (urgency: string) => ({
  customerId: "cust-0001",
  customerName: "上海恒通贸易有限公司",
  customerKind: "organization",
  phone: "021-6288 1234",
  type: "product",
  channel: "phone",
  urgency,
  subject: "第二批货物外包装破损",
  description: "到货的 40 箱中有 6 箱外包装破损，内件受潮。",
  demand: "更换受潮的 6 箱并承担运费",
  product: "工业除湿机 DH-60",
  purchaseDate: "2025-12-20",
})

const investigation = (ownSide: boolean): Unstamped =>
  ownSide
    ? {
        type: "RecordInvestigation",
        actor: officer,
        cause: "negligence",
        ownSide: true,
        responsibility: [
          { departmentId: "production", sharePercent: 60 },
          { departmentId: "quality", sharePercent: 40 },
        ],
        severity: "moderate",
        findings: "出厂检验漏检",
      }
    : {
        type: "RecordInvestigation",
        actor: officer,
        cause: "forceMajeure",
        ownSide: false,
        severity: "minor",
        findings: "暴雪封路",
        explanation: "非己方原因，已向客户说明",
      }

const closing: ReadonlyArray<Unstamped> = [
  { type: "Close", actor: officer, summary: "已按方案处理" },
  { type: "RecordFollowUp", actor: officer, satisfaction: 4, method: "phone" },
]

/** Accepted, classified as quality, found to be the company's fault. */
const ownSideOpening: ReadonlyArray<Unstamped> = [
  { type: "Accept", actor: officer },
  { type: "Classify", actor: officer, category: "quality", departmentId: "quality" },
  investigation(true),
]

/** The customer accepts, the solution is carried out, the case is closed and followed up. */
const settled: ReadonlyArray<Unstamped> = [
  { type: "RecordCustomerResponse", actor: officer, accepted: true },
  { type: "RecordExecution", actor: officer },
  ...closing,
]

const remedy = (kind: "exchange" | "refund", major: string): Unstamped => ({
  type: "ProposeRemedy",
  actor: officer,
  remedies: [{ kind, amount: Money.ofMajor(major, "CNY") }],
})

/**
 * The three paths of the mix, in command order: within the officer's authority (7 in 10),
 * above it with the manager's approval (2 in 10), and not our cause, explained (1 in 10).
 * `"<approval>"` stands for the key of the approval the process opened.
 */
const paths: ReadonlyArray<{
  readonly name: string
  readonly share: number
  readonly commands: ReadonlyArray<Unstamped>
}> = [
  {
    name: "within authority",
    share: 7,
    commands: [...ownSideOpening, remedy("exchange", "450"), ...settled],
  },
  {
    name: "approved by the manager",
    share: 2,
    commands: [
      ...ownSideOpening,
      remedy("refund", "6000"),
      {
        type: "DecideRemedyApproval",
        approvalKey: "<approval>",
        outcome: "approved",
        decidedBy: manager.personId,
      },
      ...settled,
    ],
  },
  {
    name: "not our cause",
    share: 1,
    commands: [
      { type: "Accept", actor: officer },
      { type: "Classify", actor: officer, category: "deliveryDate", departmentId: "logistics" },
      investigation(false),
      ...closing,
    ],
  },
]

const pathOf = (index: number) => {
  const slot = index % 10
  return slot < 7 ? paths[0]! : slot < 9 ? paths[1]! : paths[2]!
}

/** What a lifecycle asks of the definition besides decide and evolve (all of it by default). */
interface Parts {
  readonly deadlines: boolean
  readonly effects: boolean
}

/** One lifecycle through tixi's decider, with everything a runner asks of it per command. */
function tixiLifecycle(index: number, parts: Parts = { deadlines: true, effects: true }): number {
  const id = `TS-${index}`
  const path = pathOf(index)
  let at = start + (index % 5000) * 7 * minute
  let state = definition.initialState
  let sequence = 0
  let work = 0
  const step = (command: Command) => {
    const decided = definition.decide(state, command)
    if (Result.isFailure(decided)) throw new Error(`${id} ${command.type}: ${decided.failure.message}`)
    for (const event of decided.success) {
      state = definition.evolve(state, event)
      if (parts.effects) work += definition.effects(state, event, { instanceId: id, sequence }).length
      sequence += 1
    }
    if (parts.deadlines) work += definition.deadlines(state).length
  }
  step({
    type: "Register",
    at,
    complaintId: id,
    actor: officer,
    registration: registration(index % 4 === 0 ? "urgent" : "normal"),
  })
  for (const command of path.commands) {
    at += 30 * minute
    const approvalKey =
      command.type === "DecideRemedyApproval" && state.proposal?.approval.status === "pending"
        ? state.proposal.approval.key
        : undefined
    step({ ...command, at, ...(approvalKey ? { approvalKey } : {}) } as Command)
  }
  if (state.stage !== "closed") throw new Error(`${id} ended ${state.stage}`)
  return work
}

/**
 * BASELINE — the floor: the same commands and state transitions as a hand-written switch over
 * plain objects, each command one event spread into the state. No validation of the command or
 * the registration form, no policy, no calendar (so no deadlines computed or listed), no effects.
 */
type PlainState = {
  readonly stage: string
  readonly id: string
  readonly version: number
  readonly data: Readonly<Record<string, unknown>>
}
type PlainCommand = { readonly type: string; readonly at: number } & Record<string, unknown>

function plainDecide(state: PlainState, command: PlainCommand): ReadonlyArray<PlainCommand> {
  const event = (type: string, extra: Record<string, unknown> = {}) => ({ ...command, ...extra, type })
  switch (command.type) {
    case "Register":
      return state.stage === "new" ? [event("ComplaintRegistered")] : []
    case "Accept":
      return state.stage === "registered" ? [event("ComplaintAccepted")] : []
    case "Classify":
      return state.stage === "accepted" ? [event("ComplaintClassified")] : []
    case "RecordInvestigation":
      if (state.stage !== "investigating") return []
      return command.ownSide
        ? [event("InvestigationConcluded")]
        : [event("InvestigationConcluded"), event("ComplaintResolved")]
    case "ProposeRemedy":
      return state.stage === "proposing"
        ? [
            event("RemedyProposed", {
              needsApproval:
                (command.remedies as Array<{ amount: { minor: number } }>)[0]!.amount.minor > 500_00,
            }),
          ]
        : []
    case "DecideRemedyApproval":
      return state.stage === "awaitingApproval" ? [event("RemedyApprovalDecided")] : []
    case "RecordCustomerResponse":
      return state.stage === "negotiating" ? [event("CustomerResponded")] : []
    case "RecordExecution":
      return state.stage === "executing" ? [event("ComplaintResolved")] : []
    case "Close":
      return state.stage === "resolved" ? [event("ComplaintClosed")] : []
    case "RecordFollowUp":
      return state.stage === "closed" ? [event("FollowUpRecorded")] : []
    default:
      return []
  }
}

const nextStage: Readonly<Record<string, (event: PlainCommand) => string | undefined>> = {
  ComplaintRegistered: () => "registered",
  ComplaintAccepted: () => "accepted",
  ComplaintClassified: () => "investigating",
  InvestigationConcluded: (event) => (event.ownSide ? "proposing" : undefined),
  ComplaintResolved: () => "resolved",
  RemedyProposed: (event) => (event.needsApproval ? "awaitingApproval" : "negotiating"),
  RemedyApprovalDecided: () => "negotiating",
  CustomerResponded: () => "executing",
  ComplaintClosed: () => "closed",
  FollowUpRecorded: () => undefined,
}

function plainEvolve(state: PlainState, event: PlainCommand): PlainState {
  const stage = nextStage[event.type]!(event) ?? state.stage
  return { ...state, stage, version: state.version + 1, data: { ...state.data, [event.type]: event.at } }
}

function baselineLifecycle(index: number): number {
  const id = `TS-${index}`
  const path = pathOf(index)
  let at = start + (index % 5000) * 7 * minute
  let state: PlainState = { stage: "new", id, version: 0, data: {} }
  const step = (command: PlainCommand) => {
    for (const event of plainDecide(state, command)) state = plainEvolve(state, event)
  }
  step({
    type: "Register",
    at,
    complaintId: id,
    actor: officer,
    registration: registration(index % 4 === 0 ? "urgent" : "normal"),
  })
  for (const command of path.commands) {
    at += 30 * minute
    step({ ...command, at } as PlainCommand)
  }
  if (state.stage !== "closed") throw new Error(`baseline ${id} ended ${state.stage}`)
  return state.version
}

// 100,000 complaints a run; TIXI_BENCH_LIFECYCLES=5000 npm run bench -- complaint-lifecycle for a quick look.
const lifecycles = Number(process.env.TIXI_BENCH_LIFECYCLES ?? 100_000)

export default defineBenchmark({
  name: "complaint-lifecycle",
  description:
    "complete complaint lifecycles per second through the decider (decide + evolve + deadlines + effects for every command), 100,000 complaints",
  async run() {
    let commands = 0
    for (let index = 0; index < 10; index++) commands += 1 + pathOf(index).commands.length
    const everything: Parts = { deadlines: true, effects: true }
    const runTixi = (count: number, parts: Parts) => {
      let work = 0
      for (let index = 0; index < count; index++) work += tixiLifecycle(index, parts)
      return work
    }
    let events = 0
    const runBaseline = () => {
      let total = 0
      for (let index = 0; index < lifecycles; index++) total += baselineLifecycle(index)
      events = total
    }
    const timed = (work: () => unknown) => {
      const started = performance.now()
      work()
      return performance.now() - started
    }
    // Where the time goes, on a tenth of the complaints: decide + evolve alone, then with the
    // deadlines, then with the effects as well.
    const share = Math.max(1, Math.floor(lifecycles / 10))
    const phaseParts: ReadonlyArray<[string, Parts]> = [
      ["decideAndEvolve", { deadlines: false, effects: false }],
      ["plusDeadlines", { deadlines: true, effects: false }],
      ["plusEffects", everything],
    ]
    // Warm up, then measure in rounds that take turns (tixi, baseline, phases), so a machine
    // whose load changes during the run slows both sides alike; the ratio is the median of the
    // rounds' ratios.
    runTixi(Math.min(lifecycles, 20_000), everything)
    runBaseline()
    const rounds = 5
    const tixiSamples: Array<number> = []
    const baselineSamples: Array<number> = []
    const phaseSamples: Record<string, Array<number>> = {}
    for (let round = 0; round < rounds; round++) {
      tixiSamples.push(timed(() => runTixi(lifecycles, everything)))
      baselineSamples.push(timed(runBaseline))
      for (const [name, parts] of phaseParts) {
        const samples = phaseSamples[name] ?? []
        samples.push(timed(() => runTixi(share, parts)) * (1000 / share))
        phaseSamples[name] = samples
      }
    }
    const tixi = { medianMilliseconds: median(tixiSamples), samples: tixiSamples }
    const baseline = { medianMilliseconds: median(baselineSamples), samples: baselineSamples }
    const pairedRatio = median(tixiSamples.map((sample, index) => baselineSamples[index]! / sample))
    const phases = Object.fromEntries(
      phaseParts.map(([name]) => [`${name}Microseconds`, Math.round(median(phaseSamples[name]!))]),
    )
    const tixiPerSecond = lifecycles / (tixi.medianMilliseconds / 1000)
    const baselinePerSecond = lifecycles / (baseline.medianMilliseconds / 1000)
    const commandsPerLifecycle = commands / 10
    return {
      figure: { label: "complaint lifecycles", value: tixiPerSecond, unit: "per s" },
      baseline: {
        label: "bare switch over plain objects",
        value: baselinePerSecond,
        unit: "per s",
        description:
          "the same commands and stage transitions as a hand-written switch, each event spread into a plain object; no validation, no policy, no calendar, no deadlines, no effects (bench/complaint-lifecycle.bench.ts)",
      },
      ratio: pairedRatio,
      ratioMeaning: "tixi's lifecycles per second as a share of the bare switch's (median of paired rounds)",
      details: {
        lifecycles,
        mix: paths.map((path) => ({
          path: path.name,
          inTen: path.share,
          commands: 1 + path.commands.length,
        })),
        commandsPerLifecycle,
        commandsPerSecond: Math.round(tixiPerSecond * commandsPerLifecycle),
        microsecondsPerLifecycle: Math.round((tixi.medianMilliseconds * 1000) / lifecycles),
        microsecondsPerCommand:
          Math.round(((tixi.medianMilliseconds * 1000) / lifecycles / commandsPerLifecycle) * 10) / 10,
        perLifecycleByPhase: phases,
        baselineEvents: events,
        tixiSamplesMilliseconds: tixi.samples.map(Math.round),
        baselineSamplesMilliseconds: baseline.samples.map(Math.round),
      },
    }
  },
})
