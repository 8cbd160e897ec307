import { Effect, Layer, Redacted } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { AdminServer, adminServerLayer } from "../../src/admin/admin-server.ts"
import { runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { hmacSource } from "../../src/intake/hmac-source.ts"
import { IntakeServer, intakeServerLayer } from "../../src/intake/intake-server.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { formatStatus } from "../../src/status/format-status.ts"
import type { RuntimeStatus } from "../../src/status/runtime-status.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { postSigned } from "../fixtures/signed-post.ts"
import { mountSmallDisk } from "../fixtures/small-disk.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"

// A 16 MiB tmpfs stands for the data folder's disk; mounting needs root (CI has it). Without
// root the test is skipped with the reason mountSmallDisk gives.
const disk = mountSmallDisk(16)
const skipReason = typeof disk === "string" ? disk : undefined
afterAll(() => {
  if (typeof disk !== "string") disk.unmount()
})

const secret = "watermark-test-secret"
const adminToken = "a-watermark-test-token-of-enough-length"

describe.skipIf(skipReason !== undefined)(
  `the intake's free-space watermark${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    it("answers 503 below the watermark, stores again once space is freed, and status shows it", {
      timeout: 120_000,
    }, async () => {
      if (typeof disk === "string") return
      const environment = intakeServerLayer({
        port: 0,
        sources: [hmacSource({ name: "test", path: "/hooks/test", secret: Redacted.make(secret) })],
        diskWatermark: { folder: disk.folder, minFreeBytes: 8 * 1024 * 1024 },
      }).pipe(
        Layer.merge(
          adminServerLayer({
            token: Redacted.make(adminToken),
            listen: { port: 0 },
            diskWatermark: { folder: disk.folder, minFreeBytes: 8 * 1024 * 1024 },
          }),
        ),
        Layer.provideMerge(runtimeLayer({ processes: [hostedTicketProcess] })),
        Layer.provideMerge(inMemoryHostLayer),
        Layer.provideMerge(pgliteLayer()),
      )
      const outcome = await Effect.runPromise(
        Effect.gen(function* () {
          const server = yield* IntakeServer
          const admin = yield* AdminServer
          const post = (id: string) =>
            Effect.promise(async () => {
              const body = JSON.stringify({ id, type: "note", payload: {} })
              const response = await postSigned(`${server.url}/hooks/test`, secret, body)
              return { status: response.status, retryAfter: response.headers.get("retry-after") }
            })
          const status = () =>
            Effect.promise(async () => {
              const response = await fetch(`${admin.address}/_tixi/status`, {
                headers: { authorization: `Bearer ${adminToken}` },
              })
              return (await response.json()) as RuntimeStatus
            })
          const roomy = yield* post("event-1")
          disk.fill(4 * 1024 * 1024)
          const low = yield* post("event-2")
          const lowStatus = yield* status()
          disk.free()
          const freed = yield* post("event-3")
          return { roomy, low, lowStatus, freed }
        }).pipe(Effect.provide(Layer.orDie(environment)), Effect.scoped),
      )
      expect(outcome.roomy.status).toBe(200)
      expect(outcome.low).toEqual({ status: 503, retryAfter: "60" })
      expect(outcome.freed.status).toBe(200)
      expect(outcome.lowStatus.disk?.belowWatermark).toBe(true)
      expect(outcome.lowStatus.disk?.minFreeBytes).toBe(8 * 1024 * 1024)
      expect(outcome.lowStatus.disk?.freeBytes).toBeLessThan(8 * 1024 * 1024)
      expect(formatStatus(outcome.lowStatus)).toMatch(
        /Disk: [\d.]+ (KiB|MiB) free for .*refuses events below 8\.0 MiB\n {2}BELOW THE WATERMARK/,
      )
    })
  },
)
