import { z } from "zod"
import { nonNegativeMoneyInputSchema } from "../../credit/schema/money-input.ts"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { label } from "../../labels/label.ts"
import type { Money } from "../../money/money.ts"
import type { GatedState } from "../../process/approval-gate.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelStep,
} from "../../process/cancellation.ts"
import {
  commandShape,
  commandUnion,
  type FlowEvent,
  type ShapedCommand,
  type StepFields,
  timerCommand,
} from "../../process/command-shapes.ts"
import { daysAfter } from "../../process/days-after.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import { civilDateSchema } from "../../time/civil-date.ts"
import type { Instant } from "../../time/instant.ts"
import { ContactKind } from "../labels/contact-kind.ts"
import type { AccountsPolicy } from "../policy/accounts-policy.ts"

/** The process name of key-account development; part of every idempotency key. */
export const keyAccountDevelopmentName = "accounts.development"

/** Where the development of a prospective key account stands. */
export type KeyAccountDevelopmentStatus = "none" | "planned" | "proposed" | "won" | "lost" | "cancelled"

/** The state of one development (a prospect pursued until won or lost). */
export interface KeyAccountDevelopmentState extends FlowState, GatedState {
  readonly status: KeyAccountDevelopmentStatus
  readonly sequence: number
  readonly developmentId: string
  readonly customerId: string
  readonly customerName: string | undefined
  readonly officer: Actor | undefined
  readonly contacts: number
  readonly lastContactAt: Instant | undefined
  readonly contactReminded: boolean
  readonly proposals: number
  readonly proposalValue: Money | undefined
  readonly outcomeReason: string | undefined
}

/** Every command of a development, validated before a step reads it. */
export const keyAccountDevelopmentCommandSchema = commandUnion(
  /** ① 制定大客户开发计划 (大客户专员): the prospect, the objective, the approach and the target date. */
  commandShape("PlanDevelopment", {
    developmentId: commandIdSchema,
    customerId: commandIdSchema,
    customerName: commandTextSchema(200).optional(),
    officer: actorSchema,
    objective: commandTextSchema(2000),
    approach: commandTextSchema(2000),
    expectedValue: nonNegativeMoneyInputSchema.optional(),
    targetDate: civilDateSchema,
  }),
  /** ② 接触客户: a visit, a call, a meeting with the prospect's decision makers. */
  commandShape("LogContact", {
    officer: actorSchema,
    kind: ContactKind.schema,
    summary: commandTextSchema(2000),
    metWith: commandTextSchema(200).optional(),
  }),
  /** ③ 提交方案: the proposal (again after the prospect asked for changes). */
  commandShape("SubmitProposal", {
    officer: actorSchema,
    proposal: commandTextSchema(5000),
    value: nonNegativeMoneyInputSchema,
  }),
  /** ◇ won? — the prospect signed, or declined. */
  commandShape("RecordOutcome", { officer: actorSchema, won: z.boolean(), reason: commandTextSchema(2000) }),
  timerCommand("RemindContact"),
  cancelCommandSchema,
)

/** The commands of a development. */
export type KeyAccountDevelopmentCommand = ShapedCommand<typeof keyAccountDevelopmentCommandSchema>

type Step<Type extends KeyAccountDevelopmentCommand["type"]> = StepFields<KeyAccountDevelopmentCommand, Type>

/** The events of a development. */
export type KeyAccountDevelopmentEvent =
  | FlowEvent<"DevelopmentPlanned", Step<"PlanDevelopment">>
  | FlowEvent<"ContactLogged", Step<"LogContact">>
  | FlowEvent<"ProposalSubmitted", Step<"SubmitProposal">>
  | FlowEvent<"Won", Step<"RecordOutcome">>
  | FlowEvent<"Lost", Step<"RecordOutcome">>
  | FlowEvent<"ContactReminded">
  | CancelledEvent

/** Why a development command is refused. */
export type KeyAccountDevelopmentRefusal = InvalidTransition | ValidationError

const initialState: KeyAccountDevelopmentState = {
  status: "none",
  sequence: 0,
  developmentId: "",
  customerId: "",
  customerName: undefined,
  officer: undefined,
  contacts: 0,
  lastContactAt: undefined,
  contactReminded: false,
  proposals: 0,
  proposalValue: undefined,
  outcomeReason: undefined,
  approval: undefined,
  decidedApprovals: [],
}

/**
 * 大客户开发流程 (000 ch.4 4.4.2): ① the officer's development plan for a prospect; ② contacts
 * logged on the host (a reminder when the prospect goes quiet); ③ the proposal, revised as often
 * as the prospect asks; ◇ won? — yes: the customer becomes a key account on the host and its file
 * is opened; no: the development ends with the reason.
 */
export function keyAccountDevelopmentProcess(
  policy: AccountsPolicy,
): ProcessDefinition<
  KeyAccountDevelopmentState,
  KeyAccountDevelopmentCommand,
  KeyAccountDevelopmentEvent,
  KeyAccountDevelopmentRefusal
> {
  const interval = policy.development.contactIntervalDays
  const pursuing = (state: KeyAccountDevelopmentState) =>
    state.status === "planned" || state.status === "proposed"
  return defineFlow<
    KeyAccountDevelopmentState,
    KeyAccountDevelopmentCommand,
    KeyAccountDevelopmentEvent,
    KeyAccountDevelopmentRefusal
  >({
    name: keyAccountDevelopmentName,
    initialState,
    commands: keyAccountDevelopmentCommandSchema,
    idOf: (state) => state.developmentId,
    finished: ["won", "lost", "cancelled"],
    steps: {
      // ① 制定开发计划 (大客户专员)
      PlanDevelopment: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the development was already planned")
        return decision.accept({ ...command, type: "DevelopmentPlanned" })
      },
      // ② 接触客户 (大客户专员)
      LogContact: (state, command, decision) => {
        if (!pursuing(state)) return decision.refuse("contacts are logged while the prospect is pursued")
        return decision.accept({ ...command, type: "ContactLogged" })
      },
      // ③ 提交方案: after at least one contact
      SubmitProposal: (state, command, decision) => {
        if (!pursuing(state)) return decision.refuse("a proposal is made while the prospect is pursued")
        if (state.contacts === 0) return decision.refuse("a proposal follows a contact with the prospect")
        if (command.value.currency !== policy.currency)
          return decision.refuse(`the proposal's value must be in ${policy.currency}`)
        return decision.accept({ ...command, type: "ProposalSubmitted" })
      },
      // ◇ 是否成功开发？ yes → key account; no → 结束
      RecordOutcome: (state, command, decision) => {
        if (state.status !== "proposed") return decision.refuse("the outcome follows a proposal")
        return decision.accept({ ...command, type: command.won ? "Won" : "Lost" })
      },
      RemindContact: (state, command, decision) =>
        decision.acceptIf(pursuing(state) && !state.contactReminded, {
          type: "ContactReminded",
          at: command.at,
        }),
      Cancel: cancelStep(
        (state) => (pursuing(state) ? undefined : "only a development being pursued can be cancelled"),
        () => false,
      ),
    },
    folds: {
      DevelopmentPlanned: (state, event) => ({
        ...state,
        status: "planned",
        developmentId: event.developmentId,
        customerId: event.customerId,
        customerName: event.customerName,
        officer: event.officer,
        lastContactAt: event.at,
      }),
      ContactLogged: (state, event) => ({
        ...state,
        contacts: state.contacts + 1,
        lastContactAt: event.at,
        contactReminded: false,
      }),
      ProposalSubmitted: (state, event) => ({
        ...state,
        status: "proposed",
        proposals: state.proposals + 1,
        proposalValue: event.value,
      }),
      Won: (state, event) => ({ ...state, status: "won", outcomeReason: event.reason }),
      Lost: (state, event) => ({ ...state, status: "lost", outcomeReason: event.reason }),
      ContactReminded: (state) => ({ ...state, contactReminded: true }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      timers(
        pursuing(state) &&
          timer(
            "contact",
            daysAfter(state.lastContactAt, interval),
            { type: "RemindContact" },
            state.contactReminded,
          ),
      ),
    effects: {
      DevelopmentPlanned: (state, event, host) => [
        host.task(
          { person: event.officer.personId },
          {
            externalKey: `${state.developmentId}/develop`,
            subject: `大客户开发 Develop ${customerOf(state)}`,
            body: event.objective,
          },
        ),
      ],
      ContactLogged: (state, event, host) => [
        host.activity({
          externalKey: host.key("contact"),
          kind: event.kind,
          subject: `大客户开发接触 Key account development: ${customerOf(state)}`,
          body: event.metWith === undefined ? event.summary : `${event.metWith}: ${event.summary}`,
          occurredAt: event.at,
          customerKey: state.customerId,
        }),
      ],
      ProposalSubmitted: (state, event, host) => [
        host.activity({
          externalKey: host.key("proposal"),
          kind: "note",
          subject: `大客户开发方案 Proposal to ${customerOf(state)}`,
          body: event.proposal,
          occurredAt: event.at,
          customerKey: state.customerId,
        }),
      ],
      Won: (state, event, host) => [
        host.updateCustomer(state.customerId, {
          key_account: true,
          key_account_since: event.at,
          key_account_development: state.developmentId,
        }),
        host.completeTask(`${state.developmentId}/develop`),
        host.task(
          { person: event.officer.personId },
          {
            externalKey: `${state.developmentId}/file`,
            subject: `建立大客户档案 Open the key account file of ${customerOf(state)}`,
            body: event.reason,
          },
          "host.task.create:file",
        ),
      ],
      Lost: (state, _event, host) => [host.completeTask(`${state.developmentId}/develop`)],
      ContactReminded: (state, _event, host) => [
        host.notify(
          [{ person: state.officer!.personId }],
          "info",
          label("请跟进大客户开发", "Follow up the prospect"),
          label(
            `${customerOf(state)} 已 ${interval} 天没有接触记录`,
            `No contact with ${customerOf(state)} in ${interval} days`,
          ),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

const customerOf = (state: KeyAccountDevelopmentState) => state.customerName ?? state.customerId
