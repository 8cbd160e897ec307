import {
  commandShape,
  commandTextSchema,
  commandUnion,
  defineFlow,
  type FlowEvent,
  handle,
  recordStep,
  type ShapedCommand,
  type StepFields,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

// A two-step flow: ① write a note (draft or redraft) → ② send it; both steps only record the form.
const commands = commandUnion(
  commandShape("Write", { text: commandTextSchema(200) }),
  commandShape("Send", { to: commandTextSchema(40) }),
)
type Command = ShapedCommand<typeof commands>
type Event =
  | FlowEvent<"Written", StepFields<Command, "Write">>
  | FlowEvent<"Sent", StepFields<Command, "Send">>
interface State {
  readonly status: "none" | "written" | "sent"
  readonly text: string
}
const flow = defineFlow<State, Command, Event, never>({
  name: "kit.note",
  initialState: { status: "none", text: "" },
  commands,
  idOf: () => "N-1",
  finished: ["sent"],
  steps: {
    Write: recordStep(["none", "written"], "a sent note cannot be rewritten", "Written"),
    Send: recordStep("written", "write the note before sending it", "Sent"),
  },
  folds: {
    Written: (state, event) => ({ ...state, status: "written", text: event.text }),
    Sent: (state) => ({ ...state, status: "sent" }),
  },
})
const t0 = Date.UTC(2026, 2, 2, 1, 0)

describe("recordStep: a step that records its form as the event", () => {
  it("records the command's fields under the event type in any of its statuses", () => {
    const first = handle(flow, flow.initialState, { type: "Write", at: t0, text: "初稿" })
    if (Result.isFailure(first)) throw new Error(first.failure.message)
    expect(first.success.events).toEqual([{ type: "Written", at: t0, text: "初稿" }])
    const again = handle(flow, first.success.state, { type: "Write", at: t0 + 1, text: "修改稿" })
    if (Result.isFailure(again)) throw new Error(again.failure.message)
    const sent = handle(flow, again.success.state, { type: "Send", at: t0 + 2, to: "客服部" })
    if (Result.isFailure(sent)) throw new Error(sent.failure.message)
    expect(sent.success.events).toEqual([{ type: "Sent", at: t0 + 2, to: "客服部" }])
    expect(sent.success.state).toEqual({ status: "sent", text: "修改稿" })
  })

  it("refuses the command elsewhere, naming the flow, the status and the reason", () => {
    const early = flow.decide(flow.initialState, { type: "Send", at: t0, to: "客服部" })
    expect(Result.isFailure(early) && early.failure).toMatchObject({
      _tag: "InvalidTransition",
      process: "kit.note",
      instanceId: "N-1",
      state: "none",
      command: "Send",
      reason: "write the note before sending it",
    })
    const late = flow.decide({ status: "sent", text: "x" }, { type: "Write", at: t0, text: "y" })
    expect(Result.isFailure(late) && late.failure).toMatchObject({
      reason: "a sent note cannot be rewritten",
    })
  })
})
