import { expect, layer } from "@effect/vitest"
import { Complaints, defaultAccessPolicy, inMemoryDirectoryLayer, projectForm } from "@tixi/core"
import { Effect, Layer, Redacted } from "effect"
import { AdminServer, adminServerLayer } from "../../src/admin/admin-server.ts"
import { AuditTrail } from "../../src/audit/audit-trail.ts"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { registered } from "../fixtures/complaint-commands.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { readerOf, readers, readingCompany } from "../fixtures/readers.ts"

const token = "an-admin-token-of-forty-characters-long!"

const services = runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
  Layer.provideMerge(Layer.merge(inMemoryHostLayer, inMemoryDirectoryLayer(readingCompany))),
  Layer.provideMerge(pgliteLayer()),
)
const environment = adminServerLayer({ token: Redacted.make(token), listen: { port: 0 } }).pipe(
  Layer.provideMerge(services),
)

/** A GET on the admin listener with the token, as an operator's tool sends it. */
const adminGet = (path: string) =>
  Effect.gen(function* () {
    const admin = yield* AdminServer
    return yield* Effect.promise(() =>
      fetch(`${admin.address}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(
        async (response) => ({
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
        }),
      ),
    )
  })

layer(environment, { timeout: 60_000, excludeTestServices: true })(
  "the admin instance read shows each post what it may read",
  (it) => {
    for (const { person, post } of readers) {
      it.effect(`${post} reads the registration over admin as projectForm shows it`, () =>
        Effect.gen(function* () {
          const instanceId = `ADMIN-${post}`
          yield* registered(instanceId)
          const runtime = yield* ProcessRuntime
          const trail = yield* AuditTrail
          const raw = (yield* runtime.inspect("complaint", instanceId))!
          const registration = (raw.state as { registration: never }).registration
          expect(registration).toBeDefined()
          const reply = yield* adminGet(`/_tixi/instances/complaint/${instanceId}?as=${person}`)
          expect(reply.status).toBe(200)
          const expected = projectForm(
            Complaints.registrationForm,
            registration,
            readerOf(post),
            defaultAccessPolicy,
          )
          expect((reply.body.state as { registration: unknown }).registration).toEqual(
            JSON.parse(JSON.stringify(expected.values)),
          )
          const refused = yield* trail.query({
            personId: person,
            instanceId,
            outcome: "refused",
            limit: 1000,
          })
          for (const entry of expected.masked)
            expect(refused.map((row) => row.field)).toContain(`registration.${entry.field}`)
        }),
      )
    }

    it.effect("an unknown caller is refused with 403 naming them; a read without a caller is 400", () =>
      Effect.gen(function* () {
        yield* registered("ADMIN-unknown")
        const unknown = yield* adminGet("/_tixi/instances/complaint/ADMIN-unknown?as=stranger-9")
        expect(unknown.status).toBe(403)
        expect(String(unknown.body.error)).toContain("stranger-9")
        const anonymous = yield* adminGet("/_tixi/instances/complaint/ADMIN-unknown")
        expect(anonymous.status).toBe(400)
        expect(String(anonymous.body.error)).toContain("as")
        const missing = yield* adminGet("/_tixi/instances/complaint/ADMIN-none?as=gm-zhao")
        expect(missing.status).toBe(404)
      }),
    )
  },
)
