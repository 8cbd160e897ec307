import type { AnyProcessDefinition, CommandOf } from "@tixi/core"

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
}

/** Registers a definition with the runtime, optionally with the routing of inbound events to it. */
export function hostProcess<Definition extends AnyProcessDefinition>(
  definition: Definition,
  options: { readonly route?: HostedProcess<Definition>["route"] } = {},
): HostedProcess<Definition> {
  return { definition, route: options.route }
}
