import {
  commandShape,
  commandUnion,
  defineFlow,
  type FlowEvent,
  type ShapedCommand,
  timerCommand,
} from "@tixi/core"
import { describe, expect, it } from "vitest"
import { z } from "zod"

// A request that can fall late: its status stays "open", its status line says it is late.
const commands = commandUnion(commandShape("Open", { id: z.string() }), timerCommand("MarkLate"))
type Command = ShapedCommand<typeof commands>
type Event = FlowEvent<"Opened", { id: string }> | FlowEvent<"FellLate">
interface State {
  readonly status: "none" | "open"
  readonly id: string
  readonly late: boolean
}

const spec = (statusOf?: (state: State) => string) =>
  defineFlow<State, Command, Event, never>({
    name: "kit.statusLine",
    initialState: { status: "none", id: "", late: false },
    commands,
    idOf: (state) => state.id,
    finished: [],
    steps: {
      Open: (_state, { at, id }, decision) => decision.accept({ type: "Opened", at, id }),
      MarkLate: (_state, { at }, decision) => decision.accept({ type: "FellLate", at }),
    },
    folds: {
      Opened: (state, event) => ({ ...state, status: "open", id: event.id }),
      FellLate: (state) => ({ ...state, late: true }),
    },
    ...(statusOf === undefined ? {} : { statusOf }),
  })

const late: State = { status: "open", id: "R-1", late: true }

describe("defineFlow statusOf", () => {
  it("shows the flow's own status line when it gives one", () => {
    const flow = spec((state) => (state.late ? `${state.status} (late)` : state.status))
    expect(flow.statusOf(late)).toBe("open (late)")
    expect(flow.statusOf({ ...late, late: false })).toBe("open")
  })

  it("shows the status itself when the flow gives none", () => {
    expect(spec().statusOf(late)).toBe("open")
  })
})
