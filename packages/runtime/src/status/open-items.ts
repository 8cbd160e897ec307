import type { Planning } from "@tixi/core"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

/** What the progress view is given of one stored open instance (`Planning.OpenItem`). */
type OpenItem = Planning.OpenItem

/**
 * The open instances of every process as `Planning.workProgress` reads them (工作进度控制):
 * where each stands, its next deadline, and — from its stored state — the department
 * (`departmentId`), the person who owns it (`owner.personId`) and how far it was escalated
 * (`escalationLevel`) when the flow keeps them; `department` narrows to one department.
 */
export const readOpenItems = (department?: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      process: string
      instance_id: string
      status: string
      next_deadline_key: string | null
      next_deadline_at: bigint | number | null
      department: string | null
      owner_person: string | null
      escalation_level: string | null
    }>`
      SELECT process, instance_id, status, next_deadline_key, next_deadline_at,
             state->>'departmentId' AS department, state->'owner'->>'personId' AS owner_person,
             state->>'escalationLevel' AS escalation_level
      FROM tixi_instances
      WHERE NOT finished ${department === undefined ? sql`` : sql`AND state->>'departmentId' = ${department}`}
      ORDER BY process, instance_id
    `
    return rows.map(
      (row): OpenItem => ({
        process: row.process,
        instanceId: row.instance_id,
        stage: row.status,
        escalationLevel: Number(row.escalation_level ?? 0) || 0,
        ...(row.department === null ? {} : { department: row.department as OpenItem["department"] }),
        ...(row.owner_person === null ? {} : { ownerPerson: row.owner_person as OpenItem["ownerPerson"] }),
        ...(row.next_deadline_key === null || row.next_deadline_at === null
          ? {}
          : { nextDeadline: { key: row.next_deadline_key, dueAt: Number(row.next_deadline_at) } }),
      }),
    )
  })
