import { expect, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { AuditTrail } from "../../src/audit/audit-trail.ts"
import { ProcessRuntime, type RuntimeOptions, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { acceptLate, registered } from "../fixtures/complaint-commands.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"

const engines: ReadonlyArray<RuntimeOptions> = [
  { processes: [hostedComplaintProcess], engine: "embedded" },
  {
    processes: [hostedComplaintProcess],
    engine: "cluster",
    cluster: { runnerId: { host: "test", port: 1 }, pollIntervalMillis: 100 },
  },
]

const trailOf = (instanceId: string) =>
  Effect.flatMap(AuditTrail, (trail) => trail.query({ process: "complaint", instanceId, limit: 100 }))

for (const options of engines) {
  const environment = runtimeLayer(options).pipe(
    Layer.provideMerge(inMemoryHostLayer),
    Layer.provideMerge(pgliteLayer()),
  )
  layer(environment, { timeout: 60_000, excludeTestServices: true })(
    `the audit trail on the ${options.engine} engine`,
    (it) => {
      it.effect("an accepted command is recorded with the person and the post the directory gave", () =>
        Effect.gen(function* () {
          const turn = yield* registered("AUD-1")
          expect(turn.outcome).toBe("applied")
          const entries = yield* trailOf("AUD-1")
          expect(entries).toHaveLength(1)
          expect(entries[0]).toMatchObject({
            kind: "command",
            outcome: "accepted",
            personId: "officer-wu",
            post: "officer",
            commandType: "Register",
            refusal: undefined,
          })
        }),
      )

      it.effect(
        "a command the process refuses is recorded as refused with the refusal's tag and message",
        () =>
          Effect.gen(function* () {
            yield* registered("AUD-2")
            // officer-wu acts as the officer she is, and the policy refuses a promise beyond the service level.
            const turn = yield* acceptLate("AUD-2", { personId: "officer-wu", role: "officer" })
            expect(turn.outcome).toBe("refused")
            const entries = yield* trailOf("AUD-2")
            expect(entries.map((entry) => entry.outcome)).toEqual(["accepted", "refused"])
            expect(entries[1]).toMatchObject({
              personId: "officer-wu",
              post: "officer",
              commandType: "Accept",
              refusal: "PolicyRefusal",
            })
            expect(entries[1]?.reason?.length ?? 0).toBeGreaterThan(0)
            expect(entries[1]!.sequence).toBeGreaterThan(entries[0]!.sequence)
          }),
      )

      it.effect("a person the directory does not know is recorded as refused though nothing was stored", () =>
        Effect.gen(function* () {
          yield* registered("AUD-3")
          const failure = yield* Effect.flip(
            acceptLate("AUD-3", { personId: "someone-else", role: "director" }),
          )
          expect(failure._tag).toBe("UnknownActor")
          const entries = yield* trailOf("AUD-3")
          expect(entries.map((entry) => [entry.outcome, entry.refusal])).toEqual([
            ["accepted", undefined],
            ["refused", "UnknownActor"],
          ])
          // The claimed post is what the trail can name: the directory gave none.
          expect(entries[1]).toMatchObject({
            personId: "someone-else",
            post: "director",
            commandType: "Accept",
          })
          expect(entries[1]?.reason).toContain("someone-else")
        }),
      )

      it.effect("a post the directory does not give is recorded as refused, naming the claim", () =>
        Effect.gen(function* () {
          yield* registered("AUD-5")
          const failure = yield* Effect.flip(
            acceptLate("AUD-5", { personId: "officer-wu", role: "director" }),
          )
          expect(failure._tag).toBe("PostNotHeld")
          const entries = yield* trailOf("AUD-5")
          expect(entries.map((entry) => [entry.outcome, entry.refusal])).toEqual([
            ["accepted", undefined],
            ["refused", "PostNotHeld"],
          ])
          expect(entries[1]?.reason).toContain("director")
        }),
      )

      it.effect("an approver's decision is recorded as an approval by the person who decided", () =>
        Effect.gen(function* () {
          yield* registered("AUD-4")
          const runtime = yield* ProcessRuntime
          // Nothing awaits approval yet, so the process refuses it: recorded all the same.
          const turn = yield* runtime.dispatch("complaint", "AUD-4", {
            type: "DecideRemedyApproval",
            approvalKey: "complaint/AUD-4/remedy",
            outcome: "approved",
            decidedBy: "manager-qian",
          })
          expect(turn.outcome).toBe("refused")
          const entries = yield* trailOf("AUD-4")
          expect(entries[1]).toMatchObject({
            kind: "approval",
            outcome: "refused",
            personId: "manager-qian",
            post: undefined,
            commandType: "DecideRemedyApproval",
          })
        }),
      )
    },
  )
}

const embedded = runtimeLayer({ processes: [hostedComplaintProcess], engine: "embedded" }).pipe(
  Layer.provideMerge(inMemoryHostLayer),
  Layer.provideMerge(pgliteLayer()),
)

layer(embedded, { timeout: 60_000, excludeTestServices: true })("the audit trail's rules", (it) => {
  it.effect("the database refuses to update, delete or truncate a row of the trail", () =>
    Effect.gen(function* () {
      yield* registered("RULE-1")
      const sql = yield* SqlClient.SqlClient
      const update = yield* Effect.flip(
        sql`UPDATE tixi_audit SET outcome = 'refused' WHERE instance_id = 'RULE-1'`,
      )
      expect(String(update.cause ?? update)).toContain("append-only")
      const remove = yield* Effect.flip(sql`DELETE FROM tixi_audit WHERE instance_id = 'RULE-1'`)
      expect(String(remove.cause ?? remove)).toContain("append-only")
      yield* Effect.flip(sql`TRUNCATE tixi_audit`)
      const entries = yield* trailOf("RULE-1")
      expect(entries.map((entry) => entry.outcome)).toEqual(["accepted"])
    }),
  )

  it.effect(
    "a refused read is audited per masked field, and a read of 秘密/机密 fields per field shown",
    () =>
      Effect.gen(function* () {
        const trail = yield* AuditTrail
        yield* trail.recordRead(
          { personId: "officer-wu", post: "complaintOfficer" },
          {
            process: "complaint",
            instanceId: "READ-1",
            shownFields: [
              { field: "customerName", level: "internal" },
              { field: "contactPhone", level: "secret" },
            ],
          },
          [
            {
              field: "creditLimit",
              level: "confidential",
              reason: "需知原则：仅信用岗位可读 / credit posts only",
            },
          ],
        )
        const entries = yield* trailOf("READ-1")
        expect(entries.map((entry) => [entry.kind, entry.outcome, entry.field, entry.level])).toEqual([
          ["read", "accepted", "contactPhone", "secret"],
          ["read", "refused", "creditLimit", "confidential"],
        ])
        expect(entries[1]).toMatchObject({
          personId: "officer-wu",
          post: "complaintOfficer",
          refusal: "Masked",
          reason: "需知原则：仅信用岗位可读 / credit posts only",
        })
      }),
  )

  it.effect("queries filter by person, outcome and time and page by sequence", () =>
    Effect.gen(function* () {
      const trail = yield* AuditTrail
      yield* registered("PAGE-1")
      yield* registered("PAGE-2")
      yield* acceptLate("PAGE-2", { personId: "officer-wu", role: "officer" })
      const refused = yield* trail.query({
        outcome: "refused",
        process: "complaint",
        instanceId: "PAGE-2",
        limit: 10,
      })
      expect(refused.map((entry) => entry.commandType)).toEqual(["Accept"])
      const first = yield* trail.query({ personId: "officer-wu", limit: 1 })
      const second = yield* trail.query({ personId: "officer-wu", limit: 1, after: first[0]!.sequence })
      expect(second[0]!.sequence).toBeGreaterThan(first[0]!.sequence)
      const all = yield* trail.query({ personId: "officer-wu", limit: 1000 })
      expect(all.every((entry) => entry.personId === "officer-wu")).toBe(true)
      expect(all.slice(0, 2)).toEqual([...first, ...second])
      const later = yield* trail.query({ from: all.at(-1)!.at + 1, limit: 1000 })
      expect(later).toEqual([])
    }),
  )

  it.effect("a query with a limit out of range is refused naming the field", () =>
    Effect.gen(function* () {
      const trail = yield* AuditTrail
      const failure = yield* Effect.flip(trail.query({ limit: 0 }))
      expect(failure).toMatchObject({ _tag: "InvalidAuditQuery", field: "limit" })
      const window = yield* Effect.flip(trail.query({ limit: 10, from: 200, to: 100 }))
      expect(window).toMatchObject({ _tag: "InvalidAuditQuery", field: "to" })
    }),
  )
})
