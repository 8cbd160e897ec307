import { describe, expect, it, layer } from "@effect/vitest"
import {
  defaultAccessPolicy,
  inMemoryDirectoryLayer,
  isMasked,
  maskReason,
  type Reader,
  stricterLevel,
  unclassifiedField,
} from "@tixi/core"
import { Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import * as fc from "fast-check"
import { withStatusAccess } from "../../src/access/reading.ts"
import { defaultProcessModules, workflowField } from "../../src/access/workflow-field.ts"
import { AdminServer, adminServerLayer } from "../../src/admin/admin-server.ts"
import { AuditTrail, makeAuditTrail } from "../../src/audit/audit-trail.ts"
import { runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { formatStatus } from "../../src/status/format-status.ts"
import { type RuntimeStatus, readStatus } from "../../src/status/runtime-status.ts"
import { projectStatus, statusFreeTextLevel } from "../../src/status/status-projection.ts"
import { ensureSchema } from "../../src/storage/schema.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { parkDeadLetter } from "../fixtures/dead-letters.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { readerOf, readingCompany, readingDirectory } from "../fixtures/readers.ts"

/** A customer's telephone, as a host's validation error quotes it. */
const telephone = "13800138000"

const refuseIntake = (eventId: string, reason: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`INSERT INTO tixi_intake_refused ${sql.insert({
      source: "hubspot",
      event_id: eventId,
      type: "ticket.propertyChange",
      reason,
      payload: "{}",
      refusals: 1,
      refused_at: 2_000,
    })}`
  })

const posts = [
  "complaintOfficer",
  "qualityOfficer",
  "financeManager",
  "generalManager",
  "creditOfficer",
  "informationOfficer",
] as const
const processes = ["credit.standard", "complaint", "quality.review", "a-process-tixi-cannot-place"] as const

describe("projectStatus over random statuses", () => {
  const token = fc.stringMatching(/^[A-Za-z0-9]{12}$/).map((text) => `SECRET${text}`)
  const letter = fc.record({
    process: fc.constantFrom(...processes),
    token,
    prefix: fc.string({ maxLength: 20 }),
  })
  it("the JSON holds no value a post may not read: each such error, instance id and reason is the marker, and every row stays", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...posts),
        fc.array(letter, { maxLength: 8 }),
        fc.array(token, { maxLength: 4 }),
        (post, letters, intakeTokens) => {
          const reader: Reader = readerOf(post)
          const status: RuntimeStatus = {
            at: 10_000,
            instances: [],
            parkedInstances: 0,
            overdueTotal: letters.length,
            overdue: letters.map((row, index) => ({
              process: row.process,
              instanceId: `${row.token}-instance`,
              key: "sla",
              dueAt: 0,
              overdueMillis: 10_000 + index,
            })),
            deadLetters: letters.map((row, index) => ({
              id: `dl-${index}`,
              process: row.process,
              instanceId: `${row.token}-instance`,
              kind: "host.updateRecord",
              attempts: 5,
              error: `${row.prefix} HubSpot 400: ${row.token} is not a valid phone`,
              status: "parked",
              parkedAt: 1_000,
            })),
            retries: [],
            intake: { received: 0, undelivered: 0, failed: 0, refused: intakeTokens.length },
            refusedIntake: intakeTokens.map((value) => ({
              source: "hubspot",
              eventId: `${value}-event`,
              type: "ticket.propertyChange",
              reason: `property value ${value} has a NUL byte`,
              refusals: 1,
              refusedAt: 2_000,
            })),
            feeds: [],
          }
          const projected = projectStatus(status, reader, defaultAccessPolicy, defaultProcessModules)
          const json = JSON.stringify(projected.status)
          expect(projected.status.deadLetters).toHaveLength(letters.length)
          expect(projected.status.overdue).toHaveLength(letters.length)
          expect(projected.status.refusedIntake).toHaveLength(intakeTokens.length)
          letters.forEach((row, index) => {
            const workflow = workflowField(row.process, defaultProcessModules)
            const errorField = { ...workflow, level: stricterLevel(workflow.level, statusFreeTextLevel) }
            const errorHidden = maskReason(errorField, reader, defaultAccessPolicy) !== undefined
            const idHidden = maskReason(workflow, reader, defaultAccessPolicy) !== undefined
            const shown = projected.status.deadLetters[index]!
            expect(isMasked(shown.error)).toBe(errorHidden)
            expect(isMasked(shown.instanceId)).toBe(idHidden)
            expect(isMasked(projected.status.overdue[index]!.instanceId)).toBe(idHidden)
            if (errorHidden && idHidden) expect(json).not.toContain(row.token)
            if (!errorHidden) expect(shown.error).toBe(status.deadLetters[index]!.error)
          })
          const intakeHidden = maskReason(unclassifiedField, reader, defaultAccessPolicy) !== undefined
          for (const value of intakeTokens) expect(json.includes(value)).toBe(!intakeHidden)
          // Every masked value is named in the reads the audit trail records, nothing more.
          const maskedCount = projected.reads.reduce((sum, read) => sum + read.maskedFields.length, 0)
          const markers = (json.match(/"_tag":"Masked"/g) ?? []).length
          expect(maskedCount).toBe(markers)
        },
      ),
      { numRuns: 300 },
    )
  })
})

const database = Layer.effectDiscard(ensureSchema).pipe(Layer.provideMerge(pgliteLayer()))

layer(database, { timeout: 60_000, excludeTestServices: true })(
  "tixi status --as over the database: the caller resolved through the directory",
  (it) => {
    it.effect(
      "a complaint officer without credit need-to-know sees the credit dead letters' errors masked but their count; the finance manager sees them; both reads are audited",
      () =>
        Effect.gen(function* () {
          yield* parkDeadLetter(
            "dl-credit-1",
            "credit.standard",
            "ACME-42",
            `HubSpot 400: ${telephone} is not valid`,
          )
          yield* parkDeadLetter("dl-credit-2", "credit.standard", "ACME-43", "credit limit 80000 CNY refused")
          yield* refuseIntake("evt-1", "company name ACME\\u0000 cannot be stored")
          const trail = yield* makeAuditTrail
          const reading = withStatusAccess(readingDirectory, trail)
          const whole = yield* readStatus
          expect(whole.deadLetters).toHaveLength(2)

          const officer = yield* reading.statusAs("officer-wu", whole)
          expect(officer.deadLetters).toHaveLength(2)
          for (const row of officer.deadLetters) {
            expect(row.error).toEqual({ _tag: "Masked", level: "secret", reason: "needToKnow" })
            expect(row.instanceId).toEqual({ _tag: "Masked", level: "secret", reason: "needToKnow" })
            expect(row.id).toMatch(/^dl-credit-/)
          }
          expect(officer.refusedIntake[0]!.reason).toEqual({
            _tag: "Masked",
            level: "confidential",
            reason: "clearance",
          })
          const officerText = formatStatus(officer)
          expect(officerText).toContain("Dead letters (2)")
          expect(officerText).toContain("[withheld: 秘密]")
          expect(JSON.stringify(officer)).not.toContain(telephone)
          expect(officerText).not.toContain(telephone)

          const finance = yield* reading.statusAs("finance-zhou", whole)
          expect(finance.deadLetters.map((row) => row.error)).toEqual(
            whole.deadLetters.map((row) => row.error),
          )
          expect(JSON.stringify(finance)).toContain(telephone)

          const officerRows = yield* trail.query({ personId: "officer-wu", limit: 100 })
          expect(officerRows.filter((row) => row.outcome === "refused").map((row) => row.field)).toEqual(
            expect.arrayContaining(["deadLetter.dl-credit-1.error", "deadLetter.dl-credit-1.instanceId"]),
          )
          expect(officerRows.every((row) => row.kind === "read" && row.post === "complaintOfficer")).toBe(
            true,
          )
          const financeRows = yield* trail.query({
            personId: "finance-zhou",
            outcome: "accepted",
            limit: 100,
          })
          expect(financeRows).toContainEqual(
            expect.objectContaining({
              kind: "read",
              process: "credit.standard",
              instanceId: "ACME-42",
              field: "deadLetter.dl-credit-1.error",
              level: "secret",
              post: "financeManager",
            }),
          )
        }),
    )

    it.effect(
      "a person the directory does not know is refused, and nothing is shown or recorded as read",
      () =>
        Effect.gen(function* () {
          const trail = yield* makeAuditTrail
          const reading = withStatusAccess(readingDirectory, trail)
          const failure = yield* Effect.flip(reading.statusAs("nobody", yield* readStatus))
          expect(failure._tag).toBe("UnknownActor")
          expect(yield* trail.query({ personId: "nobody", limit: 10 })).toHaveLength(0)
        }),
    )
  },
)

const adminToken = "an-admin-token-of-forty-characters-long!"
const adminEnvironment = adminServerLayer({ token: Redacted.make(adminToken), listen: { port: 0 } }).pipe(
  Layer.provideMerge(
    runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
      Layer.provideMerge(Layer.merge(inMemoryHostLayer, inMemoryDirectoryLayer(readingCompany))),
      Layer.provideMerge(pgliteLayer()),
    ),
  ),
)

const adminGet = (path: string) =>
  Effect.gen(function* () {
    const admin = yield* AdminServer
    return yield* Effect.promise(() =>
      fetch(`${admin.address}${path}`, { headers: { authorization: `Bearer ${adminToken}` } }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as RuntimeStatus }),
      ),
    )
  })

layer(adminEnvironment, { timeout: 60_000, excludeTestServices: true })(
  "GET /_tixi/status?as= on the admin listener",
  (it) => {
    it.effect(
      "projects the status for the caller and audits it; without ?as the token holder reads it whole",
      () =>
        Effect.gen(function* () {
          yield* parkDeadLetter(
            "dl-admin-1",
            "credit.standard",
            "ACME-7",
            `HubSpot 400: ${telephone} is not valid`,
          )
          const officer = yield* adminGet("/_tixi/status?as=officer-wu")
          expect(officer.status).toBe(200)
          expect(officer.body.deadLetters).toHaveLength(1)
          expect(officer.body.deadLetters[0]!.error).toEqual({
            _tag: "Masked",
            level: "secret",
            reason: "needToKnow",
          })
          expect(JSON.stringify(officer.body)).not.toContain(telephone)
          const finance = yield* adminGet("/_tixi/status?as=finance-zhou")
          expect(finance.body.deadLetters[0]!.error).toContain(telephone)
          const whole = yield* adminGet("/_tixi/status")
          expect(whole.body.deadLetters[0]!.error).toContain(telephone)
          const trail = yield* AuditTrail
          const rows = yield* trail.query({ personId: "finance-zhou", instanceId: "ACME-7", limit: 10 })
          expect(rows.map((row) => row.field)).toContain("deadLetter.dl-admin-1.error")
          const unknown = yield* adminGet("/_tixi/status?as=nobody")
          expect(unknown.status).toBe(403)
          expect((yield* adminGet("/_tixi/status?as=")).status).toBe(400)
        }),
    )
  },
)
