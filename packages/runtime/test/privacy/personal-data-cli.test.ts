import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, "../../src/cli/main.ts")
const config = join(here, "../fixtures/cli-config.ts")
const run = promisify(execFile)

const registration = {
  customerId: "person-han-mei",
  customerName: "韩梅梅",
  customerKind: "person",
  phone: "138 0000 5678",
  email: "hanmei@example.cn",
  subject: "送货延误",
}

describe("tixi personal-data", () => {
  let folder: string
  let environment: NodeJS.ProcessEnv
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "tixi-personal-cli-"))
    environment = { ...process.env, TIXI_TEST_FOLDER: folder }
    // A complaint registration as the runtime stores it: the event and the inbox's command.
    await Effect.runPromise(
      Effect.gen(function* () {
        yield* ensureSchema
        const sql = yield* SqlClient.SqlClient
        const event = JSON.stringify({ type: "ComplaintRegistered", complaintId: "C-9", registration })
        const command = JSON.stringify({ type: "Register", complaintId: "C-9", registration })
        yield* sql`INSERT INTO tixi_events (process, instance_id, sequence, type, at, event)
          VALUES ('complaint', 'C-9', 0, 'ComplaintRegistered', 1, ${event}::jsonb)`
        yield* sql`INSERT INTO tixi_inbox (process, instance_id, position, dedup_key, command, received_at, outcome)
          VALUES ('complaint', 'C-9', 0, 'k-0', ${command}::jsonb, 1, 'applied')`
      }).pipe(Effect.provide(pgliteLayer({ folder })), Effect.scoped),
    )
  }, 120_000)
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  const tixi = (...args: Array<string>) =>
    run(process.execPath, ["--conditions=@tixi/source", cli, "personal-data", ...args, "--config", config], {
      env: environment,
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    )

  it("exports what the database holds to a file, erases after a dry run that shows no value, and exports nothing after", {
    timeout: 90_000,
  }, async () => {
    const output = join(folder, "export.json")
    const exported = await tixi("export", "person-han-mei", "--output", output)
    expect(exported.code).toBe(0)
    const values = JSON.parse(readFileSync(output, "utf8")).values as Array<{
      value: string
      label: { en: string }
    }>
    expect(values.map((value) => value.value)).toContain("138 0000 5678")
    expect(values.find((value) => value.value === "hanmei@example.cn")?.label.en).toBe("E-mail")

    const refused = await tixi("erase", "person-han-mei")
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain("--reason")

    const dryRun = await tixi("erase", "person-han-mei", "--reason", "本人申请删除", "--dry-run")
    expect(dryRun.code).toBe(0)
    expect(JSON.parse(dryRun.stdout).counts.complaint["ComplaintRegistered.registration.phone"]).toBe(1)
    expect(dryRun.stdout).not.toContain("138 0000 5678")

    const erased = await tixi(
      "erase",
      "person-han-mei",
      "--reason",
      "本人申请删除",
      "--requested-by",
      "dpo-zhao",
    )
    expect(erased.code).toBe(0)
    expect(JSON.parse(erased.stdout).erasedValues).toBe(values.length)
    const after = await tixi("export", "person-han-mei")
    expect(JSON.parse(after.stdout).values).toEqual([])
  })
})
