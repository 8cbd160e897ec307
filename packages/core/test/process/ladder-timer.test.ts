import {
  chinaMainlandCalendar,
  commandShape,
  commandUnion,
  defineFlow,
  type FlowEvent,
  handle,
  type LadderEscalatedEvent,
  ladderTimer,
  type ScheduledLadder,
  type ShapedCommand,
  scheduleLadder,
  timerCommand,
  timers,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

// A reply due in 8 working hours: reminded 2 working hours before, the supervisor at the due
// instant, the manager a working day later; replying stops the ladder.
const calendar = chinaMainlandCalendar()
const commands = commandUnion(commandShape("Ask", {}), commandShape("Reply", {}), timerCommand("CheckReply"))
type Command = ShapedCommand<typeof commands>
type Event =
  | FlowEvent<"Asked", { reply: ScheduledLadder }>
  | FlowEvent<"Replied">
  | FlowEvent<"ReplyReminded">
  | LadderEscalatedEvent<"ReplyEscalated">
interface State {
  readonly status: "none" | "waiting" | "replied"
  readonly reply: ScheduledLadder | undefined
  readonly reminded: boolean
  readonly level: number
}
const replyTimer = ladderTimer<State, Command>({
  key: "reply",
  command: { type: "CheckReply" },
  climbing: (state) =>
    state.status === "waiting"
      ? { ladder: state.reply!, progress: { reminded: state.reminded, level: state.level } }
      : undefined,
  events: { reminded: "ReplyReminded", escalated: "ReplyEscalated" },
})
const flow = defineFlow<State, Command, Event, never>({
  name: "kit.reply",
  initialState: { status: "none", reply: undefined, reminded: false, level: 0 },
  commands,
  idOf: () => "R-1",
  finished: ["replied"],
  steps: {
    Ask: (_state, command, decision) =>
      decision.accept({
        type: "Asked",
        at: command.at,
        reply: scheduleLadder(calendar, command.at, 480, {
          remindBeforeWorkingMinutes: 120,
          rungs: [
            { role: "supervisor", afterDueWorkingMinutes: 0 },
            { role: "manager", afterDueWorkingMinutes: 480 },
          ],
        }),
      }),
    Reply: (state, command, decision) =>
      state.status === "waiting"
        ? decision.accept({ type: "Replied", at: command.at })
        : decision.refuse("no question"),
    CheckReply: replyTimer.step,
  },
  folds: {
    Asked: (state, event) => ({ ...state, status: "waiting", reply: event.reply }),
    Replied: (state) => ({ ...state, status: "replied" }),
    ReplyReminded: (state) => ({ ...state, reminded: true }),
    ReplyEscalated: (state, event) => ({ ...state, level: event.rung.level }),
  },
  deadlines: (state) => timers(...replyTimer.deadlines(state)),
})
// Monday 2 March 2026, 09:00 in Shanghai.
const t0 = Date.UTC(2026, 2, 2, 1, 0)
const run = (state: State, command: Command) => {
  const handled = handle(flow, state, command)
  if (Result.isFailure(handled)) throw new Error(handled.failure.message)
  return handled.success
}

describe("ladderTimer: a waiting step's ladder as timers and the step they fire", () => {
  it("sets a timer per mark not yet passed while the step waits", () => {
    const asked = run(flow.initialState, { type: "Ask", at: t0 })
    const ladder = asked.state.reply!
    expect(flow.deadlines(asked.state).map((deadline) => [deadline.key, deadline.dueAt])).toEqual([
      ["reply:remind", ladder.remindAt],
      ["reply:rung:1", ladder.rungs[0]!.at],
      ["reply:rung:2", ladder.rungs[1]!.at],
    ])
    const reminded = run(asked.state, { type: "CheckReply", at: ladder.remindAt! })
    expect(reminded.events).toEqual([{ type: "ReplyReminded", at: ladder.remindAt }])
    expect(flow.deadlines(reminded.state).map((deadline) => deadline.key)).toEqual([
      "reply:rung:1",
      "reply:rung:2",
    ])
  })

  it("after an outage decides every mark due at once, each rung once", () => {
    const asked = run(flow.initialState, { type: "Ask", at: t0 })
    const late = asked.state.reply!.rungs[1]!.at
    const caughtUp = run(asked.state, { type: "CheckReply", at: late })
    expect(caughtUp.events.map((event) => event.type)).toEqual([
      "ReplyReminded",
      "ReplyEscalated",
      "ReplyEscalated",
    ])
    expect(caughtUp.state.level).toBe(2)
    expect(run(caughtUp.state, { type: "CheckReply", at: late }).events).toEqual([])
  })

  it("stops once the step is done: no timers, and a late timer decides nothing", () => {
    const asked = run(flow.initialState, { type: "Ask", at: t0 })
    const replied = run(asked.state, { type: "Reply", at: t0 + 1 })
    expect(flow.deadlines(replied.state)).toEqual([])
    expect(run(replied.state, { type: "CheckReply", at: asked.state.reply!.rungs[0]!.at }).events).toEqual([])
  })
})
