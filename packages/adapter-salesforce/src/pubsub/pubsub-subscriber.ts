import {
  type ClientDuplexStream,
  credentials as grpcCredentials,
  loadPackageDefinition,
  Metadata,
  type ServiceError,
  status,
} from "@grpc/grpc-js"
import { scrubVendorText } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure, Unauthorized, Unavailable } from "@tixi/core"
import avro from "avsc"
import { Effect, Result } from "effect"
import type {
  IntakeResult,
  ReceivedChangeEvent,
  UndecodableChangeEvent,
} from "../changes/change-event-intake.ts"
import type { SalesforceClient } from "../client/salesforce-client.ts"
import { getIdentity } from "../operations/rest/get-identity.ts"
import { type ChangeEventSchema, decodeChangeEvent } from "./decode-change-event.ts"
import { type FetchRequest, type FetchResponse, pubSubEndpoint, pubSubPackage } from "./pubsub-descriptor.ts"

/** Options of a Change Data Capture subscription over the Pub/Sub API. */
export interface PubSubOptions {
  /** `/data/ChangeEvents` (every selected object) or `/data/CaseChangeEvent`, … */
  readonly topic: string
  /** Resume after this replay id (hex, as `IntakeResult.lastReplayId` gives it); else see `startAt`. */
  readonly replayId?: string | undefined
  /**
   * Where a subscription without `replayId` starts: at the tip (`latest`, the default: changes
   * made from now on) or at the oldest event the org still keeps (`earliest`, up to 72 hours back).
   */
  readonly startAt?: "latest" | "earliest" | undefined
  /** Events asked for at a time (flow control; default 100). */
  readonly batchSize?: number
  /** `host:port` of the Pub/Sub API (default `api.pubsub.salesforce.com:7443`, TLS). */
  readonly endpoint?: string
  /** Plain-text gRPC, for the fake org's local server only. */
  readonly insecure?: boolean
  /**
   * Called with each batch's changes, in order; the next batch waits for it. Store `lastReplayId`
   * durably. A keepalive (no events for a while) comes as an empty batch whose `lastReplayId` is
   * the stream's latest, so a quiet org's stored position does not age out of the 72-hour window.
   */
  readonly onChanges: (result: IntakeResult) => Promise<void> | void
  /** The events as decoded, before the intake (for logging). */
  readonly onEvents?: (events: ReadonlyArray<ReceivedChangeEvent>) => void
}

/** A running subscription. */
export interface PubSubSubscription {
  /** Ends the subscription. */
  readonly close: () => void
  /** Settles when the subscription ends: resolved after `close`, rejected with a PortFailure on an error. */
  readonly done: Promise<void>
}

type PubSubClient = {
  Subscribe: (metadata: Metadata) => ClientDuplexStream<FetchRequest, FetchResponse>
  GetSchema: (
    request: { schema_id: string },
    metadata: Metadata,
    callback: (error: ServiceError | null, reply?: { schema_json: string }) => void,
  ) => void
  close: () => void
}

type Schema = ChangeEventSchema

/** Pub/Sub's gRPC errors are vendor text too: scrubbed like every reply before they become a failure. */
const failure = (reason: PortFailure["reason"], detail: string, payload?: unknown) =>
  new PortFailure({
    port: "HostCrm",
    operation: "changeEvents",
    reason,
    detail: scrubVendorText(detail),
    vendor: { vendor: "salesforce", code: "PUBSUB", ...(payload === undefined ? {} : { payload }) },
  })

const recordFieldsOf = (type: unknown): ReadonlyArray<string> | undefined => {
  const candidates = Array.isArray(type) ? type : [type]
  const record = candidates.find(
    (candidate) =>
      candidate && typeof candidate === "object" && (candidate as { type?: string }).type === "record",
  ) as { fields: ReadonlyArray<{ name: string }> } | undefined
  return record?.fields.map((field) => field.name)
}

/**
 * Subscribes to Change Data Capture events through the Pub/Sub API (gRPC, Avro payloads):
 * authenticates with the session's access token, instance URL and org id as gRPC metadata,
 * pulls `batchSize` events at a time (the API's flow control), fetches and caches each event
 * schema, decodes the Avro payload and its bitmap-encoded `changedFields`, and hands the events to
 * the adapter's Change Data Capture intake (duplicates dropped, tixi's own writes marked by their
 * `changeOrigin`, gaps re-read). An expired session is renewed once and the stream resumed from the
 * last replay id.
 */
// https://developer.salesforce.com/docs/platform/pub-sub-api/guide/intro.html
export const subscribeToChangeEvents = (
  client: SalesforceClient,
  intake: {
    readonly receive: (events: ReadonlyArray<ReceivedChangeEvent>) => Effect.Effect<IntakeResult, PortFailure>
  },
  options: PubSubOptions,
  identityOf: Effect.Effect<{ readonly organizationId: string }, PortFailure> = getIdentity(client),
): Effect.Effect<PubSubSubscription, PortFailure> =>
  Effect.gen(function* () {
    const identity = yield* identityOf
    const definition = loadPackageDefinition(pubSubPackage()) as unknown as {
      eventbus: { v1: { PubSub: new (address: string, credentials: unknown) => PubSubClient } }
    }
    const grpc = new definition.eventbus.v1.PubSub(
      options.endpoint ?? pubSubEndpoint,
      options.insecure ? grpcCredentials.createInsecure() : grpcCredentials.createSsl(),
    )
    const batchSize = options.batchSize ?? 100
    const schemas = new Map<string, Promise<Schema>>()
    let lastReplay: Buffer | undefined =
      options.replayId === undefined ? undefined : Buffer.from(options.replayId, "hex")
    let closed = false
    let renewed = false
    let stream: ClientDuplexStream<FetchRequest, FetchResponse> | undefined
    let resolveDone: () => void = () => {}
    let rejectDone: (error: PortFailure) => void = () => {}
    const done = new Promise<void>((resolve, reject) => {
      resolveDone = resolve
      rejectDone = reject
    })

    const metadataOf = async () => {
      const session = await Effect.runPromise(client.sessions.current)
      const metadata = new Metadata()
      metadata.add("accesstoken", session.accessToken)
      metadata.add("instanceurl", session.instanceUrl)
      metadata.add("tenantid", identity.organizationId)
      return { metadata, session }
    }

    const schemaOf = (schemaId: string, metadata: Metadata) => {
      let known = schemas.get(schemaId)
      if (!known) {
        known = new Promise<Schema>((resolve, reject) =>
          grpc.GetSchema({ schema_id: schemaId }, metadata, (error, reply) => {
            if (error || !reply)
              return reject(failure(new Unavailable(), `GetSchema ${schemaId} failed: ${error?.message}`))
            try {
              const json = JSON.parse(reply.schema_json) as {
                fields: ReadonlyArray<{ name: string; type: unknown }>
              }
              resolve({
                type: avro.Type.forSchema(json as avro.Schema),
                fields: json.fields.map((field) => {
                  const nested = recordFieldsOf(field.type)
                  return nested ? { name: field.name, nested } : { name: field.name }
                }),
              })
            } catch (error) {
              // Thrown inside gRPC's callback it would end the process; it is a typed refusal instead.
              reject(
                failure(
                  new InvalidRequest({
                    fields: [
                      { field: "schema_json", message: `is not an Avro record schema: ${String(error)}` },
                    ],
                  }),
                  `GetSchema ${schemaId} returned a schema tixi cannot read`,
                ),
              )
            }
          }),
        )
        schemas.set(schemaId, known)
      }
      return known
    }

    const decode = async (
      response: FetchResponse,
      metadata: Metadata,
    ): Promise<{ events: Array<ReceivedChangeEvent>; undecodable: Array<UndecodableChangeEvent> }> => {
      const events: Array<ReceivedChangeEvent> = []
      const undecodable: Array<UndecodableChangeEvent> = []
      for (const consumer of response.events) {
        const schema = await schemaOf(consumer.event.schema_id, metadata)
        const event = decodeChangeEvent(schema, consumer.replay_id, consumer.event.payload)
        // Salesforce sends a replay id with the same bytes every time, so an event that does not
        // decode never will: it is set aside with its reason and the stream reads on past it.
        if (Result.isFailure(event))
          undecodable.push({
            replayId: consumer.replay_id.toString("hex"),
            schemaId: consumer.event.schema_id,
            reason: event.failure.issues
              .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
              .join("; "),
          })
        else events.push(event.success)
      }
      return { events, undecodable }
    }

    const open = async (): Promise<void> => {
      const { metadata } = await metadataOf()
      const current = grpc.Subscribe(metadata)
      stream = current
      let queue = Promise.resolve()
      current.on("data", (response: FetchResponse) => {
        queue = queue.then(async () => {
          if (closed) return
          try {
            const { events, undecodable } = await decode(response, metadata)
            options.onEvents?.(events)
            if (response.events.length > 0) {
              const received = await Effect.runPromise(intake.receive(events))
              const last = response.events.at(-1)!.replay_id
              await options.onChanges(
                undecodable.length === 0
                  ? received
                  : { ...received, undecodable, lastReplayId: last.toString("hex") },
              )
              lastReplay = last
            } else if (response.latest_replay_id?.length > 0) {
              // A keepalive: every event up to the stream's latest has been delivered.
              await options.onChanges({
                changes: [],
                duplicates: 0,
                reread: 0,
                lastReplayId: response.latest_replay_id.toString("hex"),
              })
              lastReplay = response.latest_replay_id
            }
            if (response.pending_num_requested === 0 && !closed)
              current.write({ topic_name: options.topic, replay_preset: "LATEST", num_requested: batchSize })
          } catch (error) {
            closed = true
            current.cancel()
            rejectDone(error instanceof PortFailure ? error : failure(new Unavailable(), String(error)))
          }
        })
      })
      current.on("error", (error: ServiceError) => {
        if (closed && error.code === status.CANCELLED) return
        void queue.then(async () => {
          if (closed) return
          if (error.code === status.UNAUTHENTICATED && !renewed) {
            renewed = true
            const { session } = await metadataOf()
            await Effect.runPromise(client.sessions.invalidate(session.accessToken))
            await open()
            return
          }
          closed = true
          rejectDone(
            failure(
              error.code === status.UNAUTHENTICATED ? new Unauthorized() : new Unavailable(),
              `Pub/Sub Subscribe ended: ${error.details || error.message}`,
              {
                code: error.code,
              },
            ),
          )
        })
      })
      current.on("end", () => {
        if (closed) resolveDone()
      })
      current.on("status", (ended: { readonly code: number }) => {
        if (ended.code !== status.OK) return
        // The server ended the stream without an error: the subscription is over all the same,
        // and its owner (a change feed) resumes it from the last replay id it stored.
        void queue.then(() => {
          if (closed || stream !== current) return
          closed = true
          rejectDone(failure(new Unavailable(), "Pub/Sub Subscribe ended: the server closed the stream"))
        })
      })
      current.write({
        topic_name: options.topic,
        replay_preset:
          lastReplay !== undefined ? "CUSTOM" : options.startAt === "earliest" ? "EARLIEST" : "LATEST",
        ...(lastReplay === undefined ? {} : { replay_id: lastReplay }),
        num_requested: batchSize,
      })
    }

    yield* Effect.tryPromise({
      try: open,
      catch: (error) => (error instanceof PortFailure ? error : failure(new Unavailable(), String(error))),
    })
    return {
      close: () => {
        if (closed) return
        closed = true
        stream?.cancel()
        grpc.close()
        resolveDone()
      },
      done,
    }
  })
