import { describe, it } from "@effect/vitest"
import {
  Information,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
} from "@tixi/core"
import { sampleCompany, scriptedCustomer } from "@tixi/testing"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { expect } from "vitest"
import { AuditTrail } from "../../src/audit/audit-trail.ts"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { eraseStoredPersonalData, exportStoredPersonalData } from "../../src/privacy/personal-data-store.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { acceptLate } from "../fixtures/complaint-commands.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { registerNaturalPerson } from "../fixtures/natural-person.ts"
import { temporaryFolderPerTest } from "../fixtures/temporary-folder.ts"

const person = "person-li-lei"
const personal = { customerName: "李雷", phone: "139 0000 1234", address: "上海市徐汇区漕溪北路 88 号" }

/** The in-memory host, knowing the natural person as a customer of the CRM. */
const host = Layer.mergeAll(
  InMemoryHostCrm.layer({
    customers: [
      scriptedCustomer,
      { externalKey: person, kind: "person", name: personal.customerName, fields: {} },
    ],
  }),
  InMemoryApprovals.layer(),
  InMemoryNotifier.layer(),
  inMemoryDirectoryLayer(sampleCompany),
)

/** A runner on the embedded engine over the PGlite folder; each use is a fresh start from storage. */
const runner = (folder: string) =>
  runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
    Layer.provideMerge(host),
    Layer.provideMerge(Layer.orDie(pgliteLayer({ folder }))),
  )

const valuesIn = (text: string) => Object.values(personal).filter((value) => text.includes(value))

describe("a natural person's data in the runtime's database (PIPL)", () => {
  const folder = temporaryFolderPerTest("tixi-privacy-")

  it.effect(
    "exports a complainant's registration, erases it in one transaction, and the reloaded complaint replays and runs on",
    () =>
      Effect.gen(function* () {
        const exported = yield* Effect.gen(function* () {
          expect((yield* registerNaturalPerson("PIPL-1", { customerId: person, ...personal })).outcome).toBe(
            "applied",
          )
          return yield* exportStoredPersonalData(person)
        }).pipe(Effect.provide(runner(folder())), Effect.scoped)
        const registered = exported.values.filter((value) => value.eventType === "ComplaintRegistered")
        expect(new Set(registered.map((value) => value.value))).toEqual(
          new Set([person, ...Object.values(personal)]),
        )
        expect(registered.find((value) => value.kind === "phone")?.label.en).toBe("Telephone")
        // The inbox keeps the Register command: its copy is the person's data too.
        expect(
          exported.values.some((value) => value.eventType === "Register" && value.kind === "address"),
        ).toBe(true)

        const report = yield* Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const request = { reason: "PIPL art. 47 request", requestedBy: "dpo-zhao" }
          const dryRun = yield* eraseStoredPersonalData(person, { ...request, dryRun: true })
          expect(dryRun.counts.complaint?.["ComplaintRegistered.registration.phone"]).toBe(1)
          expect(JSON.stringify(dryRun)).not.toContain(personal.phone)
          const before = yield* sql<{ text: string }>`SELECT event::text AS text FROM tixi_events`
          expect(valuesIn(JSON.stringify(before))).toHaveLength(3)

          const done = yield* eraseStoredPersonalData(person, request)
          expect(done.erasedValues).toBe(dryRun.erasedValues)
          const rows = yield* sql<{ text: string }>`
            SELECT event::text AS text FROM tixi_events UNION ALL SELECT command::text FROM tixi_inbox
            UNION ALL SELECT COALESCE(state::text, '') FROM tixi_instances`
          expect(valuesIn(JSON.stringify(rows))).toEqual([])
          expect(JSON.stringify(rows)).toContain(Information.erasedValue("phone"))

          const again = yield* eraseStoredPersonalData(person, { reason: "retry", requestedBy: "dpo-zhao" })
          expect(again.erasedValues).toBe(0)
          return done
        }).pipe(Effect.provide(Layer.orDie(pgliteLayer({ folder: folder() }))), Effect.scoped)

        yield* Effect.gen(function* () {
          const runtime = yield* ProcessRuntime
          const instance = yield* runtime.inspect("complaint", "PIPL-1")
          expect(valuesIn(JSON.stringify(instance?.state))).toEqual([])
          expect(JSON.stringify(instance?.state)).toContain(Information.erasedValue("name"))
          const next = yield* acceptLate("PIPL-1", { personId: "supervisor-sun", role: "supervisor" })
          expect(next.outcome).toBe("applied")
          const trail = yield* AuditTrail
          const erasures = (yield* trail.query({ personId: "dpo-zhao", limit: 10 })).filter(
            (entry) => entry.kind === "erasure",
          )
          expect(erasures).toHaveLength(1)
          expect(erasures[0]?.reason).toContain(`${report.erasedValues} values`)
        }).pipe(Effect.provide(runner(folder())), Effect.scoped)
      }),
    60_000,
  )
})

it.effect("refuses an empty person key or reason, naming the field", () =>
  Effect.gen(function* () {
    const failure = yield* Effect.flip(
      eraseStoredPersonalData("person", { reason: " ", requestedBy: "dpo" }).pipe(
        Effect.provideService(SqlClient.SqlClient, undefined as never),
      ),
    )
    expect(failure).toMatchObject({ _tag: "InvalidPersonalDataRequest", field: "reason" })
  }),
)
