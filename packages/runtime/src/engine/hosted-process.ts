import type { AnyProcessDefinition, CommandOf, EffectPorts, PortFailure } from "@tixi/core"
import type { Effect } from "effect"
import type { RuntimeStorageFailure } from "./errors.ts"
import type { CommandInput, InstanceView } from "./process-runtime.ts"
import type { TurnRecord } from "./turn-record.ts"

/**
 * An event that reached tixi from outside and may concern process instances: an approval decided
 * in DingTalk, a ticket edited in HubSpot, a signed test event. `type` names the kind of payload;
 * adapters and the intake agree on it (`approval.outcome` carries a core `ApprovalOutcomeEvent`,
 * `host.change` a core `HostChange`).
 */
export interface InboundEvent {
  /** Where it came from, e.g. `dingtalk`, `hubspot`; with `id` it identifies the event. */
  readonly source: string
  /** The vendor's event id; a second delivery with the same source and id is a duplicate. */
  readonly id: string
  readonly type: string
  readonly payload: unknown
  /** When tixi received it (epoch milliseconds). */
  readonly receivedAt: number
}

/** Which instance an inbound event concerns and the command it becomes there. */
export interface RouteTarget<Command> {
  readonly instanceId: string
  readonly command: Command
}

/** The runtime's operations on the instances of one hosted process, as `receive` uses them. */
export interface ProcessInstances {
  /** The instance as it stands now, or undefined when it was never started. */
  readonly inspect: (instanceId: string) => Effect.Effect<InstanceView | undefined, RuntimeStorageFailure>
  /** Delivers a command (starting the instance when it does not exist) and waits for its turn. */
  readonly dispatch: (
    instanceId: string,
    command: CommandInput,
  ) => Effect.Effect<TurnRecord, RuntimeStorageFailure>
}

/** What `receive` made of an event for one instance, as the intake records it (`registered`, `ignored: inStep`). */
export interface Reception {
  readonly instanceId?: string | undefined
  readonly detail: string
}

/**
 * A process definition as the runtime hosts it. The core knows nothing of the runtime; what the
 * runtime needs beyond the definition is registered here, beside it: how inbound events map to
 * (instance, command). A process without `route` only receives commands sent to it directly.
 */
export interface HostedProcess<Definition extends AnyProcessDefinition = AnyProcessDefinition> {
  readonly definition: Definition
  /**
   * Maps an inbound event to the instance it concerns and the command it means there, or
   * `undefined` when the event is not for this process. Pure: no I/O, no clock.
   */
  readonly route?: ((event: InboundEvent) => RouteTarget<CommandOf<Definition>> | undefined) | undefined
  /**
   * Takes in an event that cannot be routed without reading: a case edited in the CRM must be
   * read from the host and compared with the instance before it means a command (or none). It
   * reads and dispatches through `instances`, with the host ports; `undefined` means the event is
   * not for this process. A retryable `PortFailure` leaves the event to be delivered again later,
   * so what it does must be safe to repeat (decide from the instance's state, not from a count).
   */
  readonly receive?:
    | ((
        event: InboundEvent,
        instances: ProcessInstances,
      ) => Effect.Effect<ReadonlyArray<Reception> | undefined, PortFailure, EffectPorts>)
    | undefined
}

/** Registers a definition with the runtime, optionally with how inbound events reach it. */
export function hostProcess<Definition extends AnyProcessDefinition>(
  definition: Definition,
  options: {
    readonly route?: HostedProcess<Definition>["route"]
    readonly receive?: HostedProcess<Definition>["receive"]
  } = {},
): HostedProcess<Definition> {
  return { definition, route: options.route, receive: options.receive }
}
