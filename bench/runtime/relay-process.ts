import { type EffectRequest, InvalidTransition, idempotencyKey, type ProcessDefinition } from "@tixi/core"
import { hostProcess } from "@tixi/runtime"
import { Result } from "effect"

type RelayState = { readonly status: "new" | "open" | "done"; readonly id: string }
type RelayCommand =
  | { readonly type: "Open"; readonly at: number; readonly id: string }
  | { readonly type: "Finish"; readonly at: number }
type RelayEvent =
  | { readonly type: "Opened"; readonly at: number; readonly id: string }
  | { readonly type: "Finished"; readonly at: number }

const upsert = (
  state: RelayState,
  step: { readonly instanceId: string; readonly sequence: number },
): EffectRequest => ({
  kind: "host.case.upsert",
  key: idempotencyKey("relay", step.instanceId, step.sequence, "host.case.upsert"),
  draft: {
    externalKey: state.id,
    subject: state.id,
    description: "",
    status: state.status === "done" ? "closed" : "open",
    stage: state.status,
    priority: "normal",
    fields: {},
  },
})

/**
 * The smallest process with the shape of a real one, for benchmarks: opened by a command (one
 * host write), finished by a second command (another host write). Two durable turns, two effects.
 */
export const relayProcess: ProcessDefinition<RelayState, RelayCommand, RelayEvent, InvalidTransition> = {
  name: "relay",
  version: 1,
  initialState: { status: "new", id: "" },
  decide: (state, command) => {
    if (command.type === "Open" && state.status === "new")
      return Result.succeed([{ type: "Opened", at: command.at, id: command.id }])
    if (command.type === "Finish" && state.status === "open")
      return Result.succeed([{ type: "Finished", at: command.at }])
    return Result.fail(
      new InvalidTransition({
        process: "relay",
        instanceId: state.id,
        state: state.status,
        command: command.type,
        reason: "out of order",
      }),
    )
  },
  evolve: (state, event) =>
    event.type === "Opened" ? { status: "open", id: event.id } : { ...state, status: "done" },
  deadlines: () => [],
  effects: (state, _event, step) => [upsert(state, step)],
  isFinished: (state) => state.status === "done",
  statusOf: (state) => state.status,
}

/** The relay process as hosted. */
export const hostedRelayProcess = hostProcess(relayProcess)
