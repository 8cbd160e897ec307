import { personId } from "@tixi/core"
import { findPostgres, startThrowawayPostgres, type ThrowawayPostgres } from "@tixi/testing"
import { Effect, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { postgresLayer } from "../../src/sql/postgres-client.ts"
import { type ChildRunner, spawnRunner } from "../fixtures/child-runner.ts"
import { type RemoteHost, startRemoteHost } from "../fixtures/remote-host/server.ts"

const postgres = findPostgres()
const ci = process.env.CI === "true" || process.env.CI === "1"
if ("missing" in postgres) {
  // Loud on purpose: a skipped failover test must never pass unnoticed.
  console.warn(`\n*** SKIPPING the PostgreSQL failover test: ${postgres.missing} ***\n`)
}

const count = 300
const timerEvery = 3
const isTimerInstance = (businessKey: string) => Number(businessKey.split("-").at(-1)) % timerEvery === 0

const until = async (
  what: string,
  check: () => boolean,
  timeoutMillis: number,
  runners: ReadonlyArray<ChildRunner>,
) => {
  const deadline = Date.now() + timeoutMillis
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}\n${runners.map((runner) => runner.output().slice(-1500)).join("\n---\n")}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

// In CI PostgreSQL must be there (.ci/run installs it); elsewhere its absence skips, loudly.
describe.skipIf("missing" in postgres && !ci)("failover between runners on PostgreSQL", () => {
  let database: ThrowawayPostgres
  let host: RemoteHost
  let decider: NodeJS.Timeout
  const runners: Array<ChildRunner> = []

  beforeAll(async () => {
    if ("missing" in postgres) throw new Error(`CI must run the failover test: ${postgres.missing}`)
    database = await startThrowawayPostgres(postgres.bin)
    host = await startRemoteHost()
    decider = setInterval(() => {
      for (const approval of host.approvals.pending()) {
        if (isTimerInstance(approval.businessKey) || Date.now() - approval.submittedAt < 500) continue
        host.approvals.decide(approval.id, {
          approver: personId("supervisor-sun"),
          outcome: "approved",
          at: Date.now(),
        })
      }
    }, 100)
  }, 120_000)

  afterAll(async () => {
    clearInterval(decider)
    for (const runner of runners) await runner.kill9()
    await host?.close()
    database?.stop()
  })

  it("continues a killed runner's instances on the others, losing and doubling nothing", {
    timeout: 300_000,
  }, async () => {
    const settings = (port: number) => ({
      database: { kind: "postgres" as const, url: database.url },
      engine: "cluster" as const,
      runnerId: { host: "runner", port },
      hostUrl: host.url,
      shardLeaseMillis: 6_000,
    })
    // The first runner creates the tables and, once the others have joined and the three have split
    // the shards, starts the instances.
    const first = spawnRunner({
      ...settings(1),
      seed: {
        count,
        prefix: "F",
        timerEvery,
        timerRemindMillis: 6_000,
        timerExpireMillis: 9_000,
        afterMillis: 8_000,
      },
    })
    runners.push(first)
    await first.ready
    const second = spawnRunner(settings(2))
    const third = spawnRunner(settings(3))
    runners.push(second, third)
    await Promise.all([second.ready, third.ready])
    await first.seeded

    // Kill the second runner once it has done real work and much remains in flight.
    const victim = "runner:2"
    await until(
      "the second runner to own instances",
      () =>
        host.host.cases().filter((record) => host.caseWriters(record.externalKey)[0] === victim).length >= 10,
      120_000,
      runners,
    )
    const closedBeforeKill = host.host.cases().filter((record) => record.status === "closed").length
    await second.kill9()
    const killedAt = Date.now()
    expect(closedBeforeKill).toBeLessThan(count)

    await until(
      "every case closed",
      () => host.host.cases().filter((record) => record.status === "closed").length === count,
      240_000,
      runners,
    )
    const completedAt = Date.now()

    const cases = host.host.cases()
    expect(cases).toHaveLength(count)
    for (const record of cases) expect(host.host.creations(record.externalKey)).toBe(1)
    expect(host.approvals.submissions()).toHaveLength(count)
    expect(new Set(host.approvals.submissions().map((submission) => submission.key)).size).toBe(count)
    expect(host.notifier.delivered()).toHaveLength(count / timerEvery)
    // The victim's instances were finished by the survivors.
    const adopted = cases.filter((record) => {
      const writers = host.caseWriters(record.externalKey)
      return writers[0] === victim && writers.at(-1) !== victim
    })
    expect(adopted.length).toBeGreaterThan(0)
    const writersAfterKill = new Set(cases.flatMap((record) => host.caseWriters(record.externalKey).slice(1)))
    expect(writersAfterKill.has("runner:1") || writersAfterKill.has("runner:3")).toBe(true)

    const statuses = await Effect.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        return yield* sql<{ status: string; count: number }>`
          SELECT status, COUNT(*)::int AS count FROM tixi_instances GROUP BY status ORDER BY status
        `
      }).pipe(Effect.provide(postgresLayer({ url: Redacted.make(database.url) }))),
    )
    expect(statuses).toEqual([
      { status: "approved", count: count - count / timerEvery },
      { status: "expired", count: count / timerEvery },
    ])
    console.log(
      JSON.stringify({
        failover: {
          instances: count,
          runners: 3,
          closedBeforeKill,
          adoptedBySurvivors: adopted.length,
          killToAllCompleteMillis: completedAt - killedAt,
        },
      }),
    )
  })
})
