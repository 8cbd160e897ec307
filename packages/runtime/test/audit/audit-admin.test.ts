import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, layer } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { adminServerLayer } from "../../src/admin/admin-server.ts"
import { AuditTrail } from "../../src/audit/audit-trail.ts"
import { remoteAudit } from "../../src/cli/admin-client.ts"
import type { TixiConfig } from "../../src/config/define-config.ts"
import { runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"

const folder = mkdtempSync(join(tmpdir(), "tixi-audit-admin-"))
const socket = join(folder, "admin.sock")
const token = "an-admin-token-of-forty-characters-long!"

const environment = adminServerLayer({ token: Redacted.make(token), listen: { socket } }).pipe(
  Layer.provideMerge(
    runtimeLayer({ processes: [hostedTicketProcess] }).pipe(
      Layer.provideMerge(inMemoryHostLayer),
      Layer.provideMerge(pgliteLayer()),
    ),
  ),
)

/** What `tixi audit` needs of a configuration to reach the runner: its socket and token. */
const config = {
  database: { kind: "pglite", folder },
  admin: { socket, token: Redacted.make(token) },
} as unknown as TixiConfig

layer(environment, { timeout: 60_000, excludeTestServices: true })("tixi audit through the runner", (it) => {
  it.effect("pages the trail of the runner holding the embedded database over its admin socket", () =>
    Effect.gen(function* () {
      const trail = yield* AuditTrail
      for (const field of ["bankAccount", "creditAnalysis", "idNumber"])
        yield* trail.recordRead(
          { personId: "agent-li", post: "serviceAgent" },
          { process: "ticket", instanceId: "T-1" },
          [{ field, level: "confidential", reason: "超出岗位密级" }],
        )
      const first = yield* Effect.promise(() => remoteAudit(config, { personId: "agent-li", limit: 2 }))
      expect(first.map((entry) => entry.field)).toEqual(["bankAccount", "creditAnalysis"])
      const rest = yield* Effect.promise(() =>
        remoteAudit(config, { personId: "agent-li", limit: 2, after: first[1]!.sequence }),
      )
      expect(rest.map((entry) => [entry.field, entry.reason])).toEqual([["idNumber", "超出岗位密级"]])
    }),
  )

  it.effect("answers an invalid query with the field it names", () =>
    Effect.gen(function* () {
      const failure = yield* Effect.promise(() =>
        remoteAudit(config, { limit: 20_000 }).then(
          () => undefined,
          (error: Error) => error.message,
        ),
      )
      expect(failure).toContain("audit query: limit must be a whole number from 1 to 10000")
    }),
  )
})
