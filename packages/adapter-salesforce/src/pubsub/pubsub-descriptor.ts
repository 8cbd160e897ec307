import { fromJSON } from "@grpc/proto-loader"

const field = (type: string, id: number, rule?: "repeated") => (rule ? { type, id, rule } : { type, id })

/**
 * The part of Salesforce's Pub/Sub API (`eventbus.v1`) tixi uses, as a protobuf descriptor: the
 * Subscribe stream, GetSchema and GetTopic, with the field numbers of the published interface, so
 * the same client talks to `api.pubsub.salesforce.com:7443` and to the fake org's local server.
 */
// https://developer.salesforce.com/docs/platform/pub-sub-api/references/methods/subscribe-rpc.html
export const pubSubDescriptor = {
  nested: {
    eventbus: {
      nested: {
        v1: {
          nested: {
            TopicRequest: { fields: { topic_name: field("string", 1) } },
            TopicInfo: {
              fields: {
                topic_name: field("string", 1),
                tenant_guid: field("string", 2),
                can_publish: field("bool", 3),
                can_subscribe: field("bool", 4),
                schema_id: field("string", 5),
                rpc_id: field("string", 6),
              },
            },
            EventHeader: { fields: { key: field("string", 1), value: field("bytes", 2) } },
            ProducerEvent: {
              fields: {
                id: field("string", 1),
                schema_id: field("string", 2),
                payload: field("bytes", 3),
                headers: field("EventHeader", 4, "repeated"),
              },
            },
            ConsumerEvent: { fields: { event: field("ProducerEvent", 1), replay_id: field("bytes", 2) } },
            ReplayPreset: { values: { LATEST: 0, EARLIEST: 1, CUSTOM: 2 } },
            FetchRequest: {
              fields: {
                topic_name: field("string", 1),
                replay_preset: field("ReplayPreset", 2),
                replay_id: field("bytes", 3),
                num_requested: field("int32", 4),
                auth_refresh: field("string", 5),
              },
            },
            FetchResponse: {
              fields: {
                events: field("ConsumerEvent", 1, "repeated"),
                latest_replay_id: field("bytes", 2),
                rpc_id: field("string", 3),
                pending_num_requested: field("int32", 4),
              },
            },
            SchemaRequest: { fields: { schema_id: field("string", 1) } },
            SchemaInfo: {
              fields: {
                schema_json: field("string", 1),
                schema_id: field("string", 2),
                rpc_id: field("string", 3),
              },
            },
            PubSub: {
              methods: {
                Subscribe: {
                  requestType: "FetchRequest",
                  requestStream: true,
                  responseType: "FetchResponse",
                  responseStream: true,
                },
                GetSchema: { requestType: "SchemaRequest", responseType: "SchemaInfo" },
                GetTopic: { requestType: "TopicRequest", responseType: "TopicInfo" },
              },
            },
          },
        },
      },
    },
  },
}

/** The gRPC package definition (field names as in the proto, enums as their names). */
export const pubSubPackage = () =>
  fromJSON(pubSubDescriptor as Parameters<typeof fromJSON>[0], {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
  })

/** A FetchRequest as tixi sends it. */
export interface FetchRequest {
  readonly topic_name: string
  readonly replay_preset: "LATEST" | "EARLIEST" | "CUSTOM"
  readonly replay_id?: Buffer
  readonly num_requested: number
}

/** A FetchResponse as the server sends it. */
export interface FetchResponse {
  readonly events: ReadonlyArray<{
    readonly event: { readonly id: string; readonly schema_id: string; readonly payload: Buffer }
    readonly replay_id: Buffer
  }>
  readonly latest_replay_id: Buffer
  readonly rpc_id: string
  readonly pending_num_requested: number
}

/** The default Pub/Sub API endpoint. */
export const pubSubEndpoint = "api.pubsub.salesforce.com:7443"
