import { execFile, spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { hmacHeaders, signHmac } from "../../src/intake/hmac-source.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"
import { cliTestSecret } from "../fixtures/cli-config.ts"
import { mountSmallDisk } from "../fixtures/small-disk.ts"

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, "../../src/cli/main.ts")
const config = join(here, "../fixtures/cli-config.ts")
const run = promisify(execFile)

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0))
    })
  })

/** Starts `tixi serve` and waits until its intake listens; answers the child and its output so far. */
const startServe = async (environment: NodeJS.ProcessEnv) => {
  const server = spawn(process.execPath, ["--conditions=@tixi/source", cli, "serve", "--config", config], {
    env: environment,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const captured = { output: "" }
  server.stdout.on("data", (chunk: Buffer) => {
    captured.output += chunk.toString("utf8")
  })
  server.stderr.on("data", (chunk: Buffer) => {
    captured.output += chunk.toString("utf8")
  })
  const deadline = Date.now() + 150_000
  while (!captured.output.includes("intake on")) {
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill("SIGKILL")
      throw new Error(`serve did not start:\n${captured.output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { server, captured }
}

describe("the tixi CLI", () => {
  let folder: string
  let environment: NodeJS.ProcessEnv
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "tixi-cli-"))
    environment = {
      ...process.env,
      TIXI_TEST_FOLDER: folder,
      TIXI_TEST_INTAKE_PORT: String(await freePort()),
    }
  })
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  const tixi = (...args: Array<string>) =>
    run(process.execPath, ["--conditions=@tixi/source", cli, ...args], { env: environment }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    )

  it("prints its usage and fails without a command", async () => {
    const result = await tixi()
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("usage: tixi <command>")
  })

  it("runs the complaints simulation as its demo (here only its usage)", async () => {
    const result = await tixi("demo", "--help")
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("--data   the folder of the run's PGlite database")
  })

  it("names a missing configuration file", async () => {
    const result = await tixi("status", "--config", "nowhere.config.ts")
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/tixi: no configuration file at .*nowhere\.config\.ts/)
  })

  it("prints the progress of a database with no open items, as text and as JSON", {
    timeout: 120_000,
  }, async () => {
    const text = await tixi("progress", "--config", config)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain("No open items 无未结事项")
    const json = await tixi("progress", "--json", "--department", "complaints", "--config", config)
    expect(JSON.parse(json.stdout)).toMatchObject({ departments: [], owners: [] })
  })

  it("status --as shows a named person what their posts may read of the database, audited; an unknown person is named", {
    timeout: 240_000,
  }, async () => {
    const telephone = "13800138000"
    const onDatabase = (statement: Effect.Effect<unknown, unknown, SqlClient.SqlClient>) =>
      Effect.runPromise(
        Effect.gen(function* () {
          yield* ensureSchema
          yield* statement
        }).pipe(Effect.provide(pgliteLayer({ folder }))),
      )
    await onDatabase(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) =>
          sql`INSERT INTO tixi_dead_letters ${sql.insert({
            id: "dl-cli-1",
            process: "ticket",
            instance_id: "T-CLI",
            turn: 1,
            round: 0,
            effect_key: "dl-cli-1-key",
            kind: "host.updateRecord",
            request: "{}",
            error: `HubSpot 400: ${telephone} is not a valid phone`,
            attempts: 5,
            status: "parked",
            parked_at: 1_000,
          })}`,
      ),
    )
    try {
      const officer = await tixi("status", "--json", "--as", "officer-wu", "--config", config)
      expect(officer.code).toBe(0)
      const projected = JSON.parse(officer.stdout) as { deadLetters: Array<{ id: string; error: unknown }> }
      expect(projected.deadLetters).toEqual([
        expect.objectContaining({
          id: "dl-cli-1",
          error: { _tag: "Masked", level: "confidential", reason: "clearance" },
        }),
      ])
      expect(officer.stdout).not.toContain(telephone)
      const manager = await tixi("status", "--as", "gm-zhao", "--config", config)
      expect(manager.stdout).toContain(telephone)
      const audit = await tixi("audit", "--person", "officer-wu", "--format", "json", "--config", config)
      expect(audit.stdout).toContain("deadLetter.dl-cli-1.error")
      const unknown = await tixi("status", "--as", "nobody", "--config", config)
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toContain("nobody may not act")
      expect((await tixi("--help")).stdout).toContain("status [--json] [--as <person>]")
    } finally {
      await onDatabase(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql`DELETE FROM tixi_dead_letters WHERE id = 'dl-cli-1'`,
        ),
      )
    }
  })

  it("serves, and answers status and retry through the serving runner", { timeout: 180_000 }, async () => {
    const { server, captured } = await startServe(environment)
    try {
      expect(captured.output).toContain("serving ticket v1")
      // The embedded database is held by the server, so the CLI asks it over the admin endpoint.
      const status = await tixi("status", "--config", config)
      expect(status.code).toBe(0)
      expect(status.stdout).toContain("Instances (0)")
      expect(status.stdout).toContain("Dead letters (0)")
      const json = await tixi("status", "--json", "--config", config)
      expect(JSON.parse(json.stdout)).toMatchObject({ instances: [], deadLetters: [], overdueTotal: 0 })
      const retry = await tixi("retry", "dl-000000000000", "--config", config)
      expect(retry.code).toBe(1)
      expect(retry.stderr).toContain('no parked dead letter has id "dl-000000000000"')
      // The admin endpoints are on their own socket, not on the public intake.
      expect(captured.output).toContain(`admin endpoints on ${join(folder, "admin.sock")}`)
      const intakePort = environment.TIXI_TEST_INTAKE_PORT
      const token = readFileSync(join(folder, "admin.token"), "utf8")
      expect(token.length).toBeGreaterThanOrEqual(32)
      const viaIntake = await fetch(`http://127.0.0.1:${intakePort}/_tixi/status`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(viaIntake.status).toBe(404)
      // A second runner on the same folder is refused by the lock and leaves the token alone.
      const second = await tixi("serve", "--config", config)
      expect(second.code).toBe(1)
      expect(second.stderr).toMatch(/in use by process/)
      expect(readFileSync(join(folder, "admin.token"), "utf8")).toBe(token)
      expect((await tixi("status", "--config", config)).code).toBe(0)
    } finally {
      server.kill("SIGTERM")
      await new Promise((resolve) => server.once("exit", resolve))
    }
    expect(captured.output).toContain("tixi: stopping")
  })
})

// A 64 MiB tmpfs for the data folder (an initialised PGlite takes about 40 MiB). Mounting needs
// root, which CI has; without it the test is skipped with the reason mountSmallDisk gives.
const disk = mountSmallDisk(64)
const skipReason = typeof disk === "string" ? disk : undefined
// At the top level, so the disk is unmounted even when a filter (-t) skips the tests below.
afterAll(() => {
  if (typeof disk !== "string") disk.unmount()
})

describe.skipIf(skipReason !== undefined)(
  `tixi serve on a full disk${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    it("exits at the first ENOSPC with a message naming the full disk, for a supervisor to restart it", {
      timeout: 240_000,
    }, async () => {
      if (typeof disk === "string") return
      const port = await freePort()
      const { server, captured } = await startServe({
        ...process.env,
        TIXI_TEST_FOLDER: join(disk.folder, "data"),
        TIXI_TEST_INTAKE_PORT: String(port),
        // No watermark: the disk is let fill, as it would under a watermark set too low.
        TIXI_TEST_MIN_FREE_DISK: "0",
      })
      const exited = new Promise<number | null>((resolve) => {
        if (server.exitCode !== null) resolve(server.exitCode)
        server.once("exit", (code) => resolve(code))
      })
      try {
        disk.fill()
        // Webhooks keep arriving; the first that cannot be stored stops the runner.
        for (let attempt = 0; attempt < 50 && server.exitCode === null; attempt++) {
          const body = JSON.stringify({
            id: `full-${attempt}`,
            type: "note",
            payload: { text: "x".repeat(4000) },
          })
          const timestamp = Date.now()
          await fetch(`http://127.0.0.1:${port}/hooks/test`, {
            method: "POST",
            headers: {
              [hmacHeaders.timestamp]: String(timestamp),
              [hmacHeaders.signature]: signHmac(cliTestSecret, timestamp, body),
            },
            body,
          }).catch(() => undefined)
          await new Promise((resolve) => setTimeout(resolve, 200))
        }
        const code = await Promise.race([
          exited,
          new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 60_000)),
        ])
        expect(code, captured.output).toBe(1)
        expect(captured.output).toMatch(
          /tixi: the runner stopped: the database's disk is full \(.*No space left on device.*\); free space and restart tixi/,
        )
      } finally {
        if (server.exitCode === null) server.kill("SIGKILL")
        disk.free()
      }
    })
  },
)
