import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Complaints, type EffectRequest, personId, replay } from "@tixi/core"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { afterEach, describe, expect, it } from "vitest"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { type ChildRunner, spawnRunner } from "../fixtures/child-runner.ts"
import { complaintDefinition } from "../fixtures/complaint-process.ts"
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

/** When a runner said its database was open (the engine starts then). */
const openedAt = (runner: ChildRunner) => Number(runner.output().match(/^opened (\d+)$/m)?.[1])

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** The effects a complaint's event log asks for, recomputed from its events with the definition. */
const effectsOfLog = (instanceId: string, events: ReadonlyArray<Complaints.ComplaintEvent>) => {
  let state = complaintDefinition.initialState
  const requests: Array<EffectRequest> = []
  for (const [sequence, event] of events.entries()) {
    state = replay(complaintDefinition, [event], state)
    requests.push(...complaintDefinition.effects(state, event, { instanceId, sequence }))
  }
  return requests
}

/**
 * Every host side effect the event logs ask for happened exactly once, counted on the host by
 * its idempotency key (the external key of cases, tasks and activities, the key of approvals and
 * notifications), and the host holds nothing else.
 */
function expectExactlyOnce(
  host: RemoteHost,
  logs: ReadonlyMap<string, ReadonlyArray<Complaints.ComplaintEvent>>,
) {
  const expected = [...logs].flatMap(([instanceId, events]) => effectsOfLog(instanceId, events))
  const keysOf = (kind: EffectRequest["kind"]) =>
    expected.flatMap((request) => {
      if (request.kind !== kind) return []
      if (request.kind === "host.task.create" || request.kind === "host.activity.log")
        return [request.draft.externalKey]
      return [request.key]
    })
  const cases = host.host.cases()
  expect(cases).toHaveLength(logs.size)
  for (const record of cases) expect(host.host.creations(record.externalKey)).toBe(1)

  const tasks = keysOf("host.task.create")
  expect(new Set(tasks).size).toBe(tasks.length)
  expect(
    host.host
      .tasks()
      .map((task) => task.externalKey)
      .sort(),
  ).toEqual([...tasks].sort())
  for (const key of tasks) expect(host.host.creations(key)).toBe(1)

  const activities = keysOf("host.activity.log")
  expect(
    host.host
      .activities()
      .map((activity) => activity.externalKey)
      .sort(),
  ).toEqual([...activities].sort())
  for (const key of activities) expect(host.host.creations(key)).toBe(1)

  const submissions = host.approvals.submissions().map((submission) => submission.key)
  expect(submissions.sort()).toEqual(keysOf("approval.submit").sort())

  const notifications = host.notifier.delivered().map((notification) => notification.key)
  expect(notifications.sort()).toEqual(keysOf("notify").sort())
  expect(host.unacknowledged()).toEqual([])
}

describe("a runner killed with SIGKILL mid-flight (PGlite, embedded engine)", () => {
  // TIXI_CRASH_INSTANCES changes the figure; the issue asks for 1,000 complaints in flight.
  const count = Number(process.env.TIXI_CRASH_INSTANCES ?? 1000)
  const timerEvery = 2

  it(`completes ${count} complaints with each side effect exactly once, timers that fell due while it was down firing within 2 s of the restart`, {
    timeout: 900_000,
  }, async () => {
    const isTimerComplaint = (id: string) => Number(id.split("-").at(-1)) % timerEvery === 0
    const folder = mkdtempSync(join(tmpdir(), "tixi-crash-"))
    const host = await startRemoteHost()
    const runners: Array<ChildRunner> = []
    // The manager decides each approval about a second after it opens.
    const decider = setInterval(() => {
      for (const approval of host.approvals.pending()) {
        if (Date.now() - approval.submittedAt < 1_000) continue
        host.approvals.decide(approval.id, {
          approver: personId("manager-qian"),
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
      engine: "embedded" as const,
      runnerId: { host: "embedded", port: 0 },
      hostUrl: host.url,
    }
    const population = { count, prefix: "C", timerEvery }
    const first = spawnRunner({ ...settings, complaints: { ...population, register: true } })
    runners.push(first)
    await first.ready
    progress("first runner ready", host)
    const registeredAt = await first.seeded
    progress("registered every complaint", host)
    // Kill once the desk has opened approvals for some complaints (the manager decides them while
    // the runner is down), and before the first critical deadline falls due.
    const approvalComplaints = count - Math.ceil(count / timerEvery)
    while (host.approvals.records().length < approvalComplaints / 4 && Date.now() < registeredAt + 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const approvalsInFlight = host.approvals.records().length
    const closedBeforeKill = host.host.cases().filter((record) => record.status === "closed").length
    const killedAt = Date.now()
    await first.kill9()
    progress("killed the first runner with SIGKILL", host)

    // Every complaint was registered before registering ended and received 30 s before it was
    // registered, so every critical complaint's first-response breach (two minutes after receipt)
    // has fallen due 90 s after registering ended.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, registeredAt + 91_000 - Date.now())))
    const second = spawnRunner({ ...settings, complaints: { ...population, register: false } })
    runners.push(second)
    const readyAt = await second.ready
    progress("second runner ready", host)
    await until(
      "every case closed",
      () => host.host.cases().filter((record) => record.status === "closed").length === count,
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
        const statuses = yield* sql<{ status: string; finished: boolean; count: number }>`
          SELECT status, finished, COUNT(*)::int AS count FROM tixi_instances GROUP BY status, finished
        `
        const rows = yield* sql<{ instance_id: string; event: Complaints.ComplaintEvent }>`
          SELECT instance_id, event FROM tixi_events ORDER BY instance_id, sequence
        `
        const logs = new Map<string, Array<Complaints.ComplaintEvent>>()
        for (const row of rows) logs.set(row.instance_id, [...(logs.get(row.instance_id) ?? []), row.event])
        return { statuses, logs }
      }).pipe(Effect.provide(pgliteLayer({ folder }))),
    )
    expect(recorded.statuses).toEqual([{ status: "closed", finished: true, count }])
    expectExactlyOnce(host, recorded.logs)

    // Deadlines that fell due while no runner was up, and when the restarted runner fired them:
    // a breach records the deadline's due instant and the instant the check found it passed.
    const restartedAt = openedAt(second)
    const breaches = [...recorded.logs.values()]
      .flat()
      .filter(
        (event): event is Extract<Complaints.ComplaintEvent, { type: "DeadlineBreached" }> =>
          event.type === "DeadlineBreached",
      )
    const overdue = breaches
      .filter((breach) => breach.dueAt > killedAt && breach.dueAt < restartedAt)
      .map((breach) => breach.at - restartedAt)
      .sort((left, right) => left - right)
    const timerComplaints = [...recorded.logs.keys()].filter(isTimerComplaint).length
    const figures = {
      complaints: count,
      approvalsOpenedBeforeKill: approvalsInFlight,
      closedBeforeKill,
      downMillis: restartedAt - killedAt,
      spawnToDatabaseOpenMillis: restartedAt - second.spawnedAt,
      spawnToReadyMillis: readyAt - second.spawnedAt,
      timersFallenDueWhileDown: overdue.length,
      firstFiredAfterRestartMillis: overdue[0],
      medianFiredAfterRestartMillis: overdue[Math.floor(overdue.length / 2)],
      lastFiredAfterRestartMillis: overdue.at(-1),
      lastFiredAfterSpawnMillis: (overdue.at(-1) ?? 0) + restartedAt - second.spawnedAt,
      readyToAllCompleteMillis: completedAt - readyAt,
      hostCalls: Object.fromEntries(host.calls),
    }
    console.log(JSON.stringify({ crash: figures }))
    // Every critical complaint's first-response warning and breach fell due while no runner was
    // up; the check that fired first found the deadline passed and recorded the breach, within
    // two seconds of the restarted runner opening its database.
    expect(breaches).toHaveLength(timerComplaints)
    expect(overdue).toHaveLength(timerComplaints)
    expect(overdue.at(-1)).toBeLessThanOrEqual(2_000)
  })
})
