import { execFile, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

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

  it("serves, and answers status and retry through the serving runner", { timeout: 180_000 }, async () => {
    const server = spawn(process.execPath, ["--conditions=@tixi/source", cli, "serve", "--config", config], {
      env: environment,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    server.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
    })
    server.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
    })
    try {
      const deadline = Date.now() + 150_000
      while (!output.includes("intake on")) {
        if (Date.now() > deadline || server.exitCode !== null)
          throw new Error(`serve did not start:\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(output).toContain("serving ticket v1")
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
    } finally {
      server.kill("SIGTERM")
      await new Promise((resolve) => server.once("exit", resolve))
    }
    expect(output).toContain("tixi: stopping")
  })
})
