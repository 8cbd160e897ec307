import {
  type Deadline,
  type EffectRequest,
  InvalidTransition,
  idempotencyKey,
  type ProcessDefinition,
} from "@tixi/core"
import { Result } from "effect"

/** A two-step process used to test the process machinery: open, then close or time out. */
export type ToyState = {
  readonly status: "none" | "open" | "closed" | "expired"
  readonly id: string
  readonly openedAt: number
}
export type ToyCommand =
  | { readonly type: "Open"; readonly at: number; readonly id: string }
  | { readonly type: "Close"; readonly at: number }
  | { readonly type: "Expire"; readonly at: number }
export type ToyEvent =
  | { readonly type: "Opened"; readonly at: number; readonly id: string }
  | { readonly type: "Closed"; readonly at: number }
  | { readonly type: "Expired"; readonly at: number }

const refuse = (state: ToyState, command: ToyCommand, reason: string) =>
  Result.fail(
    new InvalidTransition({
      process: "toy",
      instanceId: state.id,
      state: state.status,
      command: command.type,
      reason,
    }),
  )

export const toyProcess: ProcessDefinition<ToyState, ToyCommand, ToyEvent, InvalidTransition> = {
  name: "toy",
  version: 1,
  initialState: { status: "none", id: "", openedAt: 0 },
  decide(state, command) {
    switch (command.type) {
      case "Open":
        return state.status === "none"
          ? Result.succeed([{ type: "Opened", at: command.at, id: command.id }])
          : refuse(state, command, "already opened")
      case "Close":
        return state.status === "open"
          ? Result.succeed([{ type: "Closed", at: command.at }])
          : refuse(state, command, "not open")
      case "Expire":
        return state.status === "open"
          ? Result.succeed([{ type: "Expired", at: command.at }])
          : Result.succeed([])
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case "Opened":
        return { status: "open", id: event.id, openedAt: event.at }
      case "Closed":
        return { ...state, status: "closed" }
      case "Expired":
        return { ...state, status: "expired" }
    }
  },
  deadlines(state): ReadonlyArray<Deadline<ToyCommand>> {
    return state.status === "open"
      ? [{ key: "expiry", dueAt: state.openedAt + 1000, command: { type: "Expire" } }]
      : []
  },
  effects(state, event, step): ReadonlyArray<EffectRequest> {
    if (event.type !== "Opened") return []
    return [
      {
        kind: "host.case.upsert",
        key: idempotencyKey("toy", step.instanceId, step.sequence, "host.case.upsert"),
        draft: {
          externalKey: state.id,
          subject: `toy ${state.id}`,
          description: "",
          status: "open",
          stage: "open",
          priority: "normal",
          fields: {},
        },
      },
      {
        kind: "notify",
        key: idempotencyKey("toy", step.instanceId, step.sequence, "notify"),
        draft: {
          recipients: [{ role: "supervisor" }],
          severity: "info",
          title: { "zh-CN": "新案件", en: "New case" },
          body: { "zh-CN": state.id, en: state.id },
          caseKey: state.id,
        },
      },
    ]
  },
  isFinished: (state) => state.status === "closed" || state.status === "expired",
  statusOf: (state) => state.status,
}
