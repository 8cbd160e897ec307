import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { isMasked, Organisation } from "@tixi/core"
import { Effect, Layer, Redacted, Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { AdminServer } from "../../src/admin/admin-server.ts"
import { AuditTrail } from "../../src/audit/audit-trail.ts"
import { status } from "../../src/cli/commands.ts"
import { defineConfig, resolveConfig, type TixiConfigInput } from "../../src/config/define-config.ts"
import { runnerLayer } from "../../src/runner/runner-layer.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"
import { registered } from "../fixtures/complaint-commands.ts"
import { hostedComplaintProcess } from "../fixtures/complaint-process.ts"
import { parkDeadLetter } from "../fixtures/dead-letters.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"

const token = "an-admin-token-of-forty-characters-long!"
const folders: Array<string> = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** A configuration on a fresh PGlite folder, with what the company's `tixi.config.ts` adds. */
const configWith = (company: Partial<TixiConfigInput>) => {
  const folder = mkdtempSync(join(tmpdir(), "tixi-config-reading-"))
  folders.push(folder)
  const resolved = resolveConfig(
    defineConfig({
      processes: [hostedComplaintProcess],
      host: inMemoryHostLayer,
      database: { kind: "pglite", folder, minFreeDiskBytes: 0 },
      intake: false,
      admin: { token: Redacted.make(token), port: 0 },
      ...company,
    }),
    {},
  )
  if (Result.isFailure(resolved)) throw resolved.failure
  return resolved.success
}

/** A company on the 大型企业 chart whose complaint officers took over the 客户信用专员's duties. */
const creditMergedIntoComplaints = {
  ...Organisation.largeEnterpriseOrganisation,
  version: "acme-merged-1",
  merges: { creditOfficer: "complaintOfficer" },
}

describe("tixi.config's organisation and access reach every read path", () => {
  it("status --as: a company that merges 客户信用专员 into 客户投诉专员 lets officer-wu read the credit dead letter's error the default chart masks for need-to-know", async () => {
    const error = "credit limit 80000 CNY refused for ACME"
    const readAs = async (company: Partial<TixiConfigInput>) => {
      const config = configWith(company)
      await Effect.runPromise(
        Effect.gen(function* () {
          yield* ensureSchema
          yield* parkDeadLetter("dl-credit-1", "credit.standard", "ACME-42", error)
        }).pipe(
          Effect.provide(
            Layer.orDie(pgliteLayer({ folder: (config.database as { folder: string }).folder })),
          ),
        ),
      )
      return status(config, "officer-wu")
    }
    const underDefault = await readAs({})
    expect(underDefault.deadLetters[0]!.error).toEqual({
      _tag: "Masked",
      level: "secret",
      reason: "needToKnow",
    })
    const underCompany = await readAs({ organisation: creditMergedIntoComplaints })
    expect(underCompany.deadLetters[0]!.error).toBe(error)
  }, 60_000)

  it("instance read over serve's admin route: a company access policy that raises 客户投诉登记表's summary to 机密 masks it for officer-wu, and the refusal is audited", async () => {
    const readAs = (company: Partial<TixiConfigInput>, instanceId: string) =>
      Effect.runPromise(
        Effect.gen(function* () {
          yield* registered(instanceId)
          const admin = yield* Effect.serviceOption(AdminServer)
          if (admin._tag === "None")
            return yield* Effect.die(new Error("the runner serves no admin endpoints"))
          const reply = yield* Effect.promise(() =>
            fetch(`${admin.value.address}/_tixi/instances/complaint/${instanceId}?as=officer-wu`, {
              headers: { authorization: `Bearer ${token}` },
            }).then(async (response) => ({
              status: response.status,
              body: (await response.json()) as never,
            })),
          )
          // `runnerLayer` types only what serve asks for; the trail and the admin listener are in it too.
          const trail = yield* Effect.serviceOption(AuditTrail)
          if (trail._tag === "None") return yield* Effect.die(new Error("the runner keeps no audit trail"))
          const refused = yield* trail.value.query({
            personId: "officer-wu",
            instanceId,
            outcome: "refused",
            limit: 100,
          })
          return {
            status: reply.status,
            subject: (reply.body as { state: { registration: { subject: unknown } } }).state.registration
              .subject,
            refusedFields: refused.map((row) => row.field),
          }
        }).pipe(Effect.provide(runnerLayer(configWith(company))), Effect.scoped),
      )
    const underDefault = await readAs({}, "CFG-1")
    expect(underDefault.status).toBe(200)
    expect(underDefault.subject).toBe("第二批货物外包装破损")
    expect(underDefault.refusedFields).not.toContain("registration.subject")

    const underCompany = await readAs(
      {
        access: {
          version: "acme-access-1",
          formFields: { "complaint.registration": { subject: "confidential" } },
          attributes: {},
          needToKnow: { credit: "secret", finance: "secret", information: "secret" },
        },
      },
      "CFG-2",
    )
    expect(underCompany.status).toBe(200)
    expect(isMasked(underCompany.subject)).toBe(true)
    expect(underCompany.subject).toMatchObject({ level: "confidential", reason: "clearance" })
    expect(underCompany.refusedFields).toContain("registration.subject")
  }, 60_000)
})
