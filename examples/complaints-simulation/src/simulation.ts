import {
  Access,
  type ApprovalId,
  type ApprovalRecord,
  Approvals,
  type Assignee,
  addDays,
  type BusinessCalendar,
  type CivilDate,
  Complaints,
  chinaMainlandCalendar,
  type EffectPorts,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  type Instant,
  inMemoryDirectoryLayer,
  Money,
  Organisation,
  type PersonId,
  type RunnerStatistics,
  Unavailable,
  type Unstamped,
  weekdayOf,
} from "@tixi/core"
import {
  type EngineControl,
  hostProcess,
  makeSimulatedClock,
  type ProcessRuntime,
  pgliteLayer,
  type RuntimeStatistics,
  runtimeLayer,
  simulatedClockLayer,
} from "@tixi/runtime"
import { Clock, Effect, Layer, Result } from "effect"
import type { SqlClient } from "effect/sql"
import { Agenda } from "./agenda.ts"
import { company, companyChart, holderOf, inspectors, officers } from "./company.ts"
import { customerDrafts, generateCustomers, type SimulatedCustomer } from "./customers.ts"
import { makeDurableRunner } from "./durable-runner.ts"
import { type OrganisationAccessReport, observeOrganisationAndAccess } from "./organisation-access.ts"
import { type ComplaintPlan, planComplaint } from "./plan.ts"
import { Random } from "./random.ts"

/** What to simulate. */
export interface SimulationOptions {
  readonly seed: number
  /** The first day (a Monday is best); the default 2026-01-05 puts 春节 2026 and its 调休 inside. */
  readonly start: CivilDate
  readonly days: number
  readonly customers: number
  /** The average number of complaints on an ordinary Thursday. */
  readonly complaintsPerDay: number
  /** Where the durable runtime keeps its PGlite database; in memory when absent. */
  readonly dataFolder?: string | undefined
}

/** The default run: 90 days from Monday 5 January 2026, 320 customers, about 3,000 complaints. */
export const defaultSimulationOptions: SimulationOptions = {
  seed: 20260105,
  start: "2026-01-05" as CivilDate,
  days: 90,
  customers: 320,
  complaintsPerDay: 36,
}

/** Everything a run produced, for the report. */
export interface SimulationOutcome {
  readonly options: SimulationOptions
  readonly calendar: BusinessCalendar
  readonly policy: Complaints.ComplaintPolicy
  readonly startAt: Instant
  readonly endAt: Instant
  readonly customers: ReadonlyArray<SimulatedCustomer>
  /** Each complaint's events, in the order the complaints arrived. */
  readonly logs: ReadonlyArray<{
    readonly complaintId: string
    readonly events: ReadonlyArray<Complaints.ComplaintEvent>
  }>
  readonly runner: RunnerStatistics
  /** What the durable engine counted: its turns and the database transactions they took. */
  readonly engine: RuntimeStatistics & { readonly database: string }
  readonly deadLetters: ReadonlyArray<{
    readonly complaintId: string
    readonly kind: string
    readonly error: string
  }>
  readonly host: {
    readonly cases: number
    readonly openCases: number
    readonly tasks: number
    readonly openTasks: number
    readonly activities: number
    readonly notifications: Readonly<Record<string, number>>
    readonly approvals: Readonly<Record<ApprovalRecord["state"], number>>
    readonly injectedOutages: number
  }
  /** Staff commands the policy refused (e.g. accepting a purchase beyond the complaint window). */
  readonly policyRefusals: Readonly<Record<string, number>>
  /** Staff commands refused for any other reason: a sign of a bug in the simulation, expected 0. */
  readonly unexpectedRefusals: ReadonlyArray<string>
  /** The organisation chart, a refused claim, one complaint as three readers see it, the audit trail. */
  readonly organisationAccess: OrganisationAccessReport
}

const hour = 60 * 60_000
/** The handbook's complaints policy with the authority of the company's chart (its version says so). */
const complaintPolicy = Organisation.withChartAuthority(companyChart, Complaints.defaultComplaintPolicy)
/** How much faster staff handle urgent complaints (investigation, execution). */
const urgencyScale: Readonly<Record<Complaints.Urgency, number>> = { critical: 0.08, urgent: 0.35, normal: 1 }
const hourWeights = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.5, 2.5, 3, 2.8, 2, 2.4, 2.8, 2.6, 2.3, 2, 1.6, 1.4, 1.2, 0.9,
  0.5, 0.2,
]
const weekdayFactor = [1.25, 1.1, 1.05, 1, 0.95, 0.55, 0.45]

/** A Poisson draw by Knuth's method; fine for the few dozen a day here. */
function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean)
  let count = 0
  let product = random.next()
  while (product > limit) {
    count += 1
    product *= random.next()
  }
  return count
}

type Ports =
  | EffectPorts
  | InMemoryApprovals
  | InMemoryHostCrm
  | InMemoryNotifier
  | ProcessRuntime
  | EngineControl
  | SqlClient.SqlClient

/** One complaint's progress as the simulation tracks it beside the process. */
interface Tracked {
  readonly plan: ComplaintPlan
  handler: PersonId
  readonly investigator: PersonId
  /** Only the latest scheduled piece of work runs; earlier ones were overtaken. */
  workToken: number
  approvalRounds: number
  reassigned: boolean
  reopened: boolean
}

/**
 * Runs the simulation: customers complain through the year's channels, officers register,
 * accept or reject, investigate, propose, negotiate, execute, close and follow up; supervisors,
 * the manager, the director and finance decide approvals in the in-memory approvals host; the
 * process's own timers warn, breach, escalate and remind. Every complaint is a process instance on
 * tixi's durable runtime (the embedded engine over PGlite): each command and each timer is a turn
 * committed to the database before its effects reach the hosts. The clock is simulated and every
 * random draw comes from one seeded generator, so a run is reproducible to the byte.
 */
export function simulate(options: SimulationOptions = defaultSimulationOptions) {
  const random = new Random(options.seed)
  const customers = generateCustomers(random, options.customers)
  const calendar = chinaMainlandCalendar()
  const policy = complaintPolicy
  const definition = Complaints.complaintProcess({ calendar, policy })
  const clock = makeSimulatedClock(calendar.startOfDay(options.start))
  const ports = Layer.mergeAll(
    InMemoryHostCrm.layer({ customers: customerDrafts(customers) }),
    InMemoryApprovals.layer(),
    InMemoryNotifier.layer(),
    inMemoryDirectoryLayer(company),
  )
  const runtime = runtimeLayer({
    processes: [hostProcess(definition)],
    // Reads are projected for the same chart the flows decide by.
    reading: { organisation: companyChart, accessPolicy: Access.defaultAccessPolicy },
    // Host outages are retried at once: the simulation's clock stands still while a turn runs.
    retryPolicy: { attempts: 3, initialDelayMillis: 1, maxDelayMillis: 1, factor: 1 },
  }).pipe(
    Layer.provideMerge(ports),
    Layer.provideMerge(Layer.orDie(pgliteLayer({ folder: options.dataFolder }))),
    Layer.provide(simulatedClockLayer(clock)),
  )
  return Effect.provide(
    Effect.scoped(
      Effect.provideService(run(options, random, customers, definition, clock), Clock.Clock, clock),
    ),
    runtime,
  )
}

function run(
  options: SimulationOptions,
  random: Random,
  customers: ReadonlyArray<SimulatedCustomer>,
  definition: Complaints.ComplaintProcess,
  clock: ReturnType<typeof makeSimulatedClock>,
) {
  return Effect.gen(function* () {
    const calendar = chinaMainlandCalendar()
    const policy = complaintPolicy
    const runner = yield* makeDurableRunner(definition, clock)
    const approvals = yield* InMemoryApprovals
    const approvalsPort = yield* Approvals
    const host = yield* InMemoryHostCrm
    const notifier = yield* InMemoryNotifier
    const agenda = new Agenda<Ports>()
    const startAt = calendar.startOfDay(options.start)
    const endAt = calendar.startOfDay(addDays(options.start, options.days))

    const tracked = new Map<string, Tracked>()
    const order: Array<string> = []
    const policyRefusals: Record<string, number> = {}
    const unexpectedRefusals: Array<string> = []
    let injectedOutages = 0

    const manager = { personId: holderOf("manager").id, role: "manager" as const }
    const supervisors = company.people.filter((member) => member.roles.includes("supervisor"))
    // Officers act in their post, so the complaint flow asks the chart's 客户投诉专员 row what they settle alone.
    const officerActor = (id: PersonId) => ({
      personId: id,
      role: "officer" as const,
      post: "complaintOfficer" as const,
    })
    const now = () => Clock.currentTimeMillis
    const stateOf = runner.stateOf
    /** `minutes` of working time after `from` (staff work office hours). */
    const afterWork = (from: Instant, minutes: number) =>
      calendar.addWorkingMinutes(from, Math.max(1, Math.round(minutes)))

    const dispatch = (id: string, command: Unstamped<Complaints.ComplaintCommand>, expectRefusal = false) =>
      Effect.gen(function* () {
        // An occasional host outage: the runner retries, the case is written once.
        if (random.chance(0.004)) {
          host.failNext("upsertCase", new Unavailable(), 1)
          injectedOutages += 1
        }
        const outcome = yield* runner.dispatch(id, command)
        if (Result.isFailure(outcome)) {
          const refusal = outcome.failure
          if (refusal._tag === "PolicyRefusal")
            policyRefusals[refusal.rule] = (policyRefusals[refusal.rule] ?? 0) + 1
          else if (!expectRefusal) unexpectedRefusals.push(`${id} ${command.type}: ${refusal.message}`)
        }
        return outcome
      })

    /** How long the customer takes to answer an offer: the more urgent, the sooner. */
    const customerHours = (item: Tracked) =>
      item.plan.urgency === "critical"
        ? random.int(1, 3)
        : item.plan.urgency === "urgent"
          ? random.int(1, 10)
          : random.int(1, 30)

    const scheduleWork = (item: Tracked, at: Instant) => {
      const token = ++item.workToken
      agenda.add(at, () => (item.workToken === token ? work(item) : Effect.void))
    }

    /** The officer (or the person the flow chart names) takes the next step of the complaint. */
    const work = (item: Tracked): Effect.Effect<void, never, Ports> =>
      Effect.gen(function* () {
        const { plan } = item
        const state = stateOf(plan.id)
        const at = yield* now()
        const handler = officerActor(item.handler)
        // A case that reached the manager is given to another officer by the supervisor.
        if (state.escalationLevel >= 2 && !item.reassigned && Complaints.handlingStages.has(state.stage)) {
          item.reassigned = true
          const next =
            officers[(officers.findIndex((officer) => officer.id === item.handler) + 1) % officers.length]!
          const supervisor = supervisors[0]!
          const assigned = yield* dispatch(plan.id, {
            type: "AssignHandler",
            actor: { personId: supervisor.id, role: "supervisor" },
            handler: next.id,
          })
          if (Result.isSuccess(assigned)) item.handler = next.id
        }
        const slow = plan.slowHandling ? 3 : 1
        const scale = urgencyScale[plan.urgency]
        switch (state.stage) {
          case "registered": {
            if (plan.rejection !== undefined) {
              if (plan.rejection === "beyondTimeLimit")
                // The officer tries to accept; the policy's window refuses, and the officer rejects.
                yield* dispatch(plan.id, { type: "Accept", actor: handler }, true)
              yield* dispatch(plan.id, {
                type: "Reject",
                actor: handler,
                reason: plan.rejection,
                explanation: rejectionExplanation[plan.rejection],
              })
              return
            }
            yield* dispatch(plan.id, { type: "Accept", actor: handler })
            scheduleWork(item, afterWork(at, random.int(5, 40)))
            if (plan.withdraws) agenda.add(at + random.int(4, 72) * hour, () => withdraw(item))
            return
          }
          case "accepted":
            yield* dispatch(plan.id, {
              type: "Classify",
              actor: handler,
              category: plan.category,
              departmentId: plan.responsibility[0]?.departmentId ?? "customer-service",
              investigator: item.investigator,
            })
            scheduleWork(item, afterWork(at, random.logNormal(600, 0.45) * scale * slow))
            return
          case "investigating": {
            if (plan.pause && state.pauseCount === 0 && state.cycle === 0) {
              yield* dispatch(plan.id, {
                type: "PauseClock",
                actor: handler,
                reason: plan.pause.reason,
                note: "已请客户补充凭证",
              })
              agenda.add(at + plan.pause.replyHours * hour, () => customerReplies(item))
              return
            }
            yield* dispatch(plan.id, {
              type: "RecordInvestigation",
              actor: { personId: item.investigator, role: "officer" },
              cause: plan.cause,
              ownSide: plan.ownSide,
              ...(plan.ownSide ? { responsibility: plan.responsibility } : {}),
              severity: plan.severity,
              findings: plan.ownSide ? findings[plan.category] : "经核实为承运人或不可抗力原因所致",
              ...(plan.ownSide
                ? {}
                : { explanation: "经调查，问题非我方原因造成，已向客户说明并协助其向责任方索赔。" }),
            })
            scheduleWork(item, afterWork(at, random.int(30, 180) * Math.max(0.25, scale)))
            return
          }
          case "proposing": {
            const refusals = state.customerRefusals
            if (plan.litigation && refusals >= 2 && state.proposal?.customerResponse === "refused") {
              yield* dispatch(plan.id, {
                type: "StartLitigation",
                actor: manager,
                reference: `(2026)民初${plan.id.slice(-4)}号`,
              })
              agenda.add(at + random.int(20, 45) * 24 * hour, () => concludeLitigation(item))
              return
            }
            const factor = (1 + 0.3 * refusals) * 0.6 ** state.approvalRejections
            const remedies = plan.remedies.map((remedy) => ({
              kind: remedy.kind,
              amount: Money.ofMinor(Math.round((remedy.minor * factor) / 100) * 100, "CNY"),
            }))
            const total = remedies.reduce((sum, remedy) => sum + remedy.amount.minor, 0)
            if (total >= 2_000_00 && state.opinions.length === 0) {
              // Large remedies: the related departments give their opinions first (相关部门协商).
              yield* dispatch(plan.id, {
                type: "RecordDepartmentOpinion",
                actor: handler,
                department: "quality",
                opinion: "同意按方案处理，并纳入质量改进。",
              })
              if (total >= 10_000_00)
                yield* dispatch(plan.id, {
                  type: "RecordDepartmentOpinion",
                  actor: handler,
                  department: "finance",
                  opinion: "费用计入质量损失。",
                })
            }
            const proposed = yield* dispatch(plan.id, { type: "ProposeRemedy", actor: handler, remedies })
            if (Result.isFailure(proposed)) return
            if (proposed.success.state.stage === "negotiating")
              agenda.add(at + customerHours(item) * hour, () => customerResponds(item))
            else yield* scheduleApproval(item, at)
            return
          }
          case "executing":
            yield* dispatch(plan.id, { type: "RecordExecution", actor: handler })
            scheduleWork(item, afterWork(at, random.int(30, 240)))
            return
          case "resolved":
            yield* dispatch(plan.id, {
              type: "Close",
              actor: handler,
              summary: `${Complaints.ContentCategory.label(plan.category, "zh-CN")}投诉已按流程办结。`,
              ...(plan.ownSide
                ? { improvements: [{ area: improvementArea[plan.category], action: "纳入月度质量改进计划" }] }
                : {}),
            })
            if (policyFollowsUp(state)) {
              const delay = plan.lateFollowUp ? random.int(1500, 3000) : random.int(240, 1300)
              scheduleWork(item, afterWork(at, delay))
            }
            return
          case "closed": {
            if (
              state.outcome === "withdrawn" ||
              state.followUp === undefined ||
              state.followUp.recordedAt !== undefined
            )
              return
            const satisfaction =
              state.cycle > 0
                ? (Math.min(5, plan.satisfaction + 2) as Complaints.SatisfactionScore)
                : plan.satisfaction
            yield* dispatch(plan.id, {
              type: "RecordFollowUp",
              actor: handler,
              satisfaction,
              method: plan.customer.kind === "organization" && random.chance(0.3) ? "visit" : "phone",
              ...(satisfaction <= 2 ? { comment: "客户认为处理结果未解决根本问题" } : {}),
            })
            if (plan.reopens && !item.reopened && state.cycle === 0) {
              item.reopened = true
              agenda.add(at + random.int(2, 10) * 24 * hour, () => reopen(item))
            }
            return
          }
          default:
            return
        }
      })

    const policyFollowsUp = (_state: Complaints.ComplaintState) => policy.followUp.required

    const customerResponds = (item: Tracked) =>
      Effect.gen(function* () {
        const state = stateOf(item.plan.id)
        if (state.stage !== "negotiating") return
        const accepted = item.plan.customerAnswers[state.customerRefusals] ?? true
        const at = yield* now()
        yield* dispatch(item.plan.id, {
          type: "RecordCustomerResponse",
          actor: officerActor(item.handler),
          accepted,
          ...(accepted ? {} : { note: "客户认为补偿不足" }),
        })
        const scale = urgencyScale[item.plan.urgency]
        scheduleWork(
          item,
          afterWork(
            at,
            accepted
              ? random.logNormal(900, 0.45) * scale * (item.plan.slowHandling ? 3 : 1)
              : random.int(30, 180) * Math.max(0.25, scale),
          ),
        )
      })

    const customerReplies = (item: Tracked) =>
      Effect.gen(function* () {
        const state = stateOf(item.plan.id)
        const at = yield* now()
        // The pause may have run out already (自动恢复): the reply then just lets work go on.
        if (state.pause !== undefined)
          yield* dispatch(item.plan.id, { type: "ResumeClock", actor: officerActor(item.handler) })
        scheduleWork(item, afterWork(at, random.int(30, 240)))
      })

    const withdraw = (item: Tracked) =>
      Effect.gen(function* () {
        const state = stateOf(item.plan.id)
        if (!Complaints.withdrawableStages.has(state.stage)) return
        yield* dispatch(item.plan.id, {
          type: "Withdraw",
          actor: officerActor(item.handler),
          reason: "客户表示问题已自行解决，撤回投诉",
        })
      })

    const concludeLitigation = (item: Tracked) =>
      Effect.gen(function* () {
        const state = stateOf(item.plan.id)
        if (state.stage !== "litigation") return
        const verdict = random.weighted<Complaints.LitigationVerdict>({
          settled: 50,
          forCompany: 30,
          forCustomer: 20,
        })
        const claimed = state.proposal?.total.minor ?? 0
        const award =
          verdict === "forCompany"
            ? 0
            : Math.round((claimed * (verdict === "settled" ? 1.2 : 1.8)) / 100) * 100
        const at = yield* now()
        yield* dispatch(item.plan.id, {
          type: "ConcludeLitigation",
          actor: manager,
          verdict,
          award: Money.ofMinor(award, "CNY"),
        })
        scheduleWork(item, afterWork(at, random.int(60, 480)))
      })

    const reopen = (item: Tracked) =>
      Effect.gen(function* () {
        const state = stateOf(item.plan.id)
        if (state.stage !== "closed") return
        const at = yield* now()
        const reopened = yield* dispatch(item.plan.id, {
          type: "Reopen",
          actor: officerActor(item.handler),
          reason: "客户反映问题再次出现",
        })
        if (Result.isSuccess(reopened)) scheduleWork(item, afterWork(at, random.int(120, 900)))
      })

    /** The person who decides for an approver: the person named, or the first active holder of the post (as the directory resolves it). */
    const deciderOf = (approver: Assignee): PersonId =>
      "person" in approver
        ? approver.person
        : company.people
            .filter((member) => member.active && member.roles.includes(approver.role))
            .map((member) => member.id)
            .sort()[0]!

    /**
     * The approvers in the in-memory approvals host: when a solution went to approval, its chain's
     * steps are decided one after another, each after a while (urgent cases first).
     */
    const scheduleApproval = (item: Tracked, from: Instant) =>
      Effect.gen(function* () {
        const approval = stateOf(item.plan.id).proposal?.approval
        if (approval === undefined || approval.status !== "pending") return
        // The approval was opened by the turn's effects, which follow its commit.
        yield* runner.drain
        const record = yield* approvalsPort.findByKey(approval.key).pipe(Effect.orDie)
        if (record === undefined) return
        scheduleStep(item, record.id, approval.steps, 0, from)
      })

    const scheduleStep = (
      item: Tracked,
      approvalId: ApprovalId,
      steps: ReadonlyArray<Complaints.ApprovalChainStep>,
      step: number,
      from: Instant,
    ) => {
      const approver = steps[step]!.approvers[0]!
      const role =
        "role" in approver
          ? approver.role
          : (company.people.find((member) => member.id === approver.person)?.roles[0] ?? "manager")
      const delay = {
        supervisor: 180,
        manager: 300,
        director: 600,
        generalManager: 900,
        finance: 300,
        officer: 120,
      }[role]
      // Approvers take urgent cases first.
      const factor = item.plan.urgency === "critical" ? 0.2 : item.plan.urgency === "urgent" ? 0.5 : 1
      agenda.add(afterWork(from, random.logNormal(delay * factor, 0.5)), () =>
        decideApproval(item, approvalId, steps, step),
      )
    }

    const decideApproval = (
      item: Tracked,
      approvalId: ApprovalId,
      steps: ReadonlyArray<Complaints.ApprovalChainStep>,
      step: number,
    ) =>
      Effect.gen(function* () {
        // Withdrawn meanwhile (the customer withdrew the complaint): nothing left to decide.
        if (stateOf(item.plan.id).proposal?.approval.status !== "pending") return
        const at = yield* now()
        const passes = item.plan.approvals[item.approvalRounds] ?? true
        const outcome = approvals.decide(approvalId, {
          approver: deciderOf(steps[step]!.approvers[0]!),
          outcome: passes ? "approved" : "rejected",
          at,
          ...(passes ? {} : { comment: "金额偏高，请与客户重新协商" }),
        })
        approvals.takeOutcomes()
        if (outcome === undefined) {
          // The next step of the chain (finance after the manager) decides in turn.
          scheduleStep(item, approvalId, steps, step + 1, at)
          return
        }
        item.approvalRounds += 1
        const command = Complaints.remedyApprovalCommand(outcome)
        if (command === undefined) return
        const { at: _at, ...unstamped } = command
        const decided = yield* dispatch(item.plan.id, unstamped)
        if (Result.isFailure(decided)) return
        if (decided.success.state.stage === "negotiating")
          agenda.add(at + customerHours(item) * hour, () => customerResponds(item))
        else scheduleWork(item, afterWork(at, random.int(60, 300)))
      })

    const arrive = (plan: ComplaintPlan, receivedAt: Instant) =>
      Effect.gen(function* () {
        const at = yield* now()
        const officer = officers[order.length % officers.length]!
        const item: Tracked = {
          plan,
          handler: officer.id,
          investigator: plan.type === "product" ? random.pick(inspectors).id : officer.id,
          workToken: 0,
          approvalRounds: 0,
          reassigned: false,
          reopened: false,
        }
        tracked.set(plan.id, item)
        order.push(plan.id)
        const registered = yield* dispatch(plan.id, {
          type: "Register",
          complaintId: plan.id,
          actor: officerActor(officer.id),
          registration: registrationOf(plan, receivedAt, at, calendar, policy),
        })
        if (Result.isFailure(registered)) return
        if (registered.success.state.stage !== "registered") {
          // Accepted at the desk: the handling starts at once.
          scheduleWork(item, afterWork(at, random.int(10, 60)))
          return
        }
        const response = plan.urgency === "critical" ? 30 : plan.urgency === "urgent" ? 70 : 150
        const delay = plan.slowResponse
          ? random.int(response * 3, response * 8)
          : random.logNormal(response, 0.55)
        scheduleWork(item, afterWork(at, delay))
      })

    // The arrivals of every day, fewer at weekends and during 春节, a backlog right after it.
    let serial = 0
    let festivalEnded = 0
    for (let day = 0; day < options.days; day++) {
      const date = addDays(options.start, day)
      const kind = calendar.describeDay(date).kind
      const weekday = weekdayOf(date) - 1
      let factor = kind === "holiday" ? 0.35 : kind === "makeUpWorkday" ? 0.8 : weekdayFactor[weekday]!
      if (kind === "holiday") festivalEnded = 3
      else if (festivalEnded > 0 && calendar.isWorkingDay(date)) {
        factor *= 1.6
        festivalEnded -= 1
      }
      const count = poisson(random, options.complaintsPerDay * factor * (1 + day / options.days / 5))
      const instants = Array.from({ length: count }, () => {
        const hourOfDay = random.weighted(
          Object.fromEntries(hourWeights.map((weight, index) => [String(index), weight])),
        )
        return (
          calendar.startOfDay(date) +
          Number(hourOfDay) * hour +
          random.int(0, 59) * 60_000 +
          random.int(0, 59) * 1000
        )
      }).sort((left, right) => left - right)
      for (const instant of instants) {
        serial += 1
        const customer = pickCustomer(random, customers)
        let channel = random.weighted<Complaints.Channel>({
          phone: 34,
          web: 16,
          chat: 15,
          email: 10,
          inStore: 9,
          visit: 5,
          letter: 7,
          fax: 4,
        })
        const open = calendar.isWorkingInstant(instant)
        if (!open && (channel === "visit" || channel === "inStore"))
          channel = random.pick(["phone", "web", "chat"] as const)
        const id = `TS-${date.replaceAll("-", "")}-${String(serial).padStart(4, "0")}`
        const plan = planComplaint(random, id, customer, channel)
        // Letters and faxes are registered when the desk opens the post; the SLA counts from receipt.
        const registerAt =
          channel === "letter" || channel === "fax" ? afterWork(instant, random.int(20, 90)) : instant
        agenda.add(registerAt, () => arrive(plan, instant))
      }
    }

    for (let next = agenda.take(); next !== undefined && next.at < endAt; next = agenda.take()) {
      yield* runner.advanceTo(next.at)
      yield* next.run()
    }
    yield* runner.advanceTo(endAt)
    yield* runner.drain
    const logs = yield* runner.eventLog
    const deadLetters = yield* runner.deadLetters

    const delivered = notifier.delivered()
    const notifications: Record<string, number> = {}
    for (const notice of delivered) notifications[notice.severity] = (notifications[notice.severity] ?? 0) + 1
    const approvalStates: Record<ApprovalRecord["state"], number> = {
      pending: 0,
      approved: 0,
      rejected: 0,
      withdrawn: 0,
    }
    for (const record of approvals.records()) approvalStates[record.state] += 1
    const cases = host.cases()
    const tasks = host.tasks()
    const organisationAccess = yield* observeOrganisationAndAccess(sampleComplaint(order, logs))
    return {
      options,
      calendar,
      policy,
      startAt,
      endAt,
      customers,
      logs: order.map((complaintId) => ({ complaintId, events: logs.get(complaintId) ?? [] })),
      runner: runner.statistics(),
      engine: {
        ...(yield* runner.engine),
        database: options.dataFolder === undefined ? "PGlite (in memory)" : `PGlite in ${options.dataFolder}`,
      },
      deadLetters: deadLetters.map((letter) => ({
        complaintId: letter.instanceId,
        kind: letter.request.kind,
        error: letter.error,
      })),
      host: {
        cases: cases.length,
        openCases: cases.filter((entry) => entry.status === "open").length,
        tasks: tasks.length,
        openTasks: tasks.filter((task) => task.status === "open").length,
        activities: host.activities().length,
        notifications,
        approvals: approvalStates,
        injectedOutages,
      },
      policyRefusals,
      unexpectedRefusals,
      organisationAccess,
    } satisfies SimulationOutcome
  })
}

/**
 * The first complaint of a natural person (whose telephone and address are 秘密) that an officer
 * accepted: the one the organisation-and-access section shows to several readers.
 */
function sampleComplaint(
  order: ReadonlyArray<string>,
  logs: ReadonlyMap<string, ReadonlyArray<Complaints.ComplaintEvent>>,
) {
  for (const complaintId of order) {
    const events = logs.get(complaintId) ?? []
    const registered = events.find((event) => event.type === "ComplaintRegistered")
    const accepted = events.find((event) => event.type === "ComplaintAccepted")
    if (registered?.type === "ComplaintRegistered" && accepted?.type === "ComplaintAccepted")
      if (registered.registration.customerKind === "person" && registered.registration.phone !== undefined)
        return { complaintId, registration: registered.registration, handler: accepted.handler as string }
  }
  throw new Error("no accepted complaint of a natural person to show")
}

function pickCustomer(random: Random, customers: ReadonlyArray<SimulatedCustomer>): SimulatedCustomer {
  const total = customers.reduce((sum, customer) => sum + customer.propensity, 0)
  let roll = random.next() * total
  for (const customer of customers) {
    roll -= customer.propensity
    if (roll < 0) return customer
  }
  return customers[customers.length - 1]!
}

const rejectionExplanation: Readonly<Record<Complaints.RejectionReason, string>> = {
  notOurProduct: "经核实该产品非本公司销售，已告知客户联系原销售商。",
  beyondTimeLimit: "购买已超过一年投诉时效，建议客户申请付费维修。",
  duplicate: "与客户此前提出的投诉重复，已并入原案件处理。",
  insufficientInformation: "客户未能提供订单或购买凭证，无法核实。",
  unreasonableDemand: "客户要求超出法律和合同约定范围，已耐心解释。",
  alreadyResolved: "该问题已处理完毕，已向客户说明。",
  other: "经核实不属于投诉受理范围。",
}

const findings: Readonly<Record<Complaints.ContentCategory, string>> = {
  quality: "抽检同批次产品，确认存在质量缺陷，出厂检验未检出。",
  quantity: "仓库出库复核漏项，少发属实。",
  deliveryDate: "排车计划失误导致延迟送货。",
  attitude: "调取通话录音，客服人员确有不当用语。",
  service: "服务网点未按预约时间派工。",
  other: "开票信息录入错误。",
}

const improvementArea: Readonly<Record<Complaints.ContentCategory, Complaints.ImprovementArea>> = {
  quality: "processing",
  quantity: "management",
  deliveryDate: "transport",
  attitude: "service",
  service: "service",
  other: "management",
}

/** The registration form (客户投诉登记表) the officer fills in for a plan. */
function registrationOf(
  plan: ComplaintPlan,
  receivedAt: Instant,
  at: Instant,
  calendar: BusinessCalendar,
  policy: Complaints.ComplaintPolicy,
): Record<string, unknown> {
  const { customer } = plan
  const receivedOn = calendar.dateOf(receivedAt)
  const registration: Record<string, unknown> = {
    customerId: customer.id,
    customerName: customer.name,
    customerKind: customer.kind,
    phone: customer.phone,
    address: customer.address,
    ...(customer.kind === "person" ? { organization: customer.contact } : {}),
    type: plan.type,
    channel: plan.channel,
    urgency: plan.urgency,
    receivedAt,
    subject: plan.text.subject,
    description: plan.text.description,
    demand: plan.text.demand,
    desiredRemedies: plan.desiredRemedies,
    product: plan.product.name,
    purchaseDate: addDays(receivedOn, -plan.purchaseDaysAgo),
    ...(customer.kind === "organization"
      ? { orderNumber: `SO-${plan.id.slice(3, 11)}-${plan.id.slice(-3)}`, claimQuantity: plan.quantity }
      : {}),
  }
  if (plan.channel === "visit" || plan.channel === "inStore")
    registration.receptionNotes = "已礼貌接待，倾听并记录客户陈述，安抚客户情绪。"
  if (plan.acceptAtDesk) {
    // A promise on the form: the last working day before the service level's deadline.
    const target = policy.sla[plan.urgency]
    const due = calendar.addWorkingMinutes(receivedAt, target.resolutionWorkingMinutes)
    const promised = calendar.addWorkingDays(calendar.dateOf(due), -1)
    if (promised >= calendar.dateOf(at)) {
      registration.acceptance = "accepted"
      registration.promisedDate = promised
    }
  }
  return registration
}
