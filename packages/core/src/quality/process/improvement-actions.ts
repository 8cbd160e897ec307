import { Result } from "effect"
import { z } from "zod"
import { type InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import { type Label, label } from "../../labels/label.ts"
import type { FlowEvent, ShapedCommand } from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { Unstamped } from "../../process/definition.ts"
import type { Assignee, EffectRequest } from "../../process/effect-request.ts"
import type { Decision } from "../../process/flow.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { type MaybeDeadline, timer } from "../../process/timers.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { type Instant, instantSchema } from "../../time/instant.ts"

const actionSchema = z.strictObject({
  id: commandIdSchema,
  action: commandTextSchema(5000),
  owner: personIdSchema,
  dueAt: instantSchema,
  target: commandTextSchema(300).optional(),
})

/**
 * The actions of an improvement plan (改进措施), each with its owner and due date so it becomes a
 * task: at least one, ids unique so each can be completed or chased by id. Shared by every plan
 * that improves on a survey's findings (satisfaction, loyalty).
 */
export const improvementActionsSchema = z
  .array(actionSchema)
  .min(1, "an improvement plan needs at least one action")
  .refine(
    (actions) => new Set(actions.map((action) => action.id)).size === actions.length,
    "action ids must be unique",
  )

/** One action of the improvement plan: who does what by when, so each becomes a task with a due date. */
export type ImprovementAction = ShapedCommand<typeof actionSchema>

/** An improvement action as the process tracks it. */
export interface TrackedAction extends ImprovementAction {
  readonly completedAt: Instant | undefined
  readonly note: string | undefined
  readonly overdue: boolean
}

/** What the action steps read of a flow: where it stands and its actions. */
export interface ImprovingState {
  readonly status: string
  readonly actions: ReadonlyArray<TrackedAction>
}

/** An action done, and an action past its due date while still open. */
export type ActionEvent =
  | FlowEvent<"ActionCompleted", { actionId: string; note: string }>
  | FlowEvent<"ActionOverdue", { actionId: string }>

/** The follow-up of a plan: what was found, and ◇ whether the improvement worked. */
export type FollowedUpEvent = FlowEvent<"FollowedUp", { summary: string; effective: boolean }>

/** The actions of a newly submitted plan, tracked: open, not overdue. */
export const trackActions = (actions: ReadonlyArray<ImprovementAction>): ReadonlyArray<TrackedAction> =>
  actions.map((action) => ({ ...action, completedAt: undefined, note: undefined, overdue: false }))

/** The action `id` of the plan, if any. */
export const actionOf = (state: ImprovingState, id: string) =>
  state.actions.find((action) => action.id === id)

/** The state with one action changed. */
export const withAction = <State extends ImprovingState>(
  state: State,
  actionId: string,
  change: Partial<TrackedAction>,
): State => ({
  ...state,
  actions: state.actions.map((action) => (action.id === actionId ? { ...action, ...change } : action)),
})

/** The ids of the actions not yet done: a follow-up waits for them. */
export const openActions = (state: ImprovingState) =>
  state.actions.filter((action) => action.completedAt === undefined).map(({ id }) => id)

/** 实施改进措施: an action of the plan done (by its owner) while `implementing`; done twice changes nothing. */
export const completeActionStep =
  (unknownActionRule: string) =>
  <State extends ImprovingState, Event>(
    state: State,
    command: { readonly at: Instant; readonly actionId: string; readonly note: string },
    decision: Decision<Event>,
  ): Result.Result<ReadonlyArray<Event>, InvalidTransition | PolicyRefusal> => {
    if (state.status !== "implementing") return decision.refuse("no improvement plan is being implemented")
    const action = actionOf(state, command.actionId)
    if (!action)
      return Result.fail(
        new PolicyRefusal({ rule: unknownActionRule, detail: `no action ${command.actionId} in the plan` }),
      )
    const completed: ActionEvent = {
      ...command,
      type: "ActionCompleted",
      note: command.note.trim(),
    }
    // the flow's event union includes `ActionEvent` (its action steps are these)
    return decision.acceptIf(action.completedAt === undefined, completed as unknown as Event)
  }

/** Timer: an action past its due date, still open, marked once. */
export const markActionOverdueStep = <State extends ImprovingState, Event>(
  state: State,
  command: { readonly at: Instant; readonly actionId: string },
  decision: Decision<Event>,
): Result.Result<ReadonlyArray<Event>, never> => {
  const action = state.status === "implementing" ? actionOf(state, command.actionId) : undefined
  const open = action !== undefined && action.completedAt === undefined && !action.overdue
  const overdue: ActionEvent = { ...command, type: "ActionOverdue" }
  return decision.acceptIf(open && command.at >= action.dueAt, overdue as unknown as Event)
}

/** The due-date timers of the actions still open and not yet marked overdue. */
export const actionDeadlines = <Command>(
  state: ImprovingState,
  overdueCommand: (actionId: string) => Unstamped<Command>,
): ReadonlyArray<MaybeDeadline<Command>> =>
  state.actions.map((action) =>
    timer<Command>(
      `action-due/${action.id}`,
      action.dueAt,
      overdueCommand(action.id),
      action.completedAt !== undefined || action.overdue,
    ),
  )

/** The host task of each action (keyed `<id>/action/<action id>`), for its owner with its due date. */
export const actionTasks = (
  state: ImprovingState,
  host: HostEffects,
  instanceId: string,
  subject: string,
): ReadonlyArray<EffectRequest> =>
  state.actions.map(({ id, action, owner, dueAt }) =>
    host.task(
      { person: owner },
      { externalKey: `${instanceId}/action/${id}`, subject: `${subject} ${id}`, body: action, dueAt },
      `host.task.create/${id}`,
    ),
  )

/** The task of a completed action closed on the host. */
export const actionCompletedEffects = (
  instanceId: string,
  event: { readonly actionId: string },
  host: HostEffects,
): ReadonlyArray<EffectRequest> => [host.completeTask(`${instanceId}/action/${event.actionId}`)]

/** The warning that an action is overdue, to its owner and the plan's owner. */
export const actionOverdueNotice = (
  state: ImprovingState,
  event: { readonly actionId: string },
  host: HostEffects,
  planOwner: Assignee,
  title: Label,
): ReadonlyArray<EffectRequest> => {
  const { id, action, owner } = actionOf(state, event.actionId)!
  return [
    host.notify(
      [{ person: owner }, planOwner],
      "warning",
      title,
      label(`改进措施 ${id} 已超期：${action}`, `Improvement action ${id} is overdue: ${action}`),
    ),
  ]
}

/**
 * 跟踪反馈: the follow-up of a plan being implemented, once every action is done (refused under
 * `actionsOpenRule` naming the open ones); records whether the improvement worked.
 */
export const followUpStep =
  (actionsOpenRule: string) =>
  <State extends ImprovingState, Event>(
    state: State,
    command: { readonly at: Instant; readonly summary: string; readonly effective: boolean },
    decision: Decision<Event>,
  ): Result.Result<ReadonlyArray<Event>, InvalidTransition | PolicyRefusal> => {
    if (state.status !== "implementing") return decision.refuse("there is nothing to follow up")
    const open = openActions(state)
    if (open.length > 0)
      return Result.fail(
        new PolicyRefusal({ rule: actionsOpenRule, detail: `actions still open: ${open.join(", ")}` }),
      )
    const followedUp: FollowedUpEvent = { ...command, type: "FollowedUp", summary: command.summary.trim() }
    // the flow's event union includes `FollowedUpEvent` (its follow-up step is this one)
    return decision.accept(followedUp as unknown as Event)
  }
