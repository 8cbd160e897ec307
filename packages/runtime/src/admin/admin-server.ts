import { timingSafeEqual } from "node:crypto"
import { chmodSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Directory } from "@tixi/core"
import { Context, Effect, Exit, Layer, Option, Redacted, Schema } from "effect"
import type { SqlClient } from "effect/sql"
import { InstanceReader } from "../access/instance-reader.ts"
import { type ReadingOptions, withReadAccess } from "../access/reading.ts"
import { auditQueryOfSearch } from "../audit/audit-query-parameters.ts"
import { makeAuditTrail } from "../audit/audit-trail.ts"
import { ProcessRuntime } from "../engine/process-runtime.ts"
import { type DiskWatermark, readDiskSpace } from "../status/disk-space.ts"
import { readStatus } from "../status/runtime-status.ts"

/** The shortest admin token accepted: a shorter one can be guessed. */
export const minAdminTokenLength = 32

/**
 * Where the admin endpoints listen. Never on the intake's listener: a proxy that forwards the
 * public intake would expose them too. A unix socket (made 0600, so only the runner's user can
 * connect) or a loopback port.
 */
export type AdminListen = { readonly socket: string } | { readonly port: number }

/** What the admin listener serves and to whom. */
export interface AdminServerOptions {
  /** Callers present `Authorization: Bearer <token>`; at least 32 characters. */
  readonly token: Redacted.Redacted
  readonly listen: AdminListen
  /**
   * Written (0600) once the listener is up, hence after the data folder's lock is held, and
   * removed on stop: how `tixi status` on this machine finds a generated token.
   */
  readonly tokenFile?: string | undefined
  /** Shown in the status as the disk's free space against it. */
  readonly diskWatermark?: DiskWatermark | undefined
  /**
   * The company's organisation and access policy `/_tixi/instances` projects for its caller;
   * without it, the runtime's `InstanceReader` (its `reading` option) answers.
   */
  readonly reading?: ReadingOptions | undefined
}

/** The admin answer to a read refused or failed: who is unknown is named, an outage is retryable. */
const readFailureAnswer = (error: { readonly _tag: string; readonly message: string }): AdminAnswer => {
  if (error._tag === "UnknownActor") return { status: 403, body: { error: error.message } }
  if (error._tag === "UnknownProcess") return { status: 404, body: { error: error.message } }
  return {
    status: 503,
    body: { error: error._tag === "PortFailure" ? "directory unavailable" : "storage unavailable" },
  }
}

/** The answer to a read for a named caller: its value, or its failure as `readFailureAnswer` words it. */
const answerOfRead = <A>(
  exit: Exit.Exit<A, { readonly _tag: string; readonly message: string }>,
  onSuccess: (value: A) => AdminAnswer,
): AdminAnswer => {
  if (Exit.isSuccess(exit)) return onSuccess(exit.value)
  const failure = exit.cause.reasons.find((reason) => reason._tag === "Fail")
  return failure?._tag === "Fail"
    ? readFailureAnswer(failure.error)
    : { status: 503, body: { error: "storage unavailable" } }
}

/** The running admin listener: its socket path or loopback URL. */
export interface AdminServerService {
  readonly address: string
}

/**
 * The admin endpoints (`GET /_tixi/status[?as=<person>]`, `POST /_tixi/retry/<dead-letter>`,
 * `GET /_tixi/audit?personId=…&limit=…`) of a runner.
 */
export class AdminServer extends Context.Service<AdminServer, AdminServerService>()(
  "@tixi/runtime/AdminServer",
) {}

/** The admin listener could not start (socket path too long or not writable, port taken). */
export class AdminListenFailed extends Schema.TaggedError<AdminListenFailed>()("AdminListenFailed", {
  address: Schema.String,
  detail: Schema.String,
}) {
  override get message(): string {
    return `the admin endpoints could not listen on ${this.address}: ${this.detail}`
  }
}

/** An admin answer: a status code and a JSON body. */
interface AdminAnswer {
  readonly status: number
  readonly body: unknown
}

/**
 * Serves `tixi status`, `tixi retry`, `tixi audit` and instance reads (`/_tixi/instances/<process>/<id>?as=<person>`,
 * projected for that person's posts and audited) for a runner that holds an embedded database (which no
 * second process may open), on a listener of its own: a unix socket by default, a loopback
 * port if asked. Every request needs the bearer token, compared in constant time.
 */
export const adminServerLayer = (
  options: AdminServerOptions,
): Layer.Layer<AdminServer, AdminListenFailed, SqlClient.SqlClient | ProcessRuntime> =>
  Layer.effect(
    AdminServer,
    Effect.gen(function* () {
      if (Redacted.value(options.token).length < minAdminTokenLength) {
        return yield* new AdminListenFailed({
          address: "socket" in options.listen ? options.listen.socket : `port ${options.listen.port}`,
          detail: `the admin token must have at least ${minAdminTokenLength} characters`,
        })
      }
      const context = yield* Effect.context<SqlClient.SqlClient | ProcessRuntime>()
      const runtime = yield* ProcessRuntime
      const trail = yield* makeAuditTrail
      // The runtime's own reader (its cached directory and company policies) unless told otherwise.
      const runtimeReader = yield* Effect.serviceOption(InstanceReader)
      const reading =
        Option.isSome(runtimeReader) && options.reading === undefined
          ? runtimeReader
          : Option.map(yield* Effect.serviceOption(Directory), (directory) =>
              withReadAccess(runtime, directory, trail, options.reading),
            )
      const expected = Buffer.from(`Bearer ${Redacted.value(options.token)}`)
      const authorized = (incoming: IncomingMessage) => {
        const given = Buffer.from(incoming.headers.authorization ?? "")
        return given.length === expected.length && timingSafeEqual(given, expected)
      }
      const answer = (incoming: IncomingMessage): Effect.Effect<AdminAnswer> =>
        Effect.gen(function* () {
          if (!authorized(incoming)) return { status: 401, body: { error: "admin token required" } }
          const url = new URL(incoming.url ?? "/", "http://admin.local")
          if (url.pathname === "/_tixi/status" && incoming.method === "GET") {
            const status = yield* Effect.orDie(readStatus)
            const disk =
              options.diskWatermark === undefined ? {} : { disk: yield* readDiskSpace(options.diskWatermark) }
            const caller = url.searchParams.get("as")
            // Without `as` the token holder reads it whole: the operator (see `status` in the CLI).
            if (caller === null) return { status: 200, body: { ...status, ...disk } }
            if (caller === "")
              return { status: 400, body: { error: "as: the person reading must be named (?as=<person>)" } }
            if (Option.isNone(reading))
              return { status: 503, body: { error: "no directory to resolve the caller" } }
            const projected = yield* Effect.exit(reading.value.statusAs(caller, { ...status, ...disk }))
            return answerOfRead(projected, (value) => ({ status: 200, body: value }))
          }
          if (url.pathname === "/_tixi/audit" && incoming.method === "GET") {
            const entries = yield* Effect.exit(trail.query(auditQueryOfSearch(url.searchParams)))
            if (Exit.isSuccess(entries)) return { status: 200, body: { entries: entries.value } }
            const failure = entries.cause.reasons.find((reason) => reason._tag === "Fail")
            return failure?._tag === "Fail" && failure.error._tag === "InvalidAuditQuery"
              ? { status: 400, body: { error: failure.error.message } }
              : { status: 503, body: { error: "storage unavailable" } }
          }
          const instance = /^\/_tixi\/instances\/([A-Za-z0-9_-]{1,64})\/([^/]{1,200})$/.exec(url.pathname)
          if (instance && incoming.method === "GET") {
            const caller = url.searchParams.get("as")
            if (caller === null || caller === "")
              return { status: 400, body: { error: "as: the person reading must be named (?as=<person>)" } }
            if (Option.isNone(reading))
              return { status: 503, body: { error: "no directory to resolve the caller" } }
            const view = yield* Effect.exit(
              reading.value.inspectAs(caller, instance[1]!, decodeURIComponent(instance[2]!)),
            )
            return answerOfRead(view, (value) =>
              value === undefined
                ? { status: 404, body: { error: "no such instance" } }
                : { status: 200, body: value },
            )
          }
          const retry = /^\/_tixi\/retry\/([A-Za-z0-9-]{1,64})$/.exec(url.pathname)
          if (retry && incoming.method === "POST") {
            const outcome = yield* Effect.exit(runtime.requestRetry(retry[1]!))
            if (Exit.isSuccess(outcome)) return { status: 200, body: { ok: true, id: retry[1] } }
            const failure = outcome.cause.reasons.find((reason) => reason._tag === "Fail")
            return failure?._tag === "Fail" && failure.error._tag === "UnknownDeadLetter"
              ? { status: 404, body: { error: failure.error.message } }
              : { status: 503, body: { error: "storage unavailable" } }
          }
          return { status: 404, body: { error: "no such admin endpoint" } }
        }).pipe(Effect.provideContext(context))
      const send = (response: ServerResponse, reply: AdminAnswer) => {
        response.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" })
        response.end(JSON.stringify(reply.body))
      }
      const server: Server = createServer(
        { headersTimeout: 10_000, requestTimeout: 30_000 },
        (incoming, response) => {
          // The admin endpoints take no body; whatever is sent is drained unread.
          incoming.resume()
          Effect.runPromise(answer(incoming)).then(
            (reply) => send(response, reply),
            () => send(response, { status: 500, body: { error: "internal error" } }),
          )
        },
      )
      const address = "socket" in options.listen ? options.listen.socket : `127.0.0.1:${options.listen.port}`
      const listening = yield* Effect.callback<string, AdminListenFailed>((resume) => {
        server.once("error", (error) =>
          resume(Effect.fail(new AdminListenFailed({ address, detail: error.message }))),
        )
        if ("socket" in options.listen) {
          const socket = options.listen.socket
          // A socket left by a runner that died; the data folder's lock, held by now, says none runs.
          rmSync(socket, { force: true })
          // Created 0600 from the start (the umask), so no other user can connect even briefly.
          const previous = process.umask(0o177)
          try {
            server.listen(socket, () => {
              chmodSync(socket, 0o600)
              resume(Effect.succeed(socket))
            })
          } finally {
            process.umask(previous)
          }
        } else {
          server.listen(options.listen.port, "127.0.0.1", () =>
            resume(Effect.succeed(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
          )
        }
      })
      if (options.tokenFile !== undefined) {
        const tokenFile = options.tokenFile
        writeFileSync(tokenFile, Redacted.value(options.token), { mode: 0o600 })
        yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(tokenFile, { force: true })))
      }
      yield* Effect.addFinalizer(() =>
        Effect.callback<void>((resume) => {
          server.close(() => resume(Effect.void))
          server.closeAllConnections()
        }),
      )
      return { address: listening }
    }),
  )
