import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { personId } from "@tixi/core"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { type ChildRunner, spawnRunner } from "../fixtures/child-runner.ts"
import { type RemoteHost, startRemoteHost } from "../fixtures/remote-host/server.ts"

// TIXI_CRASH_INSTANCES=1000 runs the figure; the suite runs 250 so that it stays within a few
// minutes on PGlite (about 35 statements per turn at ~1 ms each on a shared 2-core machine).
const count = Number(process.env.TIXI_CRASH_INSTANCES ?? 250)
const timerEvery = 2
// Timer instances are seeded first; their timers (90 s after opening, longer than seeding and the
// first turns take) fall due while the runner is down.
const remindMillis = 90_000
const expireMillis = 95_000
const isTimerInstance = (businessKey: string) => Number(businessKey.split("-").at(-1)) % timerEvery === 0

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
  runner?: ChildRunner,
  host?: RemoteHost,
) => {
  const deadline = Date.now() + timeoutMillis
  let reported = Date.now()
  while (!check()) {
    if (Date.now() - reported > 15_000) {
      progress(`waiting for ${what}`, host)
      reported = Date.now()
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}\n${runner?.output().slice(-3000) ?? ""}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe("a runner killed with SIGKILL mid-flight (PGlite)", () => {
  let folder: string
  let host: RemoteHost
  let decider: NodeJS.Timeout
  const runners: Array<ChildRunner> = []

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "tixi-crash-"))
    host = await startRemoteHost()
    // Approvers decide about a second after each approval opens; timer instances are left to expire.
    decider = setInterval(() => {
      for (const approval of host.approvals.pending()) {
        if (isTimerInstance(approval.businessKey) || Date.now() - approval.submittedAt < 1_000) continue
        host.approvals.decide(approval.id, {
          approver: personId("supervisor-sun"),
          outcome: "approved",
          at: Date.now(),
        })
      }
    }, 100)
  })

  afterAll(async () => {
    clearInterval(decider)
    for (const runner of runners) await runner.kill9()
    await host.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it("completes every instance with each side effect exactly once, and fires overdue timers on restart", {
    timeout: 600_000,
  }, async () => {
    const settings = {
      database: { kind: "pglite" as const, folder },
      runnerId: { host: "embedded", port: 0 },
      hostUrl: host.url,
    }
    const first = spawnRunner({
      ...settings,
      seed: {
        count,
        prefix: "C",
        timerEvery,
        timerRemindMillis: remindMillis,
        timerExpireMillis: expireMillis,
      },
    })
    runners.push(first)
    await first.ready
    progress("first runner ready", host)
    // Every timer instance was opened before seeding ended, so all their timers fall due by then + 95 s.
    const seededAt = await first.seeded
    progress("seeded", host)
    // Mid-flight: every timer instance has taken its first turn (its timers are stored), the
    // approval instances are being worked on, approvals partly decided.
    await until(
      "the timer instances' first turns",
      () =>
        host.host.cases().filter((record) => isTimerInstance(record.externalKey)).length ===
        count / timerEvery,
      300_000,
      first,
      host,
    )
    const closedBeforeKill = host.host.cases().filter((record) => record.status === "closed").length
    const killedAt = Date.now()
    await first.kill9()
    progress("killed the first runner with SIGKILL", host)
    expect(closedBeforeKill).toBeLessThan(count)

    // Stay down until the timers of the last instances seeded are overdue too.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, seededAt + expireMillis + 1_000 - Date.now())),
    )

    const second = spawnRunner(settings)
    runners.push(second)
    const readyAt = await second.ready
    progress("second runner ready", host)
    await until(
      "every case closed",
      () => host.host.cases().filter((record) => record.status === "closed").length === count,
      480_000,
      second,
    )
    const completedAt = Date.now()
    await second.stop()

    // Exactly once, counted on the host by idempotency key.
    const cases = host.host.cases()
    expect(cases).toHaveLength(count)
    for (const record of cases) expect(host.host.creations(record.externalKey)).toBe(1)
    const submissions = host.approvals.submissions()
    expect(submissions).toHaveLength(count)
    expect(new Set(submissions.map((submission) => submission.key)).size).toBe(count)
    const notifications = host.notifier.delivered()
    expect(notifications).toHaveLength(count / timerEvery)
    expect(new Set(notifications.map((notification) => notification.key)).size).toBe(count / timerEvery)
    expect(host.unacknowledged()).toEqual([])

    // Read what the runner recorded: every instance finished; timers that fell due while it was
    // down fired once it was back.
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
    expect(recorded.statuses).toEqual([
      { status: "approved", count: count - count / timerEvery },
      { status: "expired", count: count / timerEvery },
    ])
    expect(recorded.timers).toHaveLength(count)
    const overdue = recorded.timers
      .filter((timer) => Number(timer.due) > killedAt && Number(timer.due) < readyAt)
      .map((timer) => Number(timer.fired) - readyAt)
      .sort((left, right) => left - right)
    expect(overdue.length).toBeGreaterThan(0)
    const figures = {
      instances: count,
      closedBeforeKill,
      calls: Object.fromEntries(host.calls),
      restartToReadyMillis: readyAt - second.spawnedAt,
      overdueTimers: overdue.length,
      firstOverdueFiredAfterReadyMillis: overdue[0],
      medianOverdueFiredAfterReadyMillis: overdue[Math.floor(overdue.length / 2)],
      lastOverdueFiredAfterReadyMillis: overdue.at(-1),
      restartToAllCompleteMillis: completedAt - second.spawnedAt,
    }
    console.log(JSON.stringify({ crash: figures }))
    // The restarted runner picks overdue timers up at once (no lease to wait out, no long poll).
    expect(figures.firstOverdueFiredAfterReadyMillis).toBeLessThanOrEqual(2_000)
  })
})
