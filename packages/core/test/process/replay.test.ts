import { handle, idempotencyKey, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { toyProcess } from "./toy-process.ts"

describe("process machinery", () => {
  it("decides, folds and replays to the same state", () => {
    const opened = Result.getOrThrow(
      handle(toyProcess, toyProcess.initialState, { type: "Open", at: 10, id: "T-1" }),
    )
    const closed = Result.getOrThrow(handle(toyProcess, opened.state, { type: "Close", at: 20 }))
    expect(closed.state.status).toBe("closed")
    expect(replay(toyProcess, [...opened.events, ...closed.events])).toEqual(closed.state)
  })

  it("returns a typed refusal and leaves the state alone", () => {
    const refused = handle(toyProcess, toyProcess.initialState, { type: "Close", at: 10 })
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("InvalidTransition")
  })

  it("lists deadlines from the state and drops them once finished", () => {
    const opened = Result.getOrThrow(
      handle(toyProcess, toyProcess.initialState, { type: "Open", at: 10, id: "T-1" }),
    )
    expect(toyProcess.deadlines(opened.state)).toEqual([
      { key: "expiry", dueAt: 1010, command: { type: "Expire" } },
    ])
    const closed = Result.getOrThrow(handle(toyProcess, opened.state, { type: "Close", at: 20 }))
    expect(toyProcess.deadlines(closed.state)).toEqual([])
  })

  it("derives distinct, stable idempotency keys per step and effect", () => {
    expect(idempotencyKey("complaint", "TS-1", 3, "notify")).toBe("complaint/TS-1/3/notify")
    expect(idempotencyKey("complaint", "a/b", 3, "notify")).toBe("complaint/a%2Fb/3/notify")
    expect(idempotencyKey("complaint", "a", "b/3", "notify")).not.toBe(
      idempotencyKey("complaint", "a/b", 3, "notify"),
    )
  })
})
