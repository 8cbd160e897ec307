import {
  commandInstantSchema,
  commandShape,
  commandTextSchema,
  commandUnion,
  defineFlow,
  type FlowEvent,
  handle,
  reminderTimer,
  type ShapedCommand,
  timerCommand,
  timers,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

// A task that waits to be done, reminded once when its due instant passes.
const commands = commandUnion(
  commandShape("Open", { id: commandTextSchema(40), dueAt: commandInstantSchema }),
  commandShape("Finish", {}),
  timerCommand("Remind"),
)
type Command = ShapedCommand<typeof commands>
type Event =
  | FlowEvent<"Opened", { id: string; dueAt: number }>
  | FlowEvent<"Finished">
  | FlowEvent<"Reminded">
interface State {
  readonly status: "none" | "open" | "done"
  readonly id: string
  readonly dueAt: number | undefined
  readonly reminded: boolean
}

const reminder = reminderTimer<State, Command, Event>({
  key: "task-due",
  command: { type: "Remind" },
  dueAt: (state) => state.dueAt,
  awaited: (state) => state.status === "open" && !state.reminded,
  event: (at) => ({ type: "Reminded", at }),
})
const flow = defineFlow<State, Command, Event, never>({
  name: "kit.task",
  initialState: { status: "none", id: "", dueAt: undefined, reminded: false },
  commands,
  idOf: (state) => state.id,
  finished: ["done"],
  deadlines: (state) => timers(reminder.deadline(state)),
  steps: {
    Open: (_state, command, decision) => decision.accept({ ...command, type: "Opened" }),
    Finish: (state, command, decision) =>
      state.status === "open"
        ? decision.accept({ type: "Finished", at: command.at })
        : decision.refuse("not open"),
    Remind: reminder.step,
  },
  folds: {
    Opened: (state, event) => ({ ...state, status: "open", id: event.id, dueAt: event.dueAt }),
    Finished: (state) => ({ ...state, status: "done" }),
    Reminded: (state) => ({ ...state, reminded: true }),
  },
})

const t0 = Date.UTC(2026, 2, 2, 1, 0)
const due = t0 + 3_600_000
const run = (...list: ReadonlyArray<Command>) => {
  let state = flow.initialState
  let events: ReadonlyArray<Event> = []
  for (const command of list) {
    const handled = Result.getOrThrow(handle(flow, state, command))
    state = handled.state
    events = handled.events
  }
  return { state, events }
}
const open = { type: "Open", at: t0, id: "T-1", dueAt: due } as const

describe("reminderTimer", () => {
  it("waits on one timer under its key while the step waits, and none before it opens", () => {
    expect(flow.deadlines(flow.initialState)).toEqual([])
    expect(flow.deadlines(run(open).state)).toEqual([
      { key: "task-due", dueAt: due, command: { type: "Remind" } },
    ])
  })

  it("reminds once when the timer fires, then waits on nothing", () => {
    const reminded = run(open, { type: "Remind", at: due })
    expect(reminded.events).toEqual([{ type: "Reminded", at: due }])
    expect(flow.deadlines(reminded.state)).toEqual([])
  })

  it("records nothing when the timer fires again, or after the step was done", () => {
    expect(run(open, { type: "Remind", at: due }, { type: "Remind", at: due + 1 }).events).toEqual([])
    const finished = run(open, { type: "Finish", at: due - 1 })
    expect(flow.deadlines(finished.state)).toEqual([])
    expect(run(open, { type: "Finish", at: due - 1 }, { type: "Remind", at: due }).events).toEqual([])
  })
})
