import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Clock, Context, Effect, Exit, Layer, Schema } from "effect"
import type { SqlClient } from "effect/sql"
import type { ProcessRuntime } from "../engine/process-runtime.ts"
import { type DiskWatermark, readDiskSpace } from "../status/disk-space.ts"
import { makeIntakeDelivery } from "./intake-delivery.ts"
import type { IntakeRejected, IntakeRequest, IntakeResponse, IntakeSource } from "./intake-source.ts"
import { makeIntakeStore, type RefusedEvent } from "./intake-store.ts"

/** Where the intake listens and what it serves. */
export interface IntakeServerOptions {
  /** The port (0 picks a free one). */
  readonly port: number
  /** The interface to listen on. Default 127.0.0.1; put a reverse proxy with TLS in front in production. */
  readonly host?: string | undefined
  readonly sources: ReadonlyArray<IntakeSource>
  /** Larger bodies are refused with 413 before being read to the end. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
  /**
   * A request carrying more events is refused with 413 before anything is stored, so one
   * request cannot make one enormous INSERT. Default 1,000 (HubSpot sends at most 100).
   */
  readonly maxEventsPerRequest?: number | undefined
  /** Sockets open at once; further connections are closed at once. Default 1,000. */
  readonly maxConnections?: number | undefined
  /**
   * A client that has not sent its headers within this long gets 408 and its socket closed, so
   * slow or stalled clients cannot hold sockets. Default 10 s.
   */
  readonly headersTimeoutMillis?: number | undefined
  /** Likewise for the whole request, body included (Node's own default is 300 s). Default 30 s. */
  readonly requestTimeoutMillis?: number | undefined
  /**
   * Below this much free space on the data folder's disk, webhooks are answered 503 (the vendors
   * retry) instead of stored, so the disk never fills under the database.
   */
  readonly diskWatermark?: DiskWatermark | undefined
}

/** The running intake: where it listens. */
export interface IntakeServerService {
  readonly port: number
  readonly url: string
}

/** The webhook and callback intake. */
export class IntakeServer extends Context.Service<IntakeServer, IntakeServerService>()(
  "@tixi/runtime/IntakeServer",
) {}

/** The intake could not listen (port taken, no permission). */
export class IntakeListenFailed extends Schema.TaggedError<IntakeListenFailed>()("IntakeListenFailed", {
  port: Schema.Number,
  detail: Schema.String,
}) {
  override get message(): string {
    return `the intake could not listen on port ${this.port}: ${this.detail}`
  }
}

const rejectionStatus: Record<IntakeRejected["reason"], number> = {
  forged: 401,
  replayed: 401,
  malformed: 400,
  unsupported: 415,
}

const readBody = (request: IncomingMessage, limit: number) =>
  new Promise<Uint8Array | "too large">((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let size = 0
    request.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        // Answer at once and discard the rest unread; closing the socket before answering would
        // leave the sender without a status.
        resolve("too large")
        request.removeAllListeners("data")
        request.resume()
        return
      }
      chunks.push(chunk)
    })
    request.on("end", () => resolve(Buffer.concat(chunks)))
    request.on("error", reject)
  })

const send = (response: ServerResponse, answer: IntakeResponse) => {
  response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...answer.headers })
  response.end(answer.body)
}

const jsonAnswer = (status: number, body: unknown): IntakeResponse => ({ status, body: JSON.stringify(body) })

/**
 * 422 for a request with events the database can never store: permanent, so the vendor stops
 * sending content that would fail on every retry; each refusal is recorded (`tixi status`). The
 * request's other events are stored: each event stands on its own.
 */
const refusedAnswer = (stored: number, duplicates: number, refused: ReadonlyArray<RefusedEvent>) =>
  jsonAnswer(422, {
    error: "unstorable",
    detail: `${refused.length} event(s) can never be stored: ${refused.map((event) => `${event.id}: ${event.reason}`).join("; ")}`,
    stored,
    duplicates,
    refused,
  })

/**
 * The HTTP intake for vendor webhooks and callbacks, on Node's own `http` server rather than a
 * framework: it needs the raw body bytes for signature checks, exact control of when the answer
 * goes out (only after the events are committed), and nothing else. Per request: find the
 * source by path, let it verify the raw body, store the events (de-duplicated by source and event
 * id), answer, then wake delivery to the instances. Storage failure answers 503 so the vendor
 * retries; nothing is acknowledged that is not stored. Content the database can never store
 * answers 422 (retrying would not help), and is recorded as refused.
 */
export const intakeServerLayer = (
  options: IntakeServerOptions,
): Layer.Layer<IntakeServer, IntakeListenFailed, SqlClient.SqlClient | ProcessRuntime> =>
  Layer.effect(
    IntakeServer,
    Effect.gen(function* () {
      const store = yield* makeIntakeStore
      const delivery = yield* makeIntakeDelivery(options.sources)
      const context = yield* Effect.context<SqlClient.SqlClient>()
      const clock = yield* Clock.Clock
      const sources = new Map(options.sources.map((source) => [source.path, source]))
      const limit = options.maxBodyBytes ?? 1024 * 1024
      const maxEvents = options.maxEventsPerRequest ?? 1_000

      const handle = (incoming: IncomingMessage, body: Uint8Array, receivedAt: number) =>
        Effect.gen(function* () {
          const url = new URL(incoming.url ?? "/", "http://intake.local")
          if (url.pathname === "/health") return jsonAnswer(200, { ok: true })
          const source = sources.get(url.pathname)
          if (source === undefined) return jsonAnswer(404, { error: "no source is served at this path" })
          if (options.diskWatermark !== undefined) {
            const disk = yield* readDiskSpace(options.diskWatermark)
            if (disk.belowWatermark) {
              yield* Effect.logWarning(
                `tixi intake: refusing ${source.name} events: ${disk.freeBytes} bytes free on ${disk.folder}, below the ${disk.minFreeBytes}-byte watermark`,
              )
              return {
                ...jsonAnswer(503, { error: "the runner's disk is almost full; retry later" }),
                headers: { "retry-after": "60" },
              }
            }
          }
          const headers: Record<string, string | undefined> = {}
          for (const [name, value] of Object.entries(incoming.headers)) {
            headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value
          }
          const request: IntakeRequest = { method: incoming.method ?? "GET", url, headers, body, receivedAt }
          const verified = yield* Effect.exit(source.verify(request))
          if (Exit.isFailure(verified)) {
            const failure = verified.cause.reasons.find((reason) => reason._tag === "Fail")
            if (failure?._tag === "Fail") {
              const rejected = failure.error
              return jsonAnswer(rejectionStatus[rejected.reason], {
                error: rejected.reason,
                detail: rejected.detail,
              })
            }
            yield* Effect.logError(`tixi intake: ${source.name} verification crashed`, verified.cause)
            return jsonAnswer(500, { error: "verification failed" })
          }
          const delivered = verified.value
          if (delivered.events.length > maxEvents) {
            return jsonAnswer(413, {
              error: `${delivered.events.length} events in one request; at most ${maxEvents} are taken (maxEventsPerRequest)`,
            })
          }
          const outcome = yield* Effect.exit(store.store(source.name, delivered.events, receivedAt))
          if (Exit.isFailure(outcome)) {
            yield* Effect.logError(`tixi intake: storing ${source.name} events failed`, outcome.cause)
            return jsonAnswer(503, { error: "storage unavailable; retry later" })
          }
          const { stored, duplicates, refused } = outcome.value
          if (stored > 0) yield* delivery.wake
          if (refused.length > 0) return refusedAnswer(stored, duplicates, refused)
          const elapsed = clock.currentTimeMillisUnsafe() - receivedAt
          if (elapsed > source.acknowledgeWithinMillis) {
            yield* Effect.logWarning(
              `tixi intake: acknowledged ${source.name} after ${elapsed} ms (the vendor allows ${source.acknowledgeWithinMillis} ms)`,
            )
          }
          return delivered.response ?? jsonAnswer(200, { ok: true, stored, duplicates })
        })

      const requestTimeout = options.requestTimeoutMillis ?? 30_000
      const timeouts = {
        headersTimeout: Math.min(options.headersTimeoutMillis ?? 10_000, requestTimeout),
        requestTimeout,
        // How often Node looks for requests past those timeouts (its default, 30 s, would let a
        // stalled upload hold its socket that much longer).
        connectionsCheckingInterval: 1_000,
      }
      const server: Server = createServer(timeouts, (incoming, response) => {
        const receivedAt = clock.currentTimeMillisUnsafe()
        readBody(incoming, limit).then(
          (body) => {
            if (body === "too large") {
              return send(response, {
                ...jsonAnswer(413, { error: `body larger than ${limit} bytes` }),
                headers: { connection: "close" },
              })
            }
            Effect.runPromiseWith(context)(handle(incoming, body, receivedAt)).then(
              (answer) => send(response, answer),
              () => send(response, jsonAnswer(500, { error: "internal error" })),
            )
          },
          () => response.destroy(),
        )
      })
      server.keepAliveTimeout = 65_000
      server.maxConnections = options.maxConnections ?? 1_000
      const port = yield* Effect.callback<number, IntakeListenFailed>((resume) => {
        server.once("error", (error) =>
          resume(Effect.fail(new IntakeListenFailed({ port: options.port, detail: error.message }))),
        )
        server.listen(options.port, options.host ?? "127.0.0.1", () =>
          resume(Effect.succeed((server.address() as AddressInfo).port)),
        )
      })
      yield* Effect.addFinalizer(() =>
        Effect.callback<void>((resume) => {
          server.close(() => resume(Effect.void))
          server.closeAllConnections()
        }),
      )
      return { port, url: `http://${options.host ?? "127.0.0.1"}:${port}` }
    }),
  )
