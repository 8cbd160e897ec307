import { defaultAccessPolicy, Organisation } from "@tixi/core"
import { Layer, Redacted, Result } from "effect"
import { describe, expect, it } from "vitest"
import { defineConfig, resolveConfig } from "../../src/config/define-config.ts"
import { hostPollingFeed } from "../../src/intake/intake-source.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"

const base = defineConfig({ processes: [hostedTicketProcess], host: inMemoryHostLayer })

const problems = (result: ReturnType<typeof resolveConfig>) =>
  Result.isFailure(result)
    ? result.failure.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
    : []

describe("defineConfig and resolveConfig", () => {
  it("defaults to PGlite in .tixi/data with an intake on 8787", () => {
    const resolved = resolveConfig(base, {})
    expect(Result.isSuccess(resolved)).toBe(true)
    if (Result.isFailure(resolved)) return
    expect(resolved.success.database).toEqual({
      kind: "pglite",
      folder: ".tixi/data",
      minFreeDiskBytes: 256 * 1024 * 1024,
    })
    expect(resolved.success.runner).toEqual({
      engine: "embedded",
      id: "embedded",
      shards: 32,
      pollIntervalMillis: 250,
      shardLeaseMillis: 60_000,
    })
    expect(resolved.success.intake).toMatchObject({
      port: 8787,
      host: "127.0.0.1",
      sources: [],
      maxEventsPerRequest: 1_000,
      maxConnections: 1_000,
      headersTimeoutMillis: 10_000,
      requestTimeoutMillis: 30_000,
      retainDeliveredMillis: 7 * 24 * 60 * 60 * 1000,
    })
    expect(resolved.success.retry).toEqual({
      attempts: 6,
      initialDelayMillis: 200,
      maxDelayMillis: 30_000,
      factor: 2,
    })
  })

  it("names the missing PostgreSQL URL and runner id", () => {
    const resolved = resolveConfig(defineConfig({ ...base, database: { kind: "postgres" } }), {})
    expect(problems(resolved)).toEqual([
      "database.url: missing: set TIXI_DATABASE_URL (postgres://…) or database.url",
      "runner.id: missing: several runners on one PostgreSQL need a name each; set TIXI_RUNNER_ID or runner.id",
    ])
    expect(Result.isFailure(resolved) && resolved.failure.message).toMatch(
      /^invalid tixi\.config: tixi\.config\.database\.url: missing/,
    )
  })

  it("reads secrets and settings from the environment, keeping the URL redacted", () => {
    const resolved = resolveConfig(defineConfig({ ...base, database: { kind: "postgres" } }), {
      TIXI_DATABASE_URL: "postgres://tixi:secret@db:5432/tixi",
      TIXI_RUNNER_ID: "runner-a",
      TIXI_INTAKE_PORT: "9000",
      TIXI_ADMIN_TOKEN: "admin-secret-of-at-least-32-characters",
    })
    if (Result.isFailure(resolved)) throw resolved.failure
    const { database, runner, intake, admin } = resolved.success
    expect(database.kind).toBe("postgres")
    if (database.kind !== "postgres") return
    expect(Redacted.isRedacted(database.url)).toBe(true)
    expect(String(database.url)).not.toContain("secret")
    expect(Redacted.value(database.url)).toBe("postgres://tixi:secret@db:5432/tixi")
    expect(runner.id).toBe("runner-a")
    // Runners sharing PostgreSQL run the cluster engine unless the file says otherwise.
    expect(runner.engine).toBe("cluster")
    expect(runner.shardLeaseMillis).toBe(10_000)
    expect(intake !== false && intake.port).toBe(9000)
    expect(admin.token && Redacted.value(admin.token)).toBe("admin-secret-of-at-least-32-characters")
  })

  it("refuses an admin token shorter than 32 characters, naming admin.token", () => {
    const short = resolveConfig(base, { TIXI_ADMIN_TOKEN: "x" })
    expect(problems(short)).toEqual([
      "admin.token: at least 32 characters (TIXI_ADMIN_TOKEN); e.g. openssl rand -hex 24",
    ])
    const long = resolveConfig(base, { TIXI_ADMIN_TOKEN: "x".repeat(32) })
    expect(Result.isSuccess(long)).toBe(true)
  })

  it("reports every bad value at once, by path", () => {
    const resolved = resolveConfig(
      defineConfig({
        ...base,
        processes: [],
        runner: { id: "has spaces", shards: 0 },
        intake: { port: 70_000, maxEventsPerRequest: 0, requestTimeoutMillis: 1.5 },
        retry: { attempts: -1 },
      }),
      {},
    )
    const paths = problems(resolved).map((problem) => problem.split(":")[0])
    expect(paths).toEqual(
      expect.arrayContaining([
        "processes",
        "runner.id",
        "runner.shards",
        "intake.port",
        "intake.maxEventsPerRequest",
        "intake.requestTimeoutMillis",
        "retry.attempts",
      ]),
    )
  })

  it("refuses a plain-string database URL in the file: secrets stay Redacted", () => {
    const resolved = resolveConfig(
      { ...base, database: { kind: "postgres", url: "postgres://x" as unknown as Redacted.Redacted } },
      { TIXI_RUNNER_ID: "a" },
    )
    expect(problems(resolved)[0]).toMatch(/^database\.url: expected a secret wrapped with Redacted\.make/)
  })

  it("accepts no intake at all", () => {
    const resolved = resolveConfig(defineConfig({ ...base, intake: false, host: Layer.empty as never }), {})
    expect(Result.isSuccess(resolved) && resolved.success.intake).toBe(false)
  })

  it("keeps the change feeds it is given, and refuses two feeds of one name (each keeps its own position)", () => {
    const feeds = [hostPollingFeed({ name: "salesforce" })]
    const resolved = resolveConfig(defineConfig({ ...base, intake: { feeds } }), {})
    expect(
      Result.isSuccess(resolved) && resolved.success.intake !== false && resolved.success.intake.feeds,
    ).toBe(feeds)
    const twice = resolveConfig(
      defineConfig({ ...base, intake: { feeds: [...feeds, hostPollingFeed({ name: "salesforce" })] } }),
      {},
    )
    expect(problems(twice)).toEqual([
      "intake.feeds: two feeds have the same name; each name keeps its own position",
    ])
    const nameless = resolveConfig(
      defineConfig({ ...base, intake: { feeds: [{ ...feeds[0]!, name: "" }] } }),
      {},
    )
    expect(problems(nameless)[0]).toMatch(/^intake\.feeds\.0\.name: /)
  })

  it("reads under the 中小型企业 chart and the handbook's access rules when the file names neither", () => {
    const resolved = resolveConfig(base, {})
    if (Result.isFailure(resolved)) throw resolved.failure
    expect(resolved.success.organisation).toEqual(Organisation.smallEnterpriseOrganisation)
    expect(resolved.success.access).toEqual(defaultAccessPolicy)
    // Resolved once: the 客户信用专员 of a small company is its 信息专员.
    expect(resolved.success.chart.holderOf("creditOfficer")?.id).toBe("informationOfficer")
  })

  it("refuses a company organisation or access policy that does not resolve, naming organisation.merges.x and access.needToKnow.y beside the other settings", () => {
    const resolved = resolveConfig(
      defineConfig({
        ...base,
        retry: { attempts: 0 },
        organisation: {
          ...Organisation.largeEnterpriseOrganisation,
          version: "acme-1",
          merges: { noSuchPost: "complaintOfficer" },
        },
        access: { ...defaultAccessPolicy, needToKnow: { astrology: "secret" } as never },
      }),
      {},
    )
    const paths = problems(resolved).map((problem) => problem.split(":")[0])
    expect(paths).toContain("retry.attempts")
    expect(paths).toContain("organisation.merges.noSuchPost")
    expect(paths.some((path) => path?.startsWith("access.needToKnow"))).toBe(true)
  })
})
