import { describe, expect, it, layer } from "@effect/vitest"
import {
  type AnyForm,
  Complaints,
  type DirectoryService,
  defaultAccessPolicy,
  isMasked,
  makeInMemoryDirectory,
  masked,
  maskReason,
  moduleDefaultLevel,
  PortFailure,
  projectForm,
  Unavailable,
  unclassifiedField,
} from "@tixi/core"
import { sampleCompany } from "@tixi/testing"
import { Effect, Layer } from "effect"
import * as fc from "fast-check"
import { projectInstance } from "../../src/access/instance-projection.ts"
import { InstanceReader } from "../../src/access/instance-reader.ts"
import { resolveReader, withReadAccess } from "../../src/access/reading.ts"
import { AuditTrail } from "../../src/audit/audit-trail.ts"
import type { InstanceView } from "../../src/engine/process-runtime.ts"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { registered } from "../fixtures/complaint-commands.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { largeEnterprise, qualityOfficer, readerOf, readers, readingDirectory } from "../fixtures/readers.ts"

const directory = readingDirectory
const organisation = largeEnterprise
const registrationForm = Complaints.registrationForm

const environment = runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)

layer(environment, { timeout: 60_000, excludeTestServices: true })(
  "inspect as a caller: each post sees what its reader may read, and refused reads are audited",
  (it) => {
    for (const { person, post } of readers) {
      it.effect(`${post} sees the registration as projectForm shows it to that post`, () =>
        Effect.gen(function* () {
          const instanceId = `READ-${post}`
          yield* registered(instanceId)
          const runtime = yield* ProcessRuntime
          const trail = yield* AuditTrail
          const raw = (yield* runtime.inspect("complaint", instanceId))!
          const reading = withReadAccess(runtime, directory, trail)
          const view = (yield* reading.inspectAs(person, "complaint", instanceId))!
          const registration = (raw.state as { registration: never }).registration
          expect(registration).toBeDefined()
          const expected = projectForm(registrationForm, registration, readerOf(post), defaultAccessPolicy)
          expect((view.state as { registration: unknown }).registration).toEqual(expected.values)
          expect(view.status).toBe(raw.status)
          expect(view.turns).toBe(raw.turns)
          const refused = yield* trail.query({
            personId: person,
            instanceId,
            outcome: "refused",
            limit: 1000,
          })
          const refusedFields = refused.map((entry) => entry.field).sort()
          const projected = projectInstance(raw, readerOf(post), defaultAccessPolicy, {
            registration: registrationForm as unknown as AnyForm,
          })
          expect(refusedFields).toEqual(projected.masked.map((entry) => entry.field).sort())
          for (const entry of expected.masked) expect(refusedFields).toContain(`registration.${entry.field}`)
          expect(refused.every((entry) => entry.post === post && entry.kind === "read")).toBe(true)
        }),
      )
    }

    it.effect(
      "a quality officer is refused the complainant's contact a complaint officer is shown, and both reads are audited",
      () =>
        Effect.gen(function* () {
          yield* registered("READ-compare")
          const runtime = yield* ProcessRuntime
          const trail = yield* AuditTrail
          const reading = withReadAccess(runtime, directory, trail)
          yield* reading.inspectAs("quality-he", "complaint", "READ-compare")
          yield* reading.inspectAs("officer-wu", "complaint", "READ-compare")
          const qualityRefused = yield* trail.query({
            personId: "quality-he",
            instanceId: "READ-compare",
            outcome: "refused",
            limit: 1000,
          })
          const officerRefused = yield* trail.query({
            personId: "officer-wu",
            instanceId: "READ-compare",
            outcome: "refused",
            limit: 1000,
          })
          expect(qualityRefused.length).toBeGreaterThan(officerRefused.length)
          const withheldFromQuality = qualityRefused
            .map((entry) => entry.field ?? "")
            .filter((field) => field.startsWith("registration."))
          expect(withheldFromQuality.length).toBeGreaterThan(0)
          const withheldFromOfficer = new Set(officerRefused.map((entry) => entry.field))
          expect(withheldFromQuality.some((field) => !withheldFromOfficer.has(field))).toBe(true)
        }),
    )

    it.effect("an unknown caller is refused naming the person, and nothing is shown", () =>
      Effect.gen(function* () {
        yield* registered("READ-unknown")
        const runtime = yield* ProcessRuntime
        const trail = yield* AuditTrail
        const failure = yield* Effect.flip(
          withReadAccess(runtime, directory, trail).inspectAs("stranger-9", "complaint", "READ-unknown"),
        )
        expect(failure).toMatchObject({ _tag: "UnknownActor", personId: "stranger-9" })
        expect(failure.message).toContain("stranger-9")
      }),
    )

    it.effect("a directory outage fails the read closed", () =>
      Effect.gen(function* () {
        yield* registered("READ-outage")
        const runtime = yield* ProcessRuntime
        const trail = yield* AuditTrail
        const unreachable: DirectoryService = {
          ...directory,
          person: () =>
            Effect.fail(
              new PortFailure({
                port: "Directory",
                operation: "person",
                reason: new Unavailable({}),
                detail: "directory host unreachable",
              }),
            ),
        }
        const failure = yield* Effect.flip(
          withReadAccess(runtime, unreachable, trail).inspectAs("gm-zhao", "complaint", "READ-outage"),
        )
        expect(failure._tag).toBe("PortFailure")
      }),
    )
  },
)

describe("projectInstance over random registrations", () => {
  const stateForms = { registration: registrationForm as unknown as AnyForm }
  const fieldKeys = Object.keys(registrationForm.fields)
  const registrations = fc.dictionary(fc.constantFrom(...fieldKeys), fc.string(), { minKeys: 1 })

  it("for every post, the registration shown equals projectForm, a complaint's other keys are its workflow at 内部, and an unknown process's are 机密", () => {
    const processes = ["complaint", "a-process-tixi-does-not-know"] as const
    fc.assert(
      fc.property(
        registrations,
        fc.constantFrom(...readers),
        fc.string(),
        fc.constantFrom(...processes),
        (registration, { post }, note, process) => {
          const view: InstanceView = {
            process,
            instanceId: "P-1",
            state: { registration, note },
            status: "registered",
            finished: false,
            turns: 1,
            parked: false,
          }
          const reader = readerOf(post)
          const projected = projectInstance(view, reader, defaultAccessPolicy, stateForms)
          const expected = projectForm(registrationForm, registration as never, reader, defaultAccessPolicy)
          const state = projected.view.state as { registration: unknown; note: unknown }
          expect(state.registration).toEqual(expected.values)
          const noteField =
            process === "complaint"
              ? { level: moduleDefaultLevel.complaints, module: "complaints" as const }
              : unclassifiedField
          const noteShown = maskReason(noteField, reader, defaultAccessPolicy) === undefined
          expect(state.note === note).toBe(noteShown)
          expect(projected.masked.some((entry) => entry.field === "note")).toBe(!noteShown)
          // Every post that works complaints reads a complaint's stage and notes.
          if (process === "complaint" && post === "complaintOfficer") expect(noteShown).toBe(true)
        },
      ),
      { numRuns: 40 },
    )
  })

  it("resolves a person holding no post of the organisation as unknown", () =>
    Effect.runPromise(
      Effect.flip(
        resolveReader(
          makeInMemoryDirectory({
            people: [{ ...qualityOfficer, posts: [] }],
            departments: sampleCompany.departments,
          }),
          organisation,
          "quality-he",
        ),
      ),
    ).then((failure) => expect(failure).toMatchObject({ _tag: "UnknownActor", personId: "quality-he" })))
})

/** A company that ranks the complainant's name 机密: above a complaint officer's clearance. */
const strictNames = {
  ...defaultAccessPolicy,
  formFields: {
    ...defaultAccessPolicy.formFields,
    [Complaints.registrationForm.id]: { customerName: "confidential" as const },
  },
}

layer(
  runtimeLayer({
    processes: [hostedComplaintProcess],
    engine: "embedded",
    reading: { accessPolicy: strictNames },
  }).pipe(Layer.provideMerge(inMemoryHostLayer), Layer.provideMerge(pgliteLayer())),
  { timeout: 60_000, excludeTestServices: true },
)("the runtime's InstanceReader reads under the company's reading options", (it) => {
  it.effect(
    "a complaint officer is refused the name the company ranks 机密, and the refusal is audited",
    () =>
      Effect.gen(function* () {
        yield* registered("READ-strict")
        const reader = yield* InstanceReader
        const trail = yield* AuditTrail
        const view = (yield* reader.inspectAs("officer-wu", "complaint", "READ-strict"))!
        const registration = (view.state as { registration: Record<string, unknown> }).registration
        expect(registration.customerName).toEqual(masked("confidential", "clearance"))
        expect(isMasked(registration.phone)).toBe(false)
        const refused = yield* trail.query({
          personId: "officer-wu",
          instanceId: "READ-strict",
          outcome: "refused",
          limit: 1000,
        })
        expect(refused.map((entry) => entry.field)).toContain("registration.customerName")
      }),
  )
})
