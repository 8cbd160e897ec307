import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditTrail, auditTrailLayer } from "../../src/audit/audit-trail.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, "../../src/cli/main.ts")
const config = join(here, "../fixtures/cli-config.ts")
const run = promisify(execFile)

describe("tixi audit", () => {
  let folder: string
  let environment: NodeJS.ProcessEnv
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "tixi-audit-cli-"))
    environment = { ...process.env, TIXI_TEST_FOLDER: folder }
    // A trail as a runner leaves it: a write, a refusal by the directory, a read with a masked field.
    await Effect.runPromise(
      Effect.gen(function* () {
        yield* ensureSchema
        const trail = yield* AuditTrail
        yield* trail.record({
          kind: "command",
          outcome: "accepted",
          personId: "officer-wu",
          post: "complaintOfficer",
          process: "complaint",
          instanceId: "C-1",
          commandType: "Register",
        })
        yield* trail.record({
          kind: "command",
          outcome: "refused",
          personId: "someone-else",
          post: "director",
          process: "complaint",
          instanceId: "C-1",
          commandType: "Accept",
          refusal: "UnknownActor",
          reason: '目录中没有此人, "someone-else"',
        })
        yield* trail.recordRead(
          { personId: "finance-zhao", post: "financeOfficer" },
          {
            process: "complaint",
            instanceId: "C-1",
            shownFields: [{ field: "paymentTerms", level: "secret" }],
          },
          [{ field: "creditAnalysis", level: "confidential", reason: "仅信用岗位可读" }],
        )
      }).pipe(Effect.provide(auditTrailLayer), Effect.provide(pgliteLayer({ folder })), Effect.scoped),
    )
  }, 120_000)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  const tixi = (...args: Array<string>) =>
    run(process.execPath, ["--conditions=@tixi/source", cli, "audit", "--config", config, ...args], {
      env: environment,
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    )

  it("prints the trail as a table with the summary line by outcome and post", {
    timeout: 60_000,
  }, async () => {
    const result = await tixi()
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split("\n")
    expect(lines).toHaveLength(5)
    expect(lines[1]).toContain("someone-else@director")
    expect(lines[1]).toContain("UnknownActor: 目录中没有此人")
    expect(lines[3]).toContain("creditAnalysis (confidential)")
    expect(lines[4]).toBe(
      "4 entries: 2 accepted, 2 refused, 0 failed; by post: financeOfficer 2, complaintOfficer 1, director 1",
    )
  })

  it("filters refused entries as JSON Lines, the summary on standard error", {
    timeout: 60_000,
  }, async () => {
    const result = await tixi("--outcome", "refused", "--format", "json")
    expect(result.code).toBe(0)
    const entries = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
    expect(entries.map((entry) => [entry.personId, entry.refusal])).toEqual([
      ["someone-else", "UnknownActor"],
      ["finance-zhao", "Masked"],
    ])
    expect(result.stderr).toContain("2 entries: 0 accepted, 2 refused")
  })

  it("exports one person's entries as CSV to a file, UTF-8 with the Chinese intact", {
    timeout: 60_000,
  }, async () => {
    const file = join(folder, "audit.csv")
    const result = await tixi("--person", "someone-else", "--format", "csv", "--output", file)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("1 entries: 0 accepted, 1 refused")
    const csv = readFileSync(file, "utf8")
    expect(csv.split("\r\n")[0]).toMatch(/^sequence,at,time,kind,outcome,personId/)
    expect(csv).toContain(',UnknownActor,"目录中没有此人, ""someone-else"""\r\n')
    expect(csv.split("\r\n")).toHaveLength(3)
  })

  it("names the flag that is wrong", { timeout: 60_000 }, async () => {
    const since = await tixi("--since", "yesterday-ish")
    expect(since.code).toBe(1)
    expect(since.stderr).toContain('--since "yesterday-ish" is not a date')
    const outcome = await tixi("--outcome", "maybe")
    expect(outcome.code).toBe(1)
    expect(outcome.stderr).toContain("--outcome")
    const window = await tixi("--since", "2026-12-07", "--until", "2026-12-01")
    expect(window.code).toBe(1)
    expect(window.stderr).toContain("to must be after from")
  })
})
