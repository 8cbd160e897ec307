import { expect, layer } from "@effect/vitest"
import {
  type AnyForm,
  Complaints,
  chinaMainlandCalendar,
  classifyForm,
  defaultAccessPolicy,
  Planning,
} from "@tixi/core"
import { Clock, Effect, Layer, Result } from "effect"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { readOpenItems } from "../../src/status/open-items.ts"
import { readStatus } from "../../src/status/runtime-status.ts"
import { registered } from "../fixtures/complaint-commands.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"

const services = runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)

const classification = classifyForm(Complaints.registrationForm as unknown as AnyForm, defaultAccessPolicy)

layer(services, { timeout: 60_000, excludeTestServices: true })(
  "status --json and progress --json carry counts and statuses, never customer data above 内部",
  (it) => {
    it.effect("no 秘密 or 机密 value of a stored registration appears in the status or progress JSON", () =>
      Effect.gen(function* () {
        yield* registered("STATUS-1")
        const runtime = yield* ProcessRuntime
        const raw = (yield* runtime.inspect("complaint", "STATUS-1"))!
        const registration = (raw.state as { registration: Record<string, unknown> }).registration
        const secrets = Object.entries(registration)
          .filter(([field, value]) => {
            const level = classification[field]?.level
            return typeof value === "string" && value !== "" && level !== "public" && level !== "internal"
          })
          .map(([, value]) => value as string)
        expect(secrets.length).toBeGreaterThan(0)
        const status = JSON.stringify(yield* readStatus)
        const now = yield* Clock.currentTimeMillis
        const progress = Planning.workProgress(yield* readOpenItems(), now, chinaMainlandCalendar())
        expect(Result.isSuccess(progress)).toBe(true)
        const progressJson = JSON.stringify(Result.isSuccess(progress) ? progress.success : undefined)
        expect(status).toContain("complaint")
        expect(progressJson).toContain("STATUS-1")
        for (const secret of secrets) {
          expect(status).not.toContain(secret)
          expect(progressJson).not.toContain(secret)
        }
      }),
    )
  },
)
