import {
  type CivilDate,
  Complaints,
  chinaMainlandCalendar,
  type Department,
  departmentId,
  type EffectRequest,
  handle,
  type Instant,
  Money,
  type Person,
  personId,
  type Role,
  replay,
} from "@tixi/core"
import { Result } from "effect"
import { expect } from "vitest"

type ComplaintCommand = Complaints.ComplaintCommand
type ComplaintEvent = Complaints.ComplaintEvent
type ComplaintState = Complaints.ComplaintState

/** The official calendar of 2026 (Spring Festival 02-15…02-23, 调休 on Saturdays 02-14 and 02-28). */
export const calendar = chinaMainlandCalendar()

/** The complaint process under the default policy. */
export const definition = Complaints.complaintProcess({ calendar })

/** A local Shanghai time as an instant. */
export const at = (date: string, time: string): Instant => calendar.instantAt(date as CivilDate, time)

/** The posts of the handbooks as actors. */
export const officer = { personId: personId("officer-wu"), role: "officer" } as const
export const officerZheng = { personId: personId("officer-zheng"), role: "officer" } as const
export const supervisor = { personId: personId("supervisor-sun"), role: "supervisor" } as const
export const manager = { personId: personId("manager-qian"), role: "manager" } as const

/** A registration of 客户投诉登记表 (valid as it is). */
export const registration = (overrides: Record<string, unknown> = {}) => ({
  customerId: "cust-0001",
  customerName: "上海恒通贸易有限公司",
  customerKind: "organization",
  phone: "021-6288 1234",
  type: "product",
  channel: "phone",
  urgency: "normal",
  subject: "第二批货物外包装破损",
  description: "到货的 40 箱中有 6 箱外包装破损，内件受潮。",
  demand: "更换受潮的 6 箱并承担运费",
  product: "工业除湿机 DH-60",
  purchaseDate: "2025-12-20",
  ...overrides,
})

export const cny = (major: string) => Money.ofMajor(major, "CNY")

/** ④ 调查: a serious batch defect on our side, production 100 %, as `actor` records it. */
export const seriousDefectFound = <A>(actor: A) =>
  ({
    type: "RecordInvestigation",
    actor,
    cause: "serious",
    ownSide: true,
    responsibility: [{ departmentId: "production", sharePercent: 100 }],
    severity: "serious",
    findings: "批次缺陷",
  }) as const

/** A complaint driven command by command, checking at every step that replay rebuilds the state. */
export class Story {
  state: ComplaintState = definition.initialState
  readonly events: Array<ComplaintEvent> = []
  readonly effects: Array<EffectRequest> = []

  /** Decides a command that must succeed; returns its events. */
  do(command: ComplaintCommand): ReadonlyArray<ComplaintEvent> {
    const handled = handle(definition, this.state, command)
    if (Result.isFailure(handled)) throw new Error(`refused ${command.type}: ${handled.failure.message}`)
    for (const event of handled.success.events) {
      const sequence = this.events.length
      this.events.push(event)
      const stateAfter = replay(definition, [event], this.state)
      this.effects.push(
        ...definition.effects(stateAfter, event, { instanceId: stateAfter.complaintId, sequence }),
      )
      this.state = stateAfter
    }
    expect(handled.success.events.length).toBeGreaterThan(0)
    expect(replay(definition, this.events)).toEqual(this.state)
    return handled.success.events
  }

  /** Decides a command that must be refused; returns the refusal. */
  refuse(command: ComplaintCommand) {
    const handled = handle(definition, this.state, command)
    if (Result.isSuccess(handled)) throw new Error(`expected ${command.type} to be refused`)
    return handled.failure
  }

  /** The event types so far. */
  get types() {
    return this.events.map((event) => event.type)
  }

  /** Fires every deadline due by `until`, in order, each at its own instant (as a runner does). */
  runTimers(until: Instant): ReadonlyArray<ComplaintEvent> {
    const fired: Array<ComplaintEvent> = []
    for (;;) {
      const next = [...definition.deadlines(this.state)].sort((left, right) => left.dueAt - right.dueAt)[0]
      if (next === undefined || next.dueAt > until) return fired
      fired.push(
        ...this.do({ ...next.command, at: Math.max(next.dueAt, this.state.lastEventAt) } as ComplaintCommand),
      )
    }
  }
}

/** Registers, accepts and classifies a complaint at `start`: the common opening of the handling flow. */
export function acceptedStory(start: Instant, overrides: Record<string, unknown> = {}): Story {
  const story = new Story()
  story.do({
    type: "Register",
    at: start,
    complaintId: "TS-20260105-0001",
    actor: officer,
    registration: registration(overrides),
  })
  story.do({ type: "Accept", at: start + 30 * 60_000, actor: officer })
  story.do({
    type: "Classify",
    at: start + 40 * 60_000,
    actor: officer,
    category: "quality",
    departmentId: "quality",
    investigator: officerZheng.personId,
  })
  return story
}

/** The effect requests of one kind. */
export const effectsOf = <Kind extends EffectRequest["kind"]>(
  effects: ReadonlyArray<EffectRequest>,
  kind: Kind,
) => effects.filter((effect): effect is Extract<EffectRequest, { kind: Kind }> => effect.kind === kind)

/**
 * Takes an accepted story through an investigation that finds the company at fault, a remedy the
 * customer accepts and its execution, starting at `from` (one hour a step): resolved, not closed.
 */
export function resolveOwnSide(
  story: Story,
  from: Instant,
  remedy: { readonly kind: "repair" | "exchange"; readonly major: string },
) {
  const hour = 60 * 60_000
  story.do({
    type: "RecordInvestigation",
    at: from,
    actor: officer,
    cause: "occasional",
    ownSide: true,
    responsibility: [{ departmentId: "quality", sharePercent: 100 }],
    severity: "minor",
    findings: "个别批次",
  })
  story.do({
    type: "ProposeRemedy",
    at: from + hour,
    actor: officer,
    remedies: [{ kind: remedy.kind, amount: cny(remedy.major) }],
  })
  story.do({ type: "RecordCustomerResponse", at: from + 2 * hour, actor: officer, accepted: true })
  story.do({ type: "RecordExecution", at: from + 26 * hour, actor: officer })
}

/** `resolveOwnSide`, then closure an hour after the execution. */
export function closeOwnSide(
  story: Story,
  from: Instant,
  remedy: { readonly kind: "repair" | "exchange"; readonly major: string },
) {
  resolveOwnSide(story, from, remedy)
  story.do({ type: "Close", at: from + 27 * 60 * 60_000, actor: officer, summary: "已处理" })
}

/** A member of the service department in the directory, acting in `roles`. */
export const staffMember = (id: string, roles: ReadonlyArray<Role>): Person => ({
  id: personId(id),
  name: id,
  roles,
  posts: [],
  departmentId: departmentId("service"),
  managerId: undefined,
  locale: "zh-CN",
  active: true,
  accounts: {},
})

/** The service department (客服部) the directory fixtures belong to. */
export const serviceDepartment: Department = {
  id: departmentId("service"),
  name: "客服部",
  parentId: undefined,
  headId: undefined,
}

/** A complaint of March 2026 as the periodic analysis reads it: quality, serious, production 100 %. */
export const marchQualityComplaint = {
  complaintId: "TS-1",
  receivedOn: "2026-03-02",
  category: "quality",
  cause: "serious",
  outcome: "remedied",
  loss: { minor: 800_00, currency: "CNY" },
  responsibility: [{ departmentId: "production", sharePercent: 100 }],
} as const
