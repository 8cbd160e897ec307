import { type ChangeFeed, hostChangeEventType, scrubVendorText } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure, Unavailable } from "@tixi/core"
import { Deferred, Effect, Queue } from "effect"
import type { SalesforceAdapterService } from "../adapter.ts"
import type { IntakeResult } from "../changes/change-event-intake.ts"
import type { PubSubOptions } from "../pubsub/pubsub-subscriber.ts"

/** Options of the Change Data Capture feed. */
export interface ChangeEventFeedOptions {
  /**
   * The feed's name: the source of its events and the key of its stored replay id (default
   * `salesforce-cdc`, apart from the polling feed's cursor so switching from one to the other
   * never reads a cursor as a replay id).
   */
  readonly name?: string | undefined
  /** The channel (default `/data/ChangeEvents`: every object selected for Change Data Capture). */
  readonly topic?: string | undefined
  /** Where the very first run starts, before any replay id is kept (default `latest`). */
  readonly startAt?: PubSubOptions["startAt"]
  /** Events asked for at a time (default 100, the Pub/Sub API's most). */
  readonly batchSize?: number | undefined
  /** `host:port` of the Pub/Sub API (default Salesforce's); the fake org serves its own. */
  readonly endpoint?: string | undefined
  /** Plain-text gRPC, for the fake org's local server only. */
  readonly insecure?: boolean | undefined
}

/**
 * The type under which an event that does not decode is kept in the intake: no process takes it,
 * but it stays with its reason (and `tixi status` lists it) instead of stopping the feed.
 */
export const salesforceUndecodableEventType = "salesforce.undecodable"

/** A replay id as the Pub/Sub API's bytes in hex: anything else kept under the name is not ours. */
const replayIdPattern = /^(?:[0-9a-f]{2})+$/i

/** A batch the subscription handed over, and how the feed tells it the batch is kept. */
interface PendingBatch {
  readonly result: IntakeResult
  readonly kept: Deferred.Deferred<void>
}

/**
 * Salesforce's Change Data Capture as a change feed for the runtime (`intake.feeds`): a Pub/Sub
 * API subscription resumed after the replay id last kept. Each batch's staff changes become
 * `host.change` events keyed by the change id (`replayId:recordId`), kept with the batch's last
 * replay id before the next batch is asked for; tixi's own writes are left out but still move the
 * replay id on; an event that does not decode is kept as `salesforce.undecodable` with its reason,
 * and the feed reads on past it. When the subscription fails (the network, an expired session the renewal could
 * not mend, the server ending the stream) the run fails with the `PortFailure` and the runtime
 * runs it again from the replay id kept; when the runtime stops it, the subscription is closed.
 */
export function salesforceChangeEventFeed(
  adapter: SalesforceAdapterService,
  options: ChangeEventFeedOptions = {},
): ChangeFeed {
  const name = options.name ?? "salesforce-cdc"
  return {
    name,
    run: (position, keep) =>
      Effect.scoped(
        Effect.gen(function* () {
          if (position !== undefined && !replayIdPattern.test(position))
            return yield* new PortFailure({
              port: "HostCrm",
              operation: "changeEvents",
              reason: new InvalidRequest({}),
              detail: `the position kept for feed ${name} is not a replay id: ${position.slice(0, 40)}`,
            })
          // One batch at a time: the subscription asks for more only once its batch is kept.
          const batches = yield* Queue.bounded<PendingBatch>(1)
          const subscription = yield* Effect.acquireRelease(
            adapter.subscribeChangeEvents({
              topic: options.topic ?? "/data/ChangeEvents",
              replayId: position,
              startAt: options.startAt,
              ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
              ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
              ...(options.insecure === undefined ? {} : { insecure: options.insecure }),
              onChanges: (result) =>
                Effect.runPromise(
                  Effect.gen(function* () {
                    const kept = yield* Deferred.make<void>()
                    yield* Queue.offer(batches, { result, kept })
                    yield* Deferred.await(kept)
                  }),
                ),
            }),
            (opened) => Effect.sync(opened.close),
          )
          const keeping = Effect.forever(
            Effect.gen(function* () {
              const { result, kept } = yield* Queue.take(batches)
              const undecodable = result.undecodable ?? []
              for (const event of undecodable)
                yield* Effect.logWarning(
                  `feed ${name}: set aside Change Data Capture event ${event.replayId}, which does not decode: ${event.reason}`,
                )
              yield* keep({
                events: [
                  ...result.changes
                    .filter((change) => change.origin !== "tixi")
                    .map((change) => ({ id: change.changeId, type: hostChangeEventType, payload: change })),
                  ...undecodable.map((event) => ({
                    id: `undecodable:${event.replayId}`,
                    type: salesforceUndecodableEventType,
                    payload: event,
                  })),
                ],
                position: result.lastReplayId,
              })
              yield* Deferred.succeed(kept, undefined)
            }),
          )
          const ended = Effect.tryPromise({
            try: () => subscription.done,
            catch: (error) =>
              error instanceof PortFailure
                ? error
                : new PortFailure({
                    port: "HostCrm",
                    operation: "changeEvents",
                    reason: new Unavailable(),
                    detail: `the Change Data Capture subscription failed: ${scrubVendorText(String(error))}`,
                  }),
          })
          yield* Effect.raceFirst(keeping, ended)
        }),
      ),
  }
}
