import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { personId } from "@tixi/core"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { afterEach, describe, expect, it } from "vitest"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { type ChildRunner, spawnRunner } from "../fixtures/child-runner.ts"
import { type RemoteHost, startRemoteHost } from "../fixtures/remote-host/server.ts"

const started = Date.now()
const progress = (phase: string, host?: RemoteHost) =>
  console.log(
    `[crash +${Math.round((Date.now() - started) / 1000)}s] ${phase}` +
      (host
        ? ` cases=${host.host.cases().length} closed=${host.host.cases().filter((record) => record.status === "closed").length} approved=${host.approvals.records().filter((record) => record.state === "approved").length}`
        : ""),
  )

const until = async (
  what: string,
  check: () => boolean,
  timeoutMillis: number,
  runner: ChildRunner,
  host: RemoteHost,
) => {
  const deadline = Date.now() + timeoutMillis
  let reported = Date.now()
  while (!check()) {
    if (Date.now() - reported > 15_000) {
      const report =
        runner
          .output()
          .trim()
          .split("\n")
          .filter((line) => line.startsWith("report"))
          .at(-1) ?? ""
      progress(`waiting for ${what}; ${report}`, host)
      reported = Date.now()
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}\n${runner.output().slice(-3000)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

interface Scenario {
  readonly count: number
  /** Every n-th instance waits on timers (remind, then expire); the others on an approval. */
  readonly timerEvery: number
  readonly remindMillis: number
  readonly expireMillis: number
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/**
 * Starts a runner (a child process on a PGlite folder) with `count` instances, kills it with
 * SIGKILL once every timer instance has stored its timers and the approval instances are in
 * flight, keeps it down until every timer is overdue, restarts it and waits until every instance
 * has finished. The fake host lives in this process, so its counts survive the kill.
 */
async function crashAndRestart(scenario: Scenario) {
  const isTimerInstance = (businessKey: string) =>
    Number(businessKey.split("-").at(-1)) % scenario.timerEvery === 0
  const folder = mkdtempSync(join(tmpdir(), "tixi-crash-"))
  const host = await startRemoteHost()
  const runners: Array<ChildRunner> = []
  // Approvers decide about a second after each approval opens; timer instances are left to expire.
  const decider = setInterval(() => {
    for (const approval of host.approvals.pending()) {
      if (isTimerInstance(approval.businessKey) || Date.now() - approval.submittedAt < 1_000) continue
      host.approvals.decide(approval.id, {
        approver: personId("supervisor-sun"),
        outcome: "approved",
        at: Date.now(),
      })
    }
  }, 100)
  cleanups.push(async () => {
    clearInterval(decider)
    for (const runner of runners) await runner.kill9()
    await host.close()
    rmSync(folder, { recursive: true, force: true })
  })
  const settings = {
    database: { kind: "pglite" as const, folder },
    runnerId: { host: "embedded", port: 0 },
    hostUrl: host.url,
  }
  const first = spawnRunner({
    ...settings,
    seed: {
      count: scenario.count,
      prefix: "C",
      timerEvery: scenario.timerEvery,
      timerRemindMillis: scenario.remindMillis,
      timerExpireMillis: scenario.expireMillis,
    },
  })
  runners.push(first)
  await first.ready
  progress("first runner ready", host)
  const seededAt = await first.seeded
  progress("seeded", host)
  const timerInstances = Math.ceil(scenario.count / scenario.timerEvery)
  await until(
    "the timer instances' first turns",
    () => host.host.cases().filter((record) => isTimerInstance(record.externalKey)).length === timerInstances,
    600_000,
    first,
    host,
  )
  const closedBeforeKill = host.host.cases().filter((record) => record.status === "closed").length
  const killedAt = Date.now()
  await first.kill9()
  progress("killed the first runner with SIGKILL", host)

  // Every instance was opened before seeding ended, so every timer is overdue by then + expiry.
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, seededAt + scenario.expireMillis + 1_000 - Date.now())),
  )
  const second = spawnRunner(settings)
  runners.push(second)
  const readyAt = await second.ready
  progress("second runner ready", host)
  await until(
    "every case closed",
    () => host.host.cases().filter((record) => record.status === "closed").length === scenario.count,
    600_000,
    second,
    host,
  )
  const completedAt = Date.now()
  progress("all complete", host)
  await second.stop()

  const recorded = await Effect.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const statuses = yield* sql<{ status: string; count: number }>`
        SELECT status, COUNT(*)::int AS count FROM tixi_instances WHERE finished GROUP BY status ORDER BY status
      `
      const timers = yield* sql<{ type: string; fired: bigint; due: bigint }>`
        SELECT t.type, t.at AS fired,
          CASE WHEN t.type = 'Reminded' THEN (o.event->>'remindAt')::bigint ELSE (o.event->>'expireAt')::bigint END AS due
        FROM tixi_events t JOIN tixi_events o ON o.instance_id = t.instance_id AND o.type = 'Opened'
        WHERE t.type IN ('Reminded', 'Expired')
      `
      return { statuses, timers }
    }).pipe(Effect.provide(pgliteLayer({ folder }))),
  )
  // Timers that fell due while the runner was down, and when they fired after it was back.
  const overdue = recorded.timers
    .filter((timer) => Number(timer.due) > killedAt && Number(timer.due) < readyAt)
    .map((timer) => Number(timer.fired) - readyAt)
    .sort((left, right) => left - right)
  const figures = {
    instances: scenario.count,
    closedBeforeKill,
    calls: Object.fromEntries(host.calls),
    restartToReadyMillis: readyAt - second.spawnedAt,
    timersFallenDueWhileDown: overdue.length,
    firstFiredAfterReadyMillis: overdue[0],
    medianFiredAfterReadyMillis: overdue[Math.floor(overdue.length / 2)],
    lastFiredAfterReadyMillis: overdue.at(-1),
    readyToAllCompleteMillis: completedAt - readyAt,
  }
  console.log(JSON.stringify({ crash: figures }))
  return { host, recorded, overdue, timerInstances, figures }
}

/** Each host side effect happened exactly once, counted on the host by idempotency key. */
function expectExactlyOnce(host: RemoteHost, count: number, timerInstances: number) {
  const cases = host.host.cases()
  expect(cases).toHaveLength(count)
  for (const record of cases) expect(host.host.creations(record.externalKey)).toBe(1)
  const submissions = host.approvals.submissions()
  expect(submissions).toHaveLength(count)
  expect(new Set(submissions.map((submission) => submission.key)).size).toBe(count)
  const notifications = host.notifier.delivered()
  expect(notifications).toHaveLength(timerInstances)
  expect(new Set(notifications.map((notification) => notification.key)).size).toBe(timerInstances)
  expect(host.unacknowledged()).toEqual([])
}

describe("a runner killed with SIGKILL mid-flight (PGlite)", () => {
  // TIXI_CRASH_INSTANCES=1000 runs the figure. The suite runs 250 so that it stays within a
  // few minutes: on PGlite a turn costs about 35 statements of ~1 ms each on a shared 2-core machine.
  const count = Number(process.env.TIXI_CRASH_INSTANCES ?? 250)

  it(`completes ${count} instances with each side effect exactly once`, { timeout: 1_500_000 }, async () => {
    const { host, recorded, timerInstances } = await crashAndRestart({
      count,
      timerEvery: 2,
      remindMillis: 30_000,
      expireMillis: 32_000,
    })
    expectExactlyOnce(host, count, timerInstances)
    expect(recorded.statuses).toEqual([
      { status: "approved", count: count - timerInstances },
      { status: "expired", count: timerInstances },
    ])
    expect(recorded.timers).toHaveLength(2 * timerInstances)
  })

  it("fires timers that fell due while it was down within 2 s of the restart", {
    timeout: 600_000,
  }, async () => {
    // Few instances, all on timers stored before the kill: the restart has no backlog to hide the
    // timer mechanism behind, so this measures how soon stored, overdue timers are picked up.
    const { host, recorded, overdue } = await crashAndRestart({
      count: 10,
      timerEvery: 1,
      remindMillis: 20_000,
      expireMillis: 21_000,
    })
    expectExactlyOnce(host, 10, 10)
    expect(recorded.statuses).toEqual([{ status: "expired", count: 10 }])
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue[0]).toBeLessThanOrEqual(2_000)
  })
})
