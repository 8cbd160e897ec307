import { layer } from "@effect/vitest"
import { chinaMainlandCalendar, Planning } from "@tixi/core"
import { Effect, Result } from "effect"
import { SqlClient } from "effect/sql"
import { expect } from "vitest"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { formatProgress } from "../../src/status/format-progress.ts"
import { readOpenItems } from "../../src/status/open-items.ts"
import { ensureSchema } from "../../src/storage/schema.ts"

/** Tuesday 2026-06-02 10:00 in Shanghai. */
const at = Date.UTC(2026, 5, 2, 2, 0)
const hour = 3_600_000

const insert = (
  process: string,
  instanceId: string,
  status: string,
  finished: boolean,
  state: unknown,
  deadline?: readonly [string, number],
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`
      INSERT INTO tixi_instances (process, instance_id, execution_id, version, status, finished, state,
        next_deadline_key, next_deadline_at, started_at, updated_at)
      VALUES (${process}, ${instanceId}, ${`${process}/${instanceId}`}, 1, ${status}, ${finished},
        ${JSON.stringify(state)}::jsonb, ${deadline?.[0] ?? null}, ${deadline?.[1] ?? null}, ${at}, ${at})
    `
  })

layer(pgliteLayer(), { timeout: 60_000, excludeTestServices: true })(
  "open items for the progress view",
  (it) => {
    it.effect(
      "reads every unfinished instance with its deadline, department, owner and escalation, on PGlite",
      () =>
        Effect.gen(function* () {
          yield* ensureSchema
          const owner = { personId: "officer-li", role: "officer" }
          yield* insert(
            "complaint",
            "C-1",
            "handling",
            false,
            { departmentId: "complaints", owner, escalationLevel: 2 },
            ["resolution", at - hour],
          )
          yield* insert("complaint", "C-2", "closed", true, { departmentId: "complaints", owner }, [
            "x",
            at - hour,
          ])
          yield* insert("planning.project", "SP-1", "piloting", false, { departmentId: "after-sales" })
          const items = yield* readOpenItems()
          expect(items).toEqual([
            {
              process: "complaint",
              instanceId: "C-1",
              stage: "handling",
              escalationLevel: 2,
              department: "complaints",
              ownerPerson: "officer-li",
              nextDeadline: { key: "resolution", dueAt: at - hour },
            },
            {
              process: "planning.project",
              instanceId: "SP-1",
              stage: "piloting",
              escalationLevel: 0,
              department: "after-sales",
            },
          ])
          expect((yield* readOpenItems("after-sales")).map((item) => item.instanceId)).toEqual(["SP-1"])

          const progress = Planning.workProgress(items, at, chinaMainlandCalendar())
          if (Result.isFailure(progress)) throw progress.failure
          expect(progress.success.departments[0]).toMatchObject({
            key: "complaints",
            overdue: 1,
            escalated: 1,
          })
          expect(formatProgress(progress.success).split("\n")).toEqual([
            "complaints: 1 open 未结, 1 overdue 超期, 0 due soon 即将到期, 1 escalated 已升级",
            "  已超期 Overdue -60 min  complaint C-1  handling  officer-li",
            "after-sales: 1 open 未结, 0 overdue 超期, 0 due soon 即将到期, 0 escalated 已升级",
            "  无期限 No deadline  planning.project SP-1  piloting  -",
          ])
        }),
    )
  },
)
