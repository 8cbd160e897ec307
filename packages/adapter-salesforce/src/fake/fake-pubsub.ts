import { createHash } from "node:crypto"
import {
  loadPackageDefinition,
  Server,
  ServerCredentials,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type sendUnaryData,
  status,
} from "@grpc/grpc-js"
import avro from "avsc"
import { bitmapOf } from "../pubsub/changed-fields.ts"
import { type FetchRequest, type FetchResponse, pubSubPackage } from "../pubsub/pubsub-descriptor.ts"
import type { FakeChangeEvent } from "./fake-org.ts"
import type { FakeSalesforce } from "./fake-salesforce.ts"
import type { FakeField } from "./schema.ts"

/** The fake org's Pub/Sub API, served over plain-text gRPC on the loopback interface. */
export interface FakePubSubServer {
  /** `127.0.0.1:<port>`, for `subscribeToChangeEvents({ endpoint, insecure: true })`. */
  readonly endpoint: string
  /** Subscriptions open now. */
  readonly subscriptions: () => number
  /** Ends every open subscription without an error, as the server does when it sheds streams. */
  readonly endSubscriptions: () => void
  readonly close: () => Promise<void>
}

/** How the fake Pub/Sub API behaves beyond the protocol's defaults. */
export interface FakePubSubOptions {
  /**
   * Send a keepalive (an empty batch carrying the stream's latest replay id) after this long
   * without events while the client waits for some; the real API does after 270 s. Off by default.
   */
  readonly keepAliveMillis?: number | undefined
  /**
   * Rewrites an event's Avro payload before it is sent (fault injection): how a subscriber takes
   * a payload that is truncated, corrupted or hostile. Events pass unchanged by default.
   */
  readonly rewritePayload?: ((replayId: number, payload: Buffer) => Buffer) | undefined
}

const avroTypeOf = (field: FakeField): avro.Schema => {
  switch (field.type) {
    case "boolean":
      return "boolean"
    case "double":
    case "currency":
    case "percent":
      return "double"
    case "int":
      return "int"
    case "datetime":
      return "long"
    default:
      return "string"
  }
}

/** The Avro schema of `ChangeEventHeader` as the org's GetSchema gives it, for tests that encode events. */
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_header.htm
export const changeEventHeaderSchema = {
  type: "record",
  name: "ChangeEventHeader",
  fields: [
    { name: "entityName", type: "string" },
    { name: "recordIds", type: { type: "array", items: "string" } },
    {
      name: "changeType",
      type: {
        type: "enum",
        name: "ChangeType",
        symbols: [
          "CREATE",
          "UPDATE",
          "DELETE",
          "UNDELETE",
          "GAP_CREATE",
          "GAP_UPDATE",
          "GAP_DELETE",
          "GAP_UNDELETE",
          "GAP_OVERFLOW",
          "SNAPSHOT",
        ],
      },
    },
    { name: "changeOrigin", type: "string" },
    { name: "transactionKey", type: "string" },
    { name: "sequenceNumber", type: "int" },
    { name: "commitTimestamp", type: "long" },
    { name: "commitNumber", type: "long" },
    { name: "commitUser", type: "string" },
    { name: "nulledFields", type: { type: "array", items: "string" } },
    { name: "diffFields", type: { type: "array", items: "string" } },
    { name: "changedFields", type: { type: "array", items: "string" } },
  ],
}

/**
 * Serves the fake org's Change Data Capture events through the Pub/Sub API's Subscribe, GetSchema
 * and GetTopic: Avro payloads with the org's field set per object (`CaseChangeEvent`, …),
 * bitmap-encoded `changedFields`, 8-byte replay ids, pull-based flow control (`num_requested`),
 * LATEST / EARLIEST / CUSTOM replay, keepalives when asked for, and UNAUTHENTICATED for a
 * session the org does not know.
 */
export async function startFakePubSub(
  fake: FakeSalesforce,
  options: FakePubSubOptions = {},
): Promise<FakePubSubServer> {
  const definition = loadPackageDefinition(pubSubPackage()) as unknown as {
    eventbus: { v1: { PubSub: { service: Parameters<Server["addService"]>[0] } } }
  }
  const schemas = new Map<
    string,
    { id: string; json: string; type: avro.Type; fields: ReadonlyArray<string> }
  >()
  const schemaFor = (entity: string) => {
    const fields = fake.org
      .store(entity)
      .definition.fields.filter((field) => field.name !== "Id" && field.name !== "IsDeleted")
    const json = JSON.stringify({
      type: "record",
      name: `${entity}ChangeEvent`,
      namespace: "com.sforce.eventbus",
      fields: [
        { name: "ChangeEventHeader", type: changeEventHeaderSchema },
        ...fields.map((field) => ({ name: field.name, type: ["null", avroTypeOf(field)], default: null })),
      ],
    })
    const id = createHash("sha256").update(json).digest("base64url").slice(0, 22)
    const known = schemas.get(id) ?? {
      id,
      json,
      type: avro.Type.forSchema(JSON.parse(json) as avro.Schema),
      fields: ["ChangeEventHeader", ...fields.map((field) => field.name)],
    }
    schemas.set(id, known)
    return known
  }
  const entityOfTopic = (topic: string): string | undefined | null => {
    if (topic === "/data/ChangeEvents") return undefined
    const match = /^\/data\/(\w+?)ChangeEvent$/.exec(topic)
    return match && fake.org.hasObject(match[1]!) ? fake.org.store(match[1]!).definition.name : null
  }
  const replayBytes = (replayId: number) => {
    const buffer = Buffer.alloc(8)
    buffer.writeBigUInt64BE(BigInt(replayId))
    return buffer
  }
  const encode = (event: FakeChangeEvent) => {
    const schema = schemaFor(event.header.entityName)
    const value: Record<string, unknown> = Object.fromEntries(
      schema.fields.slice(1).map((name) => [name, null]),
    )
    for (const [name, raw] of Object.entries(event.fields)) {
      if (!(name in value) || raw === null || raw === undefined) continue
      const field = fake.org.fieldOf(event.header.entityName, name)!
      value[name] =
        field.type === "datetime" ? Date.parse(String(raw).replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) : raw
    }
    const positions = event.header.changedFields
      .map((name) => schema.fields.indexOf(name))
      .filter((position) => position > 0)
    value.ChangeEventHeader = {
      ...event.header,
      commitNumber: event.replayId,
      nulledFields: [],
      diffFields: [],
      changedFields: positions.length > 0 ? [bitmapOf(positions)] : [],
    }
    return {
      event: {
        id: `${event.replayId}`,
        schema_id: schema.id,
        payload: (options.rewritePayload ?? ((_replayId: number, payload: Buffer) => payload))(
          event.replayId,
          schema.type.toBuffer(value),
        ),
        headers: [],
      },
      replay_id: replayBytes(event.replayId),
    }
  }

  /** The open subscriptions, each with how the server ends it. */
  const open = new Map<ServerDuplexStream<FetchRequest, FetchResponse>, () => void>()
  const server = new Server()
  server.addService(definition.eventbus.v1.PubSub.service, {
    Subscribe: (call: ServerDuplexStream<FetchRequest, FetchResponse>) => {
      const token = String(call.metadata.get("accesstoken")[0] ?? "")
      if (!fake.org.sessions.has(token) || call.metadata.get("tenantid")[0] !== fake.org.orgId) {
        call.emit("error", { code: status.UNAUTHENTICATED, details: "The session is invalid or has expired" })
        return
      }
      let topic: string | undefined
      let entity: string | undefined
      let position = 0
      let pending = 0
      let sentAt = Date.now()
      const pump = () => {
        if (topic === undefined || pending === 0) return
        const available = fake.org.changeEvents.filter(
          (event) =>
            event.replayId > position && (entity === undefined || event.header.entityName === entity),
        )
        const batch = available.slice(0, pending)
        if (batch.length === 0) {
          if (options.keepAliveMillis === undefined || Date.now() - sentAt < options.keepAliveMillis) return
          sentAt = Date.now()
          call.write({
            events: [],
            latest_replay_id: replayBytes(position),
            rpc_id: `rpc-keepalive-${position}`,
            pending_num_requested: pending,
          } as unknown as FetchResponse)
          return
        }
        sentAt = Date.now()
        pending -= batch.length
        position = batch.at(-1)!.replayId
        call.write({
          events: batch.map(encode),
          latest_replay_id: replayBytes(position),
          rpc_id: `rpc-${position}`,
          pending_num_requested: pending,
        } as unknown as FetchResponse)
      }
      const timer = setInterval(pump, 10)
      const stop = () => {
        clearInterval(timer)
        open.delete(call)
      }
      open.set(call, () => {
        stop()
        call.end()
      })
      call.on("cancelled", stop)
      call.on("end", () => {
        stop()
        call.end()
      })
      call.on("error", stop)
      call.on("data", (request: FetchRequest) => {
        if (topic === undefined) {
          const found = entityOfTopic(request.topic_name)
          if (found === null) {
            stop()
            call.emit("error", {
              code: status.NOT_FOUND,
              details: `topic ${request.topic_name} does not exist`,
            })
            return
          }
          topic = request.topic_name
          entity = found
          const last = fake.org.changeEvents.at(-1)?.replayId ?? 0
          position =
            request.replay_preset === "EARLIEST"
              ? 0
              : request.replay_preset === "CUSTOM" && request.replay_id?.length
                ? Number(Buffer.from(request.replay_id).readBigUInt64BE())
                : last
        }
        pending += request.num_requested
        pump()
      })
    },
    GetSchema: (call: ServerUnaryCall<{ schema_id: string }, unknown>, callback: sendUnaryData<unknown>) => {
      const schema = schemas.get(call.request.schema_id)
      if (!schema)
        return callback({
          code: status.NOT_FOUND,
          details: `schema ${call.request.schema_id} does not exist`,
        })
      callback(null, { schema_json: schema.json, schema_id: schema.id, rpc_id: "rpc-schema" })
    },
    GetTopic: (call: ServerUnaryCall<{ topic_name: string }, unknown>, callback: sendUnaryData<unknown>) => {
      const entity = entityOfTopic(call.request.topic_name)
      if (entity === null)
        return callback({
          code: status.NOT_FOUND,
          details: `topic ${call.request.topic_name} does not exist`,
        })
      callback(null, {
        topic_name: call.request.topic_name,
        tenant_guid: fake.org.orgId,
        can_publish: false,
        can_subscribe: true,
        schema_id: entity ? schemaFor(entity).id : "",
        rpc_id: "rpc-topic",
      })
    },
  })
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  )
  return {
    endpoint: `127.0.0.1:${port}`,
    subscriptions: () => open.size,
    endSubscriptions: () => {
      for (const end of [...open.values()]) end()
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.forceShutdown()
        resolve()
      }),
  }
}
