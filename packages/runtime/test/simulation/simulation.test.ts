import { expect, it } from "@effect/vitest"
import { type ApprovalId, InMemoryApprovals, InMemoryNotifier, personId } from "@tixi/core"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { ProcessRuntime, runtimeLayer } from "../../src/engine/runtime-layer.ts"
import { makeSimulatedClock, simulatedClockLayer } from "../../src/simulation/simulated-clock.ts"
import { runSimulation, type SimulationStep } from "../../src/simulation/simulation-driver.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { hostedTicketProcess } from "../fixtures/ticket-process.ts"

const day = 86_400_000
const start = Date.UTC(2026, 0, 5)
const openedAt = (index: number) => start + Math.round(index * 1.5 * day)
/** How long the approver of ticket `index` takes: 2 to 47 hours. */
const decisionDelay = (index: number) => (2 + ((index * 7) % 46)) * 3_600_000

// The cluster engine polls its message storage to settle, so it simulates fewer days.
const engines = [
  { name: "embedded", tickets: 60, days: 90, options: { engine: "embedded" } },
  {
    name: "cluster",
    tickets: 12,
    days: 20,
    options: {
      engine: "cluster",
      cluster: {
        runnerId: { host: "simulation", port: 0 },
        pollIntervalMillis: 50,
        shardLeaseMillis: 60_000,
      },
    },
  },
] as const

for (const { name, tickets, days, options } of engines) {
  const until = start + days * day
  it.live(
    `runs ${days} days of tickets on the ${name} engine with a simulated clock; timers fire at their due instants`,
    () => {
      const clock = makeSimulatedClock(start)
      const environment = runtimeLayer({
        ...options,
        processes: [hostedTicketProcess],
        pumpIntervalMillis: 60_000,
      }).pipe(
        Layer.provideMerge(inMemoryHostLayer),
        Layer.provideMerge(pgliteLayer()),
        Layer.provide(simulatedClockLayer(clock)),
      )
      return Effect.gen(function* () {
        const runtime = yield* ProcessRuntime
        const approvals = yield* InMemoryApprovals
        const notifier = yield* InMemoryNotifier
        const sql = yield* SqlClient.SqlClient
        // A ticket every 1.5 days; every third approver never answers (the ticket expires after 3
        // days, reminded after 1), the others answer after 2 to 47 hours.
        const steps: Array<SimulationStep<ProcessRuntime>> = Array.from({ length: tickets }, (_, index) => ({
          at: openedAt(index),
          run: Effect.asVoid(
            runtime.start("ticket", `S-${index}`, {
              type: "Open",
              id: `S-${index}`,
              remindAfterMillis: day,
              expireAfterMillis: 3 * day,
            }),
          ),
        }))
        const planned = new Set<ApprovalId>()
        const onSettled = (now: number) =>
          Effect.sync(() =>
            approvals
              .pending()
              .filter(
                (approval) => !planned.has(approval.id) && Number(approval.businessKey.slice(2)) % 3 !== 0,
              )
              .map((approval): SimulationStep<ProcessRuntime> => {
                planned.add(approval.id)
                const delay = decisionDelay(Number(approval.businessKey.slice(2)))
                return {
                  at: now + delay,
                  run: Effect.gen(function* () {
                    const outcome = approvals.decide(approval.id, {
                      approver: personId("supervisor-sun"),
                      outcome: "approved",
                      at: now + delay,
                    })
                    if (outcome) {
                      yield* runtime.routeEvent({
                        source: "memory",
                        id: outcome.eventId,
                        type: "approval.outcome",
                        payload: outcome,
                        receivedAt: now + delay,
                      })
                    }
                  }),
                }
              }),
          )
        const started = Date.now()
        yield* runSimulation({ clock, steps, until, onSettled })
        const realMillis = Date.now() - started

        const statuses = yield* sql<{ status: string; count: number }>`
        SELECT status, COUNT(*)::int AS count FROM tixi_instances GROUP BY status ORDER BY status
      `
        const indexes = Array.from({ length: tickets }, (_, index) => index)
        const expiring = indexes.filter((index) => index % 3 === 0).length
        const approved = indexes.filter(
          (index) => index % 3 !== 0 && openedAt(index) + decisionDelay(index) <= until,
        ).length
        expect(statuses).toEqual(
          [
            { status: "approved", count: approved },
            { status: "expired", count: expiring },
            { status: "waiting", count: tickets - approved - expiring },
          ].filter((row) => row.count > 0),
        )
        // Every timer fired at exactly its due instant of business time.
        const timers = yield* sql<{ type: string; fired: bigint; due: bigint }>`
        SELECT t.type, t.at AS fired,
          CASE WHEN t.type = 'Reminded' THEN (o.event->>'remindAt')::bigint ELSE (o.event->>'expireAt')::bigint END AS due
        FROM tixi_events t JOIN tixi_events o ON o.instance_id = t.instance_id AND o.type = 'Opened'
        WHERE t.type IN ('Reminded', 'Expired')
      `
        expect(timers.length).toBeGreaterThanOrEqual(2 * expiring)
        for (const timer of timers) expect(Number(timer.fired)).toBe(Number(timer.due))
        expect(notifier.delivered().length).toBe(timers.filter((timer) => timer.type === "Reminded").length)
        console.log(
          JSON.stringify({
            simulation: { engine: name, businessDays: days, tickets, timers: timers.length, realMillis },
          }),
        )
      }).pipe(Effect.provide(environment))
    },
    240_000,
  )
}
