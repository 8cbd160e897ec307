import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { request } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, layer } from "@effect/vitest"
import { Effect, Exit, Layer, Redacted } from "effect"
import { AdminServer, adminServerLayer } from "../../src/admin/admin-server.ts"
import { runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { IntakeServer, intakeServerLayer } from "../../src/intake/intake-server.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"

const folder = mkdtempSync(join(tmpdir(), "tixi-admin-"))
const socket = join(folder, "admin.sock")
const tokenFile = join(folder, "admin.token")
const token = "an-admin-token-of-forty-characters-long!"

const services = runtimeLayer({ processes: [hostedTicketProcess] }).pipe(
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)
const environment = Layer.mergeAll(
  intakeServerLayer({ port: 0, sources: [] }),
  adminServerLayer({ token: Redacted.make(token), listen: { socket }, tokenFile }),
).pipe(Layer.provideMerge(services))

/** A GET over the unix socket, as `tixi status` sends it. */
const getOverSocket = (path: string, bearer: string | undefined) =>
  Effect.promise(
    () =>
      new Promise<number>((resolve, reject) => {
        const outgoing = request(
          {
            socketPath: socket,
            path,
            headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
          },
          (response) => {
            response.resume()
            response.on("end", () => resolve(response.statusCode ?? 0))
          },
        )
        outgoing.on("error", reject)
        outgoing.end()
      }),
  )

layer(environment, { timeout: 60_000, excludeTestServices: true })("the admin listener", (it) => {
  it.effect("is not the intake's: the public listener does not serve /_tixi/*, even with the token", () =>
    Effect.gen(function* () {
      const intake = yield* IntakeServer
      const admin = yield* AdminServer
      expect(admin.address).toBe(socket)
      const status = yield* Effect.promise(() =>
        fetch(`${intake.url}/_tixi/status`, { headers: { authorization: `Bearer ${token}` } }).then(
          (response) => response.status,
        ),
      )
      expect(status).toBe(404)
    }),
  )

  it.effect("answers on its unix socket (0600) with the token and 401 without it", () =>
    Effect.gen(function* () {
      expect(statSync(socket).mode & 0o777).toBe(0o600)
      expect(yield* getOverSocket("/_tixi/status", token)).toBe(200)
      expect(yield* getOverSocket("/_tixi/status", undefined)).toBe(401)
      expect(yield* getOverSocket("/_tixi/status", token.slice(0, -1))).toBe(401)
    }),
  )

  it.effect("keeps the token in its file (0600) while it runs", () =>
    Effect.sync(() => {
      expect(readFileSync(tokenFile, "utf8")).toBe(token)
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600)
    }),
  )
})

layer(services, { timeout: 60_000, excludeTestServices: true })("the admin listener's token", (it) => {
  it.effect("must have at least 32 characters, and nothing is written when it has not", () =>
    Effect.gen(function* () {
      const shortFile = join(folder, "short.token")
      const started = yield* Effect.exit(
        Layer.build(
          adminServerLayer({
            token: Redacted.make("x"),
            listen: { socket: join(folder, "short.sock") },
            tokenFile: shortFile,
          }),
        ).pipe(Effect.scoped),
      )
      expect(Exit.isFailure(started)).toBe(true)
      expect(String(started)).toContain("the admin token must have at least 32 characters")
      expect(existsSync(shortFile)).toBe(false)
      expect(existsSync(join(folder, "short.sock"))).toBe(false)
      rmSync(folder, { recursive: true, force: true })
    }),
  )
})
